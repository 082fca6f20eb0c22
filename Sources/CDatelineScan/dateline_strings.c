// The string scan's block pass (see dateline_strings.h).
//
// Each 32-byte block becomes bit masks, one bit a byte: the bytes that end a plain run
// (quote, backslash, controls, DEL), the bytes of 0x80 and above, continuation bytes, the
// lead bytes of the easy scalars, spaces. A run is then taken with a few mask operations:
// the easy scalars are checked whole by comparing where continuation bytes are with where
// their leads put them (simdutf's idea of validating by position, for the subset that
// needs no range check: any continuation after C3-CB or E5-E9 is valid). Everything else
// (C2, the other leads, a scalar cut by the block's end at the input's end) stops the run
// at its first byte of 0x80 or above, so that the strict decoder sees it.

#include "dateline_strings.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define DL_X86 1
#endif

/// One block's masks: bit k is byte k.
typedef struct {
  uint32_t stop;  // '"', '\\', 0x00-0x1F, 0x7F
  uint32_t high;  // 0x80-0xFF
  uint32_t cont;  // 0x80-0xBF
  uint32_t lead2; // 0xC3-0xCB
  uint32_t lead3; // 0xE5-0xE9
  uint32_t e4;    // 0xE4: a lead of U+4E00-U+4FFF when followed by 0xB8-0xBF
  uint32_t cjk;   // 0xB8-0xBF
  uint32_t space; // 0x20
} dl_block;

/// The masks of p[0..<count] (count <= 32); places from count on are stops.
static inline void classify_bytes(const uint8_t *p, unsigned count, dl_block *b) {
  memset(b, 0, sizeof *b);
  b->stop = count >= 32 ? 0 : ~((1u << count) - 1u);
  for (unsigned k = 0; k < count; k++) {
    uint8_t c = p[k];
    uint32_t bit = 1u << k;
    if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F) b->stop |= bit;
    if (c >= 0x80) b->high |= bit;
    if (c >= 0x80 && c <= 0xBF) b->cont |= bit;
    if (c >= 0xC3 && c <= 0xCB) b->lead2 |= bit;
    if (c >= 0xE5 && c <= 0xE9) b->lead3 |= bit;
    if (c == 0xE4) b->e4 |= bit;
    if (c >= 0xB8 && c <= 0xBF) b->cjk |= bit;
    if (c == ' ') b->space |= bit;
  }
}

#if DL_X86
/// Bytes of v in [lo, lo + span] (unsigned), as 0xFF lanes.
static inline __m128i in_range_sse2(__m128i v, uint8_t lo, uint8_t span) {
  __m128i t = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
  return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8((char)span)), t);
}

static inline void classify_half_sse2(const uint8_t *p, dl_block *b, unsigned shift) {
  __m128i v = _mm_loadu_si128((const __m128i *)p);
  __m128i ctrl = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
  __m128i stop = _mm_or_si128(_mm_or_si128(ctrl, _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                              _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
                                           _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));
  // As signed bytes, 0x80-0xBF are the ones below -64.
  __m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8(-64));
  b->stop |= (uint32_t)_mm_movemask_epi8(stop) << shift;
  b->high |= (uint32_t)_mm_movemask_epi8(v) << shift;
  b->cont |= (uint32_t)_mm_movemask_epi8(cont) << shift;
  b->lead2 |= (uint32_t)_mm_movemask_epi8(in_range_sse2(v, 0xC3, 8)) << shift;
  b->lead3 |= (uint32_t)_mm_movemask_epi8(in_range_sse2(v, 0xE5, 4)) << shift;
  b->e4 |= (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE4))) << shift;
  b->cjk |= (uint32_t)_mm_movemask_epi8(in_range_sse2(v, 0xB8, 7)) << shift;
  b->space |= (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))) << shift;
}

static inline void classify_sse2(const uint8_t *p, dl_block *b) {
  memset(b, 0, sizeof *b);
  classify_half_sse2(p, b, 0);
  classify_half_sse2(p + 16, b, 16);
}

__attribute__((target("avx2"))) static inline __m256i in_range_avx2(__m256i v, uint8_t lo,
                                                                     uint8_t span) {
  __m256i t = _mm256_sub_epi8(v, _mm256_set1_epi8((char)lo));
  return _mm256_cmpeq_epi8(_mm256_min_epu8(t, _mm256_set1_epi8((char)span)), t);
}

__attribute__((target("avx2"))) static inline void classify_avx2(const uint8_t *p, dl_block *b) {
  __m256i v = _mm256_loadu_si256((const __m256i *)p);
  __m256i low = _mm256_set1_epi8(0x1F);
  __m256i ctrl = _mm256_cmpeq_epi8(_mm256_max_epu8(v, low), low);
  __m256i stop =
      _mm256_or_si256(_mm256_or_si256(ctrl, _mm256_cmpeq_epi8(v, _mm256_set1_epi8('"'))),
                      _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\')),
                                      _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7F))));
  b->stop = (uint32_t)_mm256_movemask_epi8(stop);
  b->high = (uint32_t)_mm256_movemask_epi8(v);
  b->space = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')));
  if (b->high == 0) {
    // Plain ASCII (the common block): no scalars to look at.
    b->cont = b->lead2 = b->lead3 = b->e4 = b->cjk = 0;
    return;
  }
  __m256i cont = _mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v);
  b->cont = (uint32_t)_mm256_movemask_epi8(cont);
  b->lead2 = (uint32_t)_mm256_movemask_epi8(in_range_avx2(v, 0xC3, 8));
  b->lead3 = (uint32_t)_mm256_movemask_epi8(in_range_avx2(v, 0xE5, 4));
  b->e4 = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xE4)));
  b->cjk = (uint32_t)_mm256_movemask_epi8(in_range_avx2(v, 0xB8, 7));
}
#endif

