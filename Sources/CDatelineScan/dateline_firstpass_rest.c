// The rest of a line, after the keys the first pass needs (see dl_fp_rest_plain).

#include "dateline_firstpass_internal.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// s just after a quote: 1 when a name the pass reads follows, with its closing quote.
static inline int fp_read_name(const uint8_t *s, const uint8_t *e) {
#define FP_NAME(lit) ((size_t)(e - s) >= sizeof(lit) && memcmp(s, lit "\"", sizeof(lit)) == 0)
  switch (*s) {
  case 'i': return FP_NAME("id");
  case 'd': return FP_NAME("date") || FP_NAME("date_precision") || FP_NAME("date_approx");
  case 't': return FP_NAME("time");
  case 'e': return FP_NAME("end_date");
  case 'p': return FP_NAME("parties");
  default: return 0;
  }
#undef FP_NAME
}

/// The hits of one block's `mask` (bit i for q[i]), first to last, as both vector loops
/// read them: 1 at the line's newline (*nl set), -1 at a backslash or a quote before a
/// name the pass reads (the line goes back to the walk), 0 when the block holds neither.
static inline __attribute__((always_inline)) int fp_block_hits(const uint8_t *q, unsigned mask,
                                                               const uint8_t *e, const uint8_t **nl) {
  while (mask) {
    const uint8_t *h = q + __builtin_ctz(mask);
    if (*h == '\n') {
      *nl = h;
      return 1;
    }
    if (*h == '\\' || fp_read_name(h + 1, e)) return -1;
    mask &= mask - 1;
  }
  return 0;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define FP_HAVE_AVX2_PATH 1
/// dl_fp_rest_plain's loop 32 bytes at a time where the processor has AVX2 (chosen at run
/// time, so the binary still runs without it): the first byte not looked at, or NULL
/// when a name or a backslash is there; *nl the line's newline once it is met.
__attribute__((target("avx2"))) static const uint8_t *fp_rest_plain_avx2(const uint8_t *q, const uint8_t *e,
                                                                         const uint8_t **nl) {
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i slash = _mm256_set1_epi8('\\');
  const __m256i newline = _mm256_set1_epi8('\n');
  while (q + 34 <= e) {
    __m256i v = _mm256_loadu_si256((const __m256i *)q);
    __m256i w = _mm256_loadu_si256((const __m256i *)(q + 1));
    __m256i x = _mm256_loadu_si256((const __m256i *)(q + 2));
#define FP_PAIR(a, b) _mm256_and_si256(_mm256_cmpeq_epi8(w, _mm256_set1_epi8(a)), _mm256_cmpeq_epi8(x, _mm256_set1_epi8(b)))
    __m256i first = _mm256_or_si256(_mm256_or_si256(FP_PAIR('i', 'd'), FP_PAIR('d', 'a')),
                                    _mm256_or_si256(_mm256_or_si256(FP_PAIR('t', 'i'), FP_PAIR('e', 'n')), FP_PAIR('p', 'a')));
#undef FP_PAIR
    __m256i hit = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, slash), _mm256_cmpeq_epi8(v, newline)),
                                  _mm256_and_si256(_mm256_cmpeq_epi8(v, quote), first));
    int hits = fp_block_hits(q, (unsigned)_mm256_movemask_epi8(hit), e, nl);
    if (hits > 0) return *nl;
    if (hits < 0) return NULL;
    q += 32;
  }
  return q;
}
#endif

/// The line's closing `}`: the last byte before `nl` that is not a space, tab or `\r`
/// (NULL when that is not a `}`, or not at or after p).
static const uint8_t *fp_close(const uint8_t *p, const uint8_t *nl) {
  while (nl > p && (nl[-1] == ' ' || nl[-1] == '\t' || nl[-1] == '\r')) nl--;
  return nl > p && nl[-1] == '}' ? nl - 1 : NULL;
}

/// p between two members of a line's top-level object, every key the pass must have
/// read already, the line's bytes going on to its `\n` (or to `end` with `final`): the
/// line's closing `}` when nothing after p can change what was read, with *nl its newline
/// (or `end`); else NULL (and the walk goes on value by value). Nothing after p can when
/// it holds no backslash (an escaped key could spell a name) and no quote followed by a
/// name the pass reads, anywhere: a top-level key, a nested one or a string's words alike
/// send the line back to the walk, so such a key is never missed. Why: on the usual line
/// the walk then stops after `parties`, and the headline, summary, attribution and quote
/// are passed over 32 bytes at a time with no value parsed; the same pass finds the
/// line's end, so the line is not searched for its `\n` beforehand.
const uint8_t *dl_fp_rest_plain(const uint8_t *p, const uint8_t *end, int final, const uint8_t **nl) {
  const uint8_t *q = p;
  *nl = NULL;
#if defined(FP_HAVE_AVX2_PATH)
  if (__builtin_cpu_supports("avx2")) {
    q = fp_rest_plain_avx2(q, end, nl);
    if (!q) return NULL;
    if (*nl) return fp_close(p, *nl);
  }
#endif
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i slash = _mm_set1_epi8('\\');
  const __m128i newline = _mm_set1_epi8('\n');
  while (q + 18 <= end) {
    // A quote and the name's first two letters: "id "da(te) "ti(me) "en(d_date) "pa(rties).
    __m128i v = _mm_loadu_si128((const __m128i *)q);
    __m128i w = _mm_loadu_si128((const __m128i *)(q + 1));
    __m128i x = _mm_loadu_si128((const __m128i *)(q + 2));
#define FP_PAIR(a, b) _mm_and_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8(a)), _mm_cmpeq_epi8(x, _mm_set1_epi8(b)))
    __m128i first = _mm_or_si128(_mm_or_si128(FP_PAIR('i', 'd'), FP_PAIR('d', 'a')),
                                 _mm_or_si128(_mm_or_si128(FP_PAIR('t', 'i'), FP_PAIR('e', 'n')), FP_PAIR('p', 'a')));
#undef FP_PAIR
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, slash), _mm_cmpeq_epi8(v, newline)),
                               _mm_and_si128(_mm_cmpeq_epi8(v, quote), first));
    int hits = fp_block_hits(q, (unsigned)_mm_movemask_epi8(hit), end, nl);
    if (hits > 0) return fp_close(p, *nl);
    if (hits < 0) return NULL;
    q += 16;
  }
#endif
  for (; q < end; q++) {
    if (*q == '\n') {
      *nl = q;
      return fp_close(p, q);
    }
    if (*q == '\\') return NULL;
    if (*q == '"' && q + 1 < end && fp_read_name(q + 1, end)) return NULL;
  }
  if (!final) return NULL;
  *nl = end;
  return fp_close(p, end);
}
