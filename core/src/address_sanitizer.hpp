#pragma once
// ISO_ADDRESS_SANITIZER is defined when this translation unit is built with AddressSanitizer
// (g++ says so with a macro, clang with __has_feature).

#if defined(__SANITIZE_ADDRESS__)
#define ISO_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ISO_ADDRESS_SANITIZER 1
#endif
#endif
