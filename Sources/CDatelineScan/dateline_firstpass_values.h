#ifndef DATELINE_FIRSTPASS_VALUES_H
#define DATELINE_FIRSTPASS_VALUES_H

// The first pass's JSON skipping, shared by the line walk and the envelope's type (static
// inline: the walk calls them for every value of every line).

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline const uint8_t *fp_ws(const uint8_t *p, const uint8_t *end) {
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r')) p++;
  return p;
}

/// p just after an opening quote: the closing quote, or NULL (also at a `\n`: the pass
/// reads past a line's end, and no string goes on to the next line). *escaped is set when
/// a backslash was met.
static inline const uint8_t *fp_string_end(const uint8_t *p, const uint8_t *end, int *escaped) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i slash = _mm_set1_epi8('\\');
  const __m128i newline = _mm_set1_epi8('\n');
  while (p + 16 <= end) {
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)), _mm_cmpeq_epi8(v, newline));
    unsigned mask = (unsigned)_mm_movemask_epi8(hit);
    if (mask == 0) {
      p += 16;
      continue;
    }
    p += __builtin_ctz(mask);
    if (*p == '"') return p;
    if (*p == '\n' || (p + 1 < end && p[1] == '\n')) return NULL;
    *escaped = 1;
    p += 2;
  }
#endif
  while (p < end) {
    if (*p == '"') return p;
    if (*p == '\n') return NULL;
    if (*p == '\\') {
      if (p + 1 < end && p[1] == '\n') return NULL;
      *escaped = 1;
      p += 2;
      continue;
    }
    p++;
  }
  return NULL;
}

/// p at '{' or '[': just past the bracket that closes it, or NULL (with `lines`, at a `\n`
/// too: a line's value ends on its line; an envelope's may go on over many).
static inline const uint8_t *fp_skip_nested(const uint8_t *p, const uint8_t *end, int lines) {
  const uint8_t stop = lines ? '\n' : '"';
  int depth = 0;
  int escaped = 0;
  while (p < end) {
#if defined(__SSE2__)
    if (p + 16 <= end) {
      __m128i v = _mm_loadu_si128((const __m128i *)p);
      // '{' 0x7B and '}' 0x7D differ in bits 1-2, '[' 0x5B and ']' 0x5D too: OR 0x06 folds each
      // pair (with 'y', DEL, 'Y' and '_', which the byte test below passes over).
      __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x06));
      __m128i hit = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)stop))),
          _mm_or_si128(_mm_cmpeq_epi8(folded, _mm_set1_epi8(0x7F)), _mm_cmpeq_epi8(folded, _mm_set1_epi8(0x5F))));
      unsigned mask = (unsigned)_mm_movemask_epi8(hit);
      if (mask == 0) {
        p += 16;
        continue;
      }
      p += __builtin_ctz(mask);
    }
#endif
    uint8_t b = *p;
    if (b == stop && lines) return NULL;
    if (b == '"') {
      p = fp_string_end(p + 1, end, &escaped);
      if (!p) return NULL;
      p++;
      continue;
    }
    if (b == '{' || b == '[') {
      depth++;
    } else if (b == '}' || b == ']') {
      if (--depth == 0) return p + 1;
    }
    p++;
  }
  return NULL;
}

/// Skips one value of any kind; NULL when it does not end inside the line (see
/// fp_skip_nested for `lines`).
static inline const uint8_t *fp_skip_value(const uint8_t *p, const uint8_t *end, int lines) {
  if (p >= end) return NULL;
  if (*p == '"') {
    int escaped = 0;
    const uint8_t *q = fp_string_end(p + 1, end, &escaped);
    return q ? q + 1 : NULL;
  }
  if (*p == '{' || *p == '[') return fp_skip_nested(p, end, lines);
  const uint8_t *start = p;
  while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') p++;
  return p > start ? p : NULL;
}

/// A string value without escapes: its bytes in [*s, *s + *n); the position after it.
static inline const uint8_t *fp_plain_string(const uint8_t *p, const uint8_t *end, const uint8_t **s, size_t *n) {
  if (p >= end || *p != '"') return NULL;
  int escaped = 0;
  const uint8_t *q = fp_string_end(p + 1, end, &escaped);
  if (!q || escaped) return NULL;
  *s = p + 1;
  *n = (size_t)(q - p - 1);
  return q + 1;
}

/// Whether the n bytes at k are the string literal `name` (its length known at compile time).
#define fp_key(k, n, name) ((n) == sizeof(name) - 1 && memcmp((k), (name), sizeof(name) - 1) == 0)

#endif
