// The record walk (see include/dateline_record.h): RecordItemScan's members in C.
//
// Every function returns 0 where the walk gives up; the Swift walk then reads the item
// and decides (it refuses what the walk refuses, and reads some items the walk does not).
// The rules mirror RecordItemScan+Members.swift rule by rule; the differential tests
// (RecordWalkTests) hold the two walks to the same chunks.

#include "dateline_record.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dateline_strings.h"
#include "dateline_utf8.h"

/// The schema's enums, as RecordItemScan's tables (kinds, roles, bases, qualifiers).
typedef struct {
  const char *name;
  size_t len;
} name;
#define NAME(s) {s, sizeof(s) - 1}
static const name kinds[] = {NAME("event"), NAME("statement"), NAME("claim"), NAME("denial"),
                             NAME("figure"), {NULL, 0}};
static const name roles[] = {NAME("actor"),       NAME("target"),  NAME("mediator"),
                             NAME("participant"), NAME("subject"), {NULL, 0}};
static const name bases[] = {NAME("named"), NAME("official"), NAME("anonymous"),
                             NAME("unattributed"), {NULL, 0}};
static const name qualifiers[] = {NAME("about"),   NAME("at least"),   NAME("more than"),
                                  NAME("at most"), NAME("fewer than"), {NULL, 0}};
static const name *const tables[] = {kinds, roles, bases, qualifiers};

enum { MAX_DEPTH = 64, MAX_STRING = 1 << 20 };

typedef struct {
  const unsigned char *p;
  size_t n;
  size_t i;
  int depth_base;
} walker;

/// Skips white space. A byte above the space is never white space: the usual case (no
/// white space between a record's tokens) costs one compare.
static inline __attribute__((always_inline)) void ws(walker *w) {
  while (w->i < w->n) {
    unsigned char b = w->p[w->i];
    if (b > ' ') return;
    if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return;
    w->i++;
  }
}

/// Consumes b after white space.
static inline __attribute__((always_inline)) int eat(walker *w, unsigned char b) {
  ws(w);
  if (w->i >= w->n || w->p[w->i] != b) return 0;
  w->i++;
  return 1;
}

/// Opens an object or array at depth (counted from the item), as ByteScanner does.
static inline int enter(walker *w, int depth, unsigned char b) {
  return depth + w->depth_base <= MAX_DEPTH && eat(w, b);
}

#include "dateline_record_strings.h"

/// A string value with no escape (ByteScanner.plainString), as the walk's plain values
/// are: dates, times, offsets and enum names, printable ASCII all. Read by `token` (one
/// 16-byte block for most), not `str`: a value with any other byte before its closing
/// quote (an escape, a control, DEL, 0x80 and above) gives up, since none is valid where a
/// plain value is read and the Swift walk refuses it in its own words.
static inline __attribute__((always_inline)) int plain(walker *w, dl_str *s) {
  ws(w);
  return token(w, s);
}

/// A text value: escapes allowed (flagged), no control, within 1 MiB (ByteScanner.text).
static inline int text(walker *w, dl_str *s) {
  ws(w);
  return str(w, s) && !(s->flags & DL_STR_CONTROL) && s->len <= MAX_STRING;
}

/// An id (ByteScanner.id): its bytes and closing quote checked by dl_id_length.
static inline __attribute__((always_inline)) int id(walker *w, dl_str *s) {
  ws(w);
  if (w->i >= w->n || w->p[w->i] != '"') return 0;
  size_t n = dl_id_length(w->p + w->i + 1, w->n - w->i - 1);
  if (n == 0) return 0;
  s->at = (uint32_t)(w->i + 1);
  s->len = (uint32_t)n;
  s->width = (uint32_t)n;
  s->flags = DL_STR_NFC_STABLE | DL_STR_VISIBLE;
  w->i += n + 2;
  return 1;
}

static inline int same(walker *w, const dl_str *s, const char *lit, size_t n) {
  return s->len == n && memcmp(w->p + s->at, lit, n) == 0;
}
#define IS(s, lit) same(w, (s), lit, sizeof(lit) - 1)

/// The index of s in table t, or -1 (ByteScanner.oneOf).
static int one_of(walker *w, const dl_str *s, int t) {
  for (int k = 0; tables[t][k].name; k++) {
    if (same(w, s, tables[t][k].name, tables[t][k].len)) return k;
  }
  return -1;
}

