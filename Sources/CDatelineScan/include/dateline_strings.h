#ifndef DATELINE_STRINGS_H
#define DATELINE_STRINGS_H

// The string scan's block pass (dateline_strings.c): JSON string content classified 32
// bytes at a time, as simdjson's first stage does, so that ByteScanner.string looks at a
// byte only where something other than plain text is.

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// How many leading bytes of p[0..<n] are string content that needs no closer look:
/// printable ASCII other than the quote and the backslash, and whole UTF-8 scalars of
/// the forms that are always valid, never white space, never a control and their own NFC
/// (two-byte scalars with lead bytes C3-CB, U+00C0-U+02FF; three-byte ones of
/// U+4E00-U+9FFF, lead bytes E4 B8-BF and E5-E9). Stops before the first other byte, or
/// before the first scalar that is not whole or not of these forms; ByteScanner reads
/// that one strictly.
///
/// Adds to *width the display-width bound of the bytes taken (1 a scalar, 2 for a
/// three-byte one) and sets *visible to 1 when one of them is not a space.
///
/// Reads at most n bytes. 32-byte blocks, with AVX2 where the processor has it (asked at
/// run time), else SSE2 (or byte by byte off x86-64); every path gives the same answer.
size_t dl_string_run_blocks(const unsigned char *p, size_t n, uint32_t *width, int *visible);

/// dl_string_run: plain ASCII is taken inline, 16 bytes at a time with SSE2 (most strings
/// of a record are plain ASCII, and a call per string cost more than it saved); at the
/// first byte of 0x80 or above the rest goes to dl_string_run_blocks.
static inline size_t dl_string_run(const unsigned char *p, size_t n, uint32_t *width,
                                   int *visible) {
  size_t i = 0;
  uint32_t w = 0;
  int shown = 0;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i ctrl = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
    __m128i stop = _mm_or_si128(_mm_or_si128(ctrl, _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
                                             _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));
    unsigned stops = (unsigned)_mm_movemask_epi8(stop);
    unsigned high = (unsigned)_mm_movemask_epi8(v);
    unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    if ((stops | high) == 0) {
      w += 16;
      if (spaces != 0xFFFFu) shown = 1;
      continue;
    }
    unsigned k = (unsigned)__builtin_ctz(stops | high);
    w += k;
    if (~spaces & ((1u << k) - 1u)) shown = 1;
    i += k;
    if (!((high >> k) & 1u)) goto done;
    goto blocks;
  }
#endif
  for (; i < n; i++) {
    unsigned char c = p[i];
    if (c >= 0x80) goto blocks;
    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) goto done;
    if (c != ' ') shown = 1;
    w++;
  }
done:
  *width += w;
  if (shown) *visible = 1;
  return i;
blocks:
  *width += w;
  if (shown) *visible = 1;
  return i + dl_string_run_blocks(p + i, n - i, width, visible);
}

/// dl_string_run_blocks through one path, for the tests that hold the paths to each other:
/// path 0 is byte by byte, 1 is SSE2, 2 is AVX2. A path this build or this processor
/// lacks answers as path 0 does (dl_string_run_path_available says which are real).
size_t dl_string_run_path(int path, const unsigned char *p, size_t n, uint32_t *width,
                          int *visible);

/// Whether path (as dl_string_run_path numbers them) runs its own code here.
int dl_string_run_path_available(int path);

/// Whether byte c may be in an id after its first byte: a-z, 0-9, '.', '_', '-'.
static inline int dl_id_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-';
}

/// The length of the id whose bytes start at p (just after its opening quote), or 0 when
/// p[0..<n] does not start with an id and its closing quote: 1 to 64 bytes of a-z, 0-9,
/// '.', '_' and '-', the first a letter or digit (TypedID.isValid). Sixteen bytes at a
/// time with SSE2; inline, so that ByteScanner.id pays no call for it.
static inline size_t dl_id_length(const unsigned char *p, size_t n) {
  size_t i = 0;
  size_t limit = n < 65 ? n : 65;
#if defined(__SSE2__)
  for (; i + 16 <= limit; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i lower = _mm_sub_epi8(v, _mm_set1_epi8('a'));
    lower = _mm_cmpeq_epi8(_mm_min_epu8(lower, _mm_set1_epi8(25)), lower);
    __m128i digit = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    digit = _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit);
    __m128i marks = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')),
                                              _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))));
    unsigned ok = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(lower, digit), marks));
    if (ok != 0xFFFFu) {
      i += (unsigned)__builtin_ctz(~ok);
      goto found;
    }
  }
#endif
  while (i < limit && dl_id_byte(p[i])) i++;
found:
  if (i == 0 || i > 64 || i >= n || p[i] != '"') return 0;
  if (p[0] == '.' || p[0] == '_' || p[0] == '-') return 0;
  return i;
}

/// The offset of the first '"' or '\\' in p[0..<n], or n: where a string's end is looked
/// for when its content is checked elsewhere (EnvelopeScan's items, which the item scan
/// or the parser check). Sixteen bytes at a time with SSE2.
static inline size_t dl_quote_or_backslash(const unsigned char *p, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    unsigned m = (unsigned)_mm_movemask_epi8(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    if (m != 0) return i + (unsigned)__builtin_ctz(m);
  }
#endif
  while (i < n && p[i] != '"' && p[i] != '\\') i++;
  return i;
}

#endif
