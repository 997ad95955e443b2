// Must compile: the control case for the compile-fail tests (same compiler, same flags).
#include <map>
#include <string>
#include <vector>
#include "iso/iso.hpp"
struct Product {
  int id;
  std::string name;
  double price;
};
ISO_SENDABLE(Product, id, name, price);
void send(const iso::SendPort& to) {
  to.send(std::map<std::string, std::vector<Product>>{});
  to.send(iso::Value(iso::Value::List{1, "two"}));
  to.send(iso::TransferableTypedData::from_list(std::string("bytes")));
  to.send(iso::Shared<std::string>(std::string("shared")));
  iso::exit(to, std::vector<Product>{});
}
int twice(int n) {
  return 2 * n;
}
// The forms that start an isolate: what crosses is in the call, each argument checked.
void start(const iso::SendPort& to, const std::vector<Product>& products) {
  (void)iso::Isolate::run([](const std::vector<Product>& p, int n) { return p.size() + n; },
                          products, 3);
  (void)iso::Isolate::run(iso::RunOptions{"named"}, &twice, 4);
  (void)iso::Isolate::spawn([](iso::SendPort reply) { reply.send(nullptr); }, to);
  (void)iso::compute([](int n) { return n + 1; }, 5);
  (void)iso::compute(&twice, 6);
  to.send(nullptr);
}
