#ifndef DATELINE_SCAN_H
#define DATELINE_SCAN_H

// Byte helpers the loader inlines: prefetch, and the ASCII prefix of a line, 16 bytes at
// a time (the string scan's block pass is in dateline_strings.h).
//
// Why C: Swift's SIMD16<UInt8> comparisons did not become vector instructions in this
// toolchain (measured 20 times slower than 8-byte SWAR); SSE2 intrinsics do, and SSE2 is
// part of every x86-64. `static inline` so that Swift inlines them. Elsewhere the loop
// below the #if does the same work a byte at a time.

#include <stddef.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Asks for the cache line at p before it is read (a hint: never faults). For loops
/// over data scattered in memory, a few items ahead, so that the misses overlap.
static inline void dl_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

/// How many leading bytes of p[0..<n] are ASCII below DEL (0x00-0x7E): the part of a
/// JSON line that can be printed as it is without a closer look (see
/// RecordStore.printsRaw).
static inline size_t dl_below_del_prefix(const unsigned char *p, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i del = _mm_set1_epi8(0x7F);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    // As signed bytes, 0x80-0xFF are negative.
    unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, del)));
    if (mask != 0) return i + (unsigned)__builtin_ctz(mask);
  }
#endif
  for (; i < n && p[i] < 0x7F; i++) {}
  return i;
}

#endif
