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
