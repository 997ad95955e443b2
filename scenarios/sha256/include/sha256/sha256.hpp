#pragma once
// SHA-256 through OpenSSL's EVP interface: what a native app links, with the assembly path
// OpenSSL picks for this CPU (SHA-NI where the CPU has the SHA extensions).

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace sha256 {

using Digest = std::array<std::uint8_t, 32>;

/// The digest in lower-case hex, as sha256sum prints it.
std::string to_hex(const Digest& digest);

/// One running SHA-256 computation. Not copyable; movable. Every call throws std::runtime_error
/// with OpenSSL's reason should OpenSSL fail (it does not for SHA-256 short of memory).
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(Hasher&&) noexcept;
  Hasher& operator=(Hasher&&) noexcept;

  /// Adds `bytes` to the message.
  void update(std::span<const std::uint8_t> bytes);
  /// The digest of everything added since construction or the last finish(); starts over.
  Digest finish();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

/// The digest of `bytes` in one update.
Digest digest_of(std::span<const std::uint8_t> bytes);

/// "OpenSSL 3.0.19 27 Jan 2026": the library actually loaded, not the headers compiled against.
std::string openssl_version();

/// Which SHA-256 code path OpenSSL's x86-64 dispatch takes on this CPU, as far as it can be
/// known from outside the library: it reads the same CPUID bits (SHA extensions, AVX2, AVX,
/// SSSE3) unless the OPENSSL_ia32cap environment variable overrides them. E.g. "SHA-NI (x86 SHA
/// extensions)"; "unknown (...)" when it cannot be told.
std::string openssl_sha256_path();

}  // namespace sha256
