// Must not compile: ISO_SENDABLE must list every field.
#include <string>
#include "iso/sendable.hpp"
struct Product {
  int id;
  std::string name;
  double price;
};
ISO_SENDABLE(Product, id, name);
