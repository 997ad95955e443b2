#include "sha256/sha256.hpp"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <stdexcept>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace sha256 {
namespace {

[[noreturn]] void fail(const char* what) {
  char reason[256] = "no reason given";
  if (const unsigned long code = ERR_get_error(); code != 0) {
    ERR_error_string_n(code, reason, sizeof reason);
  }
  throw std::runtime_error(std::string("OpenSSL ") + what + ": " + reason);
}

}  // namespace

struct Hasher::Context {
  EVP_MD_CTX* context = nullptr;
  ~Context() { EVP_MD_CTX_free(context); }
};

Hasher::Hasher() : context_(std::make_unique<Context>()) {
  context_->context = EVP_MD_CTX_new();
  if (context_->context == nullptr) fail("EVP_MD_CTX_new");
  if (EVP_DigestInit_ex(context_->context, EVP_sha256(), nullptr) != 1) fail("EVP_DigestInit_ex");
}

Hasher::~Hasher() = default;
Hasher::Hasher(Hasher&&) noexcept = default;
Hasher& Hasher::operator=(Hasher&&) noexcept = default;

void Hasher::update(std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) return;
  if (EVP_DigestUpdate(context_->context, bytes.data(), bytes.size()) != 1) {
    fail("EVP_DigestUpdate");
  }
}

Digest Hasher::finish() {
  Digest digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context_->context, digest.data(), &length) != 1 ||
      length != digest.size()) {
    fail("EVP_DigestFinal_ex");
  }
  if (EVP_DigestInit_ex(context_->context, EVP_sha256(), nullptr) != 1) fail("EVP_DigestInit_ex");
  return digest;
}

Digest digest_of(std::span<const std::uint8_t> bytes) {
  Hasher hasher;
  hasher.update(bytes);
  return hasher.finish();
}

std::string to_hex(const Digest& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(digest.size() * 2);
  for (const auto byte : digest) {
    text += kHex[byte >> 4];
    text += kHex[byte & 0xf];
  }
  return text;
}

std::string openssl_version() {
  return OpenSSL_version(OPENSSL_VERSION);
}

std::string openssl_sha256_path() {
#if defined(__x86_64__)
  // OpenSSL keeps its capability vector private (OPENSSL_ia32cap_P is not exported), but it fills
  // it from CPUID, and its sha256-x86_64 code branches on exactly these bits, in this order.
  if (std::getenv("OPENSSL_ia32cap") != nullptr) {
    return "unknown (OPENSSL_ia32cap is set and may override the CPU's capabilities)";
  }
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  unsigned leaf7_ebx = 0;
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) != 0) leaf7_ebx = ebx;
  unsigned leaf1_ecx = 0;
  if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) != 0) leaf1_ecx = ecx;
  if ((leaf7_ebx & (1u << 29)) != 0) return "SHA-NI (x86 SHA extensions)";
  if ((leaf7_ebx & (1u << 5)) != 0) return "AVX2 (no SHA extensions on this CPU)";
  if ((leaf1_ecx & (1u << 28)) != 0) return "AVX (no SHA extensions on this CPU)";
  if ((leaf1_ecx & (1u << 9)) != 0) return "SSSE3 (no SHA extensions on this CPU)";
  return "plain x86-64 (no SHA extensions or SIMD)";
#else
  return "unknown (not an x86-64 build)";
#endif
}

}  // namespace sha256
