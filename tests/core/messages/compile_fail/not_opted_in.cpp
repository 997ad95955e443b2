// Must not compile: a user struct that did not opt in.
#include "iso/port.hpp"
struct Point {
  int x, y;
};
void send(const iso::SendPort& to, const Point& point) {
  to.send(point);
}
