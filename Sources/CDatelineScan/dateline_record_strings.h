// The record walk's strings (included by dateline_record.c, after its walker): read as
// ByteScanner.string reads them, escapes included.

/// Adds one decoded scalar to a string's flags (ByteScanner.account).
static inline void account(uint32_t v, uint8_t *flags, uint32_t *width, int *visible) {
  if (v < 0x20) {
    if (v != 0x09 && v != 0x0A) *flags |= DL_STR_CONTROL;
  } else if (v == 0x7F || (v >= 0x80 && v < 0xA0)) {
    *flags |= DL_STR_CONTROL;
  }
  if (v > 0x20 && !dl_scalar_is_space(v)) *visible = 1;
  if (!dl_scalar_is_nfc_stable(v)) *flags &= (uint8_t)~DL_STR_NFC_STABLE;
  *width += v < 0x800 ? 1 : 2;
}

/// Four hex digits at p[i] (JSONEscape.hex4), all before n.
static inline int hex4(const unsigned char *p, size_t i, size_t n, uint32_t *out) {
  if (i + 4 > n) return 0;
  uint32_t v = 0;
  for (size_t k = i; k < i + 4; k++) {
    unsigned char c = p[k];
    uint32_t d;
    if (c >= '0' && c <= '9') {
      d = (uint32_t)(c - '0');
    } else if (c >= 'A' && c <= 'F') {
      d = (uint32_t)(c - 'A' + 10);
    } else if (c >= 'a' && c <= 'f') {
      d = (uint32_t)(c - 'a' + 10);
    } else {
      return 0;
    }
    v = v << 4 | d;
  }
  *out = v;
  return 1;
}

/// The scalar of the `\u` escape whose digits start at p[i] (JSONEscape.scalar: a high
/// surrogate with a low one after it, a lone one as U+FFFD); the offset after it, or 0.
static size_t unicode_escape(const unsigned char *p, size_t i, size_t n, uint32_t *scalar) {
  uint32_t v, low;
  if (!hex4(p, i, n, &v)) return 0;
  size_t next = i + 4;
  if (v >= 0xD800 && v < 0xDC00) {
    if (next + 1 < n && p[next] == '\\' && p[next + 1] == 'u') {
      if (!hex4(p, next + 2, n, &low)) return 0;
      if (low >= 0xDC00 && low < 0xE000) {
        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
        next += 6;
      } else {
        v = 0xFFFD;
      }
    } else {
      v = 0xFFFD;
    }
  } else if (v >= 0xDC00 && v < 0xE000) {
    v = 0xFFFD;
  }
  *scalar = v;
  return next;
}

/// The escape whose backslash is p[i] (ByteScanner.escape): the offset after it, or 0.
static size_t escape(walker *w, size_t i, uint8_t *flags, uint32_t *width, int *visible) {
  if (i + 1 >= w->n) return 0;
  switch (w->p[i + 1]) {
  case '"':
  case '\\':
  case '/':
    *visible = 1;
    *width += 1;
    return i + 2;
  case 'n':
  case 't':
    *width += 1;
    return i + 2;
  case 'b':
  case 'f':
  case 'r':
    *flags |= DL_STR_CONTROL;
    *width += 1;
    return i + 2;
  case 'u': {
    uint32_t v;
    size_t next = unicode_escape(w->p, i + 2, w->n, &v);
    if (next) account(v, flags, width, visible);
    return next;
  }
  default:
    return 0;
  }
}

/// How many leading bytes of p[0..<n] are printable ASCII other than the quote and the
/// backslash (0x20-0x7E); sets *visible when one of them is not a space.
static inline __attribute__((always_inline)) size_t printable_run(const unsigned char *p,
                                                                  size_t n, int *visible) {
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i odd = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                               _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
                                            _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));
    // As signed bytes, 0x20-0x7F are the ones above 0x1F.
    __m128i ok = _mm_andnot_si128(odd, _mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)));
    unsigned taken = (unsigned)_mm_movemask_epi8(ok);
    unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
    unsigned k = (unsigned)__builtin_ctz(~taken); // 16 when the block is all taken
    if (~spaces & ((1u << k) - 1u)) *visible = 1;
    i += k;
    if (k < 16) return i;
  }
#endif
  for (; i < n; i++) {
    unsigned char c = p[i];
    if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return i;
    if (c != ' ') *visible = 1;
  }
  return i;
}

/// A string of printable ASCII at w->i (its opening quote, after white space), read as
/// `str` reads one (the same span, width and flags); 0 at any other byte before its
/// closing quote. Inlined at each plain value, as `id` is: called, the walker went to
/// memory and back (the walk alone: 168.0M -> 161.1M instructions over 50k lines).
static inline __attribute__((always_inline)) int token(walker *w, dl_str *s) {
  if (w->i >= w->n || w->p[w->i] != '"') return 0;
  size_t start = w->i + 1;
  int visible = 0;
  size_t end = start + printable_run(w->p + start, w->n - start, &visible);
  if (end >= w->n || w->p[end] != '"') return 0;
  s->at = (uint32_t)start;
  s->len = (uint32_t)(end - start);
  s->width = (uint32_t)(end - start);
  s->flags = DL_STR_NFC_STABLE | (visible ? DL_STR_VISIBLE : 0);
  w->i = end + 1;
  return 1;
}

/// A string at w->i (its opening quote, after white space): plain runs by dl_string_run,
/// multi-byte scalars strictly, escapes as ByteScanner reads them (the string then flagged
/// DL_STR_ESCAPED, its raw bytes kept: the Swift side decodes what it uses); gives up at a
/// raw control or DEL.
static int str(walker *w, dl_str *s) {
  if (w->i >= w->n || w->p[w->i] != '"') return 0;
  size_t start = w->i + 1, i = start;
  uint32_t width = 0;
  int visible = 0;
  uint8_t flags = DL_STR_NFC_STABLE;
  for (;;) {
    i += dl_string_run(w->p + i, w->n - i, &width, &visible);
    if (i >= w->n) return 0;
    unsigned char b = w->p[i];
    if (b == '"') break;
    if (b == '\\') {
      flags |= DL_STR_ESCAPED;
      i = escape(w, i, &flags, &width, &visible);
      if (i == 0) return 0;
      continue;
    }
    if (b < 0x80) return 0;
    uint32_t v;
    size_t next = dl_utf8_scalar(w->p, i, w->n, &v);
    if (next == 0) return 0;
    account(v, &flags, &width, &visible);
    i = next;
  }
  s->at = (uint32_t)start;
  s->len = (uint32_t)(i - start);
  s->width = width;
  s->flags = flags | (visible ? DL_STR_VISIBLE : 0);
  w->i = i + 1;
  return 1;
}