static inline int digit(walker *w, size_t i) {
  return i < w->n && w->p[i] >= '0' && w->p[i] <= '9';
}

static size_t digits(walker *w, size_t i) {
  while (digit(w, i)) i++;
  return i;
}

/// A number as ByteScanner.number reads it: small integers exactly, the rest by strtod.
static int number(walker *w, double *out) {
  ws(w);
  size_t start = w->i, i = start;
  int simple = 1;
  if (i < w->n && w->p[i] == '-') i++;
  if (!digit(w, i)) return 0;
  if (w->p[i] == '0') {
    if (digit(w, ++i)) return 0;
  } else {
    i = digits(w, i);
  }
  if (i < w->n && w->p[i] == '.') {
    simple = 0;
    if (!digit(w, ++i)) return 0;
    i = digits(w, i);
  }
  if (i < w->n && (w->p[i] == 'e' || w->p[i] == 'E')) {
    simple = 0;
    if (++i < w->n && (w->p[i] == '+' || w->p[i] == '-')) i++;
    if (!digit(w, i)) return 0;
    i = digits(w, i);
  }
  size_t count = i - start;
  w->i = i;
  if (simple && count <= 15) {
    int64_t v = 0;
    for (size_t k = start; k < i; k++) {
      if (w->p[k] != '-') v = v * 10 + (w->p[k] - '0');
    }
    *out = (double)(w->p[start] == '-' ? -v : v);
    return 1;
  }
  char buf[64];
  if (count >= sizeof buf) return 0;
  memcpy(buf, w->p + start, count);
  buf[count] = 0;
  *out = strtod(buf, NULL);
  return isfinite(*out);
}

static int boolean(walker *w, uint8_t *out) {
  ws(w);
  if (w->n - w->i >= 4 && memcmp(w->p + w->i, "true", 4) == 0) {
    w->i += 4;
    *out = 1;
    return 1;
  }
  if (w->n - w->i >= 5 && memcmp(w->p + w->i, "false", 5) == 0) {
    w->i += 5;
    *out = 0;
    return 1;
  }
  return 0;
}

/// Whether the key whose bytes start at `at` (after its opening quote) is `lit`: its bytes,
/// then the closing quote (the literals hold no escape, so that is the key's whole text).
/// On 1 the key and the colon after it are consumed. Keys are matched in place, never
/// read as strings: a key no member knows gives up all the same.
static inline __attribute__((always_inline)) int key(walker *w, size_t at, const char *lit,
                                                     size_t len) {
  if (at + len >= w->n || memcmp(w->p + at, lit, len) != 0 || w->p[at + len] != '"') return 0;
  w->i = at + len + 1;
  return eat(w, ':');
}

/// One member of an object: matches the key whose bytes start at `at` and reads its value;
/// returns the member's bit (0: give up).
typedef uint32_t (*member_fn)(walker *w, size_t at, void *ctx);

/// An object's members (ByteScanner.object without extension keys); *seen gets the bits.
/// Inlined at each call, so that the member function is a direct call.
static inline __attribute__((always_inline)) int object(walker *w, int depth, member_fn member,
                                                        void *ctx, uint32_t *seen) {
  *seen = 0;
  if (!enter(w, depth, '{')) return 0;
  if (eat(w, '}')) return 1;
  do {
    ws(w);
    if (w->i + 1 >= w->n || w->p[w->i] != '"') return 0;
    uint32_t bit = member(w, w->i + 1, ctx);
    if (bit == 0 || (*seen & bit)) return 0;
    *seen |= bit;
  } while (eat(w, ','));
  return eat(w, '}');
}

#include "dateline_record_members.h"

int dl_record_walk_run(const unsigned char *p, size_t n, int depth_base, dl_record_walk *r) {
  if (n >= UINT32_MAX) return 0;
  walker w = {p, n, 0, depth_base};
  r->parties_count = r->claimants_count = r->links_count = 0;
  r->figures = 0;
  r->week = r->approx = 0;
  r->basis = 3;
  r->has_prefix = r->has_suffix = 0;
  r->start = -1;
  if (!object(&w, 1, record_member, r, &r->seen)) return 0;
  ws(&w);
  return w.i == w.n;
}

const char *dl_record_walk_name(int table, int index) {
  if (table < 0 || table > 3 || index < 0) return NULL;
  for (int k = 0; k <= index; k++) {
    if (!tables[table][k].name) return NULL;
  }
  return tables[table][index].name;
}