/// Bits 0..<k.
static inline uint32_t below(unsigned k) { return k >= 32 ? 0xFFFFFFFFu : (1u << k) - 1u; }

static inline unsigned first_bit(uint32_t m) { return m ? (unsigned)__builtin_ctz(m) : 32u; }

/// How many bytes of block b to take: up to its first stop, or up to a lead whose
/// continuation bytes lie past the block (the next block starts there); *ends is set when
/// the run ends inside this block.
static inline unsigned block_take(dl_block *b, int *ends) {
  if (b->high == 0) {
    unsigned stop = first_bit(b->stop);
    *ends = stop < 32;
    return stop;
  }
  // E4 leads a scalar of U+4E00-U+4FFF only before B8-BF (one at the block's end, whose
  // next byte is not in this block, starts the next block).
  b->lead3 |= b->e4 & (b->cjk >> 1);
  uint32_t lead = b->lead2 | b->lead3 | (b->e4 & 0x80000000u);
  uint32_t expected = (b->lead2 << 1) | (b->lead3 << 1) | (b->lead3 << 2);
  uint32_t cut = ((b->lead2 | b->e4) & 0x80000000u) | (b->lead3 & 0xC0000000u);
  unsigned stop = first_bit(b->stop);
  unsigned cutAt = first_bit(cut);
  unsigned take = stop < cutAt ? stop : cutAt;
  *ends = stop < cutAt;
  // A continuation byte where no easy lead puts one, one missing where a lead wants it,
  // or another byte of 0x80 and above: at or before `take`, the run ends at the first one,
  // or at the lead of the scalar it belongs to (the bytes before are whole scalars).
  uint32_t odd = ((b->cont ^ expected) | (b->high & ~b->cont & ~lead)) & below(take + 1);
  if (odd) {
    unsigned q = first_bit(odd);
    if ((expected >> q) & 1u) q -= ((lead >> (q - 1)) & 1u) ? 1u : 2u;
    take = q;
    *ends = 1;
  }
  return take;
}

/// The run over blocks, with `classify` turning 32 bytes into masks (inlined per path).
__attribute__((always_inline)) static inline size_t
run_blocks(const uint8_t *p, size_t n, uint32_t *width, int *visible,
           void (*classify)(const uint8_t *, dl_block *)) {
  size_t i = 0;
  uint32_t w = 0;
  uint32_t shown = 0;
  for (;;) {
    dl_block b;
    if (n - i >= 32) {
      classify(p + i, &b);
    } else {
      // The last bytes one at a time; the places past the end count as stops.
      classify_bytes(p + i, (unsigned)(n - i), &b);
    }
    int ends;
    unsigned take = block_take(&b, &ends);
    uint32_t taken = below(take);
    w += take - (unsigned)__builtin_popcount(b.cont & taken) +
         (unsigned)__builtin_popcount(b.lead3 & taken);
    shown |= ~b.space & taken;
    i += take;
    if (ends) break;
  }
  *width += w;
  if (shown) *visible = 1;
  return i;
}

static inline void classify_block_bytes(const uint8_t *p, dl_block *b) {
  classify_bytes(p, 32, b);
}

static size_t run_bytes(const uint8_t *p, size_t n, uint32_t *width, int *visible) {
  return run_blocks(p, n, width, visible, classify_block_bytes);
}

#if DL_X86
static size_t run_sse2(const uint8_t *p, size_t n, uint32_t *width, int *visible) {
  return run_blocks(p, n, width, visible, classify_sse2);
}

__attribute__((target("avx2"))) static size_t run_avx2(const uint8_t *p, size_t n,
                                                        uint32_t *width, int *visible) {
  return run_blocks(p, n, width, visible, classify_avx2);
}
#endif

size_t dl_string_run_blocks(const unsigned char *p, size_t n, uint32_t *width, int *visible) {
#if DL_X86
  if (__builtin_cpu_supports("avx2")) return run_avx2(p, n, width, visible);
  return run_sse2(p, n, width, visible);
#else
  return run_bytes(p, n, width, visible);
#endif
}

int dl_string_run_path_available(int path) {
#if DL_X86
  if (path == 1) return 1;
  if (path == 2) return __builtin_cpu_supports("avx2") ? 1 : 0;
#endif
  return path == 0;
}

size_t dl_string_run_path(int path, const unsigned char *p, size_t n, uint32_t *width,
                          int *visible) {
#if DL_X86
  if (path == 1) return run_sse2(p, n, width, visible);
  if (path == 2 && __builtin_cpu_supports("avx2")) return run_avx2(p, n, width, visible);
#endif
  return run_bytes(p, n, width, visible);
}
