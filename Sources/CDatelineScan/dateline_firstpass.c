// The browser's first pass over records files (see dateline_firstpass.h).
//
// Each line is walked key by key at the top level only: the values of the keys the
// timeline needs are read, every other value is skipped (strings 16 bytes at a time,
// nested objects and arrays by counting brackets outside strings). Nothing is checked
// beyond what reading those values needs; anything unexpected marks the line unusual.

#include "dateline_firstpass_internal.h"
#include "dateline_firstpass_values.h"

#include <stdlib.h>
#include <string.h>

size_t dl_fp_newline(const uint8_t *p, size_t n) {
  const void *hit = memchr(p, '\n', n);
  return hit ? (size_t)((const uint8_t *)hit - p) : n;
}

// MARK: - Lines

typedef struct {
  const uint8_t *id, *date, *end_date;
  size_t id_n, date_n, end_n;
  int week, approx, time;
  unsigned seen;
} fp_fields;

enum { SEEN_ID = 1, SEEN_DATE = 2, SEEN_PRECISION = 4, SEEN_TIME = 8, SEEN_APPROX = 16, SEEN_END = 32, SEEN_PARTIES = 64 };

/// Adds party `i` and its ancestors to the line's involved list (as RecordStore.row does).
static int fp_involve(const dl_fp_parties *t, int32_t i, dl_fp_output *out, size_t start) {
  size_t have = out->involved_used - start;
  for (size_t k = 0; k < have; k++)
    if (out->involved[start + k] == (uint16_t)i) return 1;
  size_t before = out->involved_used;
  if (out->involved_used >= out->involved_capacity) return 0;
  out->involved[out->involved_used++] = (uint16_t)i;
  int32_t a = t->parents[i];
  int32_t steps = 0;
  while (a >= 0 && steps++ < t->count) {
    for (size_t k = start; k < before; k++)
      if (out->involved[k] == (uint16_t)a) return 1;
    if (out->involved_used >= out->involved_capacity) return 0;
    out->involved[out->involved_used++] = (uint16_t)a;
    a = t->parents[a];
  }
  return 1;
}

/// The `parties` array: each element an id string or an object with an `id` string.
static const uint8_t *fp_parties(const uint8_t *p, const uint8_t *end, const dl_fp_parties *t, dl_fp_output *out,
                                 size_t start, int *full) {
  if (p >= end || *p != '[') return NULL;
  p = fp_ws(p + 1, end);
  if (p < end && *p == ']') return p + 1;
  for (;;) {
    const uint8_t *s = NULL;
    size_t n = 0;
    if (p < end && *p == '{') {
      p = fp_ws(p + 1, end);
      while (p < end && *p == '"') {
        const uint8_t *k;
        size_t kn;
        p = fp_plain_string(p, end, &k, &kn);
        if (!p) return NULL;
        p = fp_ws(p, end);
        if (p >= end || *p != ':') return NULL;
        p = fp_ws(p + 1, end);
        if (fp_key(k, kn, "id")) {
          if (s) return NULL;
          p = fp_plain_string(p, end, &s, &n);
        } else {
          p = fp_skip_value(p, end, 1);
        }
        if (!p) return NULL;
        p = fp_ws(p, end);
        if (p < end && *p == ',') p = fp_ws(p + 1, end);
      }
      if (p >= end || *p != '}' || !s) return NULL;
      p++;
    } else {
      p = fp_plain_string(p, end, &s, &n);
      if (!p) return NULL;
    }
    int32_t i = dl_fp_party(t, s, n);
    if (i >= 0 && !fp_involve(t, i, out, start)) *full = 1;
    p = fp_ws(p, end);
    if (p < end && *p == ',') {
      p = fp_ws(p + 1, end);
      continue;
    }
    if (p < end && *p == ']') return p + 1;
    return NULL;
  }
}

/// One value of the line's top-level object; NULL when the line is unusual.
static const uint8_t *fp_field(const uint8_t *k, size_t kn, const uint8_t *p, const uint8_t *end, fp_fields *f,
                               const dl_fp_parties *t, dl_fp_output *out, size_t start, int *full) {
  unsigned bit = 0;
  if (fp_key(k, kn, "id")) bit = SEEN_ID;
  else if (fp_key(k, kn, "date")) bit = SEEN_DATE;
  else if (fp_key(k, kn, "date_precision")) bit = SEEN_PRECISION;
  else if (fp_key(k, kn, "time")) bit = SEEN_TIME;
  else if (fp_key(k, kn, "date_approx")) bit = SEEN_APPROX;
  else if (fp_key(k, kn, "end_date")) bit = SEEN_END;
  else if (fp_key(k, kn, "parties")) bit = SEEN_PARTIES;
  if (bit == 0) return fp_skip_value(p, end, 1);
  if (f->seen & bit) return NULL;
  f->seen |= bit;
  const uint8_t *s;
  size_t n;
  switch (bit) {
  case SEEN_ID: return fp_plain_string(p, end, &f->id, &f->id_n);
  case SEEN_DATE: return fp_plain_string(p, end, &f->date, &f->date_n);
  case SEEN_END: return fp_plain_string(p, end, &f->end_date, &f->end_n);
  case SEEN_PRECISION:
    p = fp_plain_string(p, end, &s, &n);
    if (!p || !fp_key(s, n, "week")) return NULL;
    f->week = 1;
    return p;
  case SEEN_TIME: {
    int h, m;
    p = fp_plain_string(p, end, &s, &n);
    if (!p || n != 5 || s[2] != ':' || !dl_fp_digits(s, 2, &h) || !dl_fp_digits(s + 3, 2, &m) || h > 23 || m > 59) return NULL;
    f->time = h * 60 + m;
    return p;
  }
  case SEEN_APPROX:
    if (end - p >= 4 && memcmp(p, "true", 4) == 0) {
      f->approx = 1;
      return p + 4;
    }
    if (end - p >= 5 && memcmp(p, "false", 5) == 0) return p + 5;
    return NULL;
  default: return fp_parties(p, end, t, out, start, full);
  }
}

/// The line's columns from the fields read (and its id copied to the id buffer); 0 when
/// a required one is missing or a date is impossible.
static int fp_finish_line(const fp_fields *f, dl_fp_output *out, size_t start, dl_fp_line *line, int *full) {
  if ((f->seen & (SEEN_ID | SEEN_DATE | SEEN_PARTIES)) != (SEEN_ID | SEEN_DATE | SEEN_PARTIES)) return 0;
  if (!dl_fp_date(f->date, f->date_n, &line->first_day, &line->last_day, &line->precision)) return 0;
  if (f->week) {
    if (line->precision != 0) return 0;
    line->precision = 1;
    line->last_day = line->first_day + 6;
  }
  if (f->time >= 0 && line->precision != 0) return 0;
  line->time = (int16_t)f->time;
  line->flags = (uint8_t)f->approx;
  if (f->end_date) {
    int32_t e_first, e_last;
    uint8_t e_precision;
    if (!dl_fp_date(f->end_date, f->end_n, &e_first, &e_last, &e_precision) || e_first < line->first_day) return 0;
    line->last_day = e_last;
    line->flags |= (uint8_t)(2 | e_precision << 2);
  }
  if (f->id_n > 255 || out->involved_used - start > 255) return 0;
  if (f->id_n > out->id_capacity - out->id_used) {
    *full = 1;
    return 0;
  }
  memcpy(out->ids + out->id_used, f->id, f->id_n);
  line->id_start = (uint32_t)out->id_used;
  line->id_length = (uint8_t)f->id_n;
  out->id_used += f->id_n;
  line->involved_start = (uint32_t)start;
  line->involved_count = (uint8_t)(out->involved_used - start);
  return 1;
}

/// Walks one line from p, its bytes going on to its `\n` before `end` (or to `end` with
/// `final`); 1 when it is usual: the line's fields are then set and *nl is its `\n` (or
/// `end`). Why to the `\n` and not to a known line end: the walk and the rest-of-line
/// search find the end on the way, so a usual line is not searched for it first.
static int fp_line(const uint8_t *p, const uint8_t *end, int final, const dl_fp_parties *t, dl_fp_output *out,
                   dl_fp_line *line, int *full, const uint8_t **nl) {
  fp_fields f = {0};
  f.time = -1;
  int tried = 0;
  size_t start = out->involved_used;
  p = fp_ws(p, end);
  if (p >= end || *p != '{') return 0;
  p = fp_ws(p + 1, end);
  if (p < end && *p == '}') return 0;
  for (;;) {
    if (p >= end || *p != '"') return 0;
    int escaped = 0;
    const uint8_t *k = p + 1;
    const uint8_t *q = fp_string_end(k, end, &escaped);
    if (!q || escaped) return 0;
    p = fp_ws(q + 1, end);
    if (p >= end || *p != ':') return 0;
    p = fp_ws(p + 1, end);
    p = fp_field(k, (size_t)(q - k), p, end, &f, t, out, start, full);
    if (!p || *full) return 0;
    p = fp_ws(p, end);
    if (p < end && *p == ',') {
      if (!tried && (f.seen & (SEEN_ID | SEEN_DATE | SEEN_PARTIES)) == (SEEN_ID | SEEN_DATE | SEEN_PARTIES)) {
        tried = 1;
        // Only spaces, tabs and `\r` lie between the `}` found and *nl.
        if (dl_fp_rest_plain(p, end, final, nl)) return fp_finish_line(&f, out, start, line, full);
      }
      p = fp_ws(p + 1, end);
      continue;
    }
    if (p < end && *p == '}') break;
    return 0;
  }
  p = fp_ws(p + 1, end);
  if (p < end && *p == '\n') *nl = p;
  else if (p == end && final) *nl = end;
  else return 0;
  return fp_finish_line(&f, out, start, line, full);
}

/// Where the line at buf[at] ends (its `\n`, or len), the bytes before it that it holds
/// (no final `\r`), and whether only spaces and tabs are there; 0 when the line goes on
/// past len and more bytes will come (not `final`).
static int fp_line_end(const uint8_t *buf, size_t at, size_t len, int final, size_t *line_end, size_t *trimmed,
                       int *blank) {
  size_t nl = dl_fp_newline(buf + at, len - at);
  if (at + nl == len && !final) return 0;
  *line_end = at + nl;
  *trimmed = *line_end;
  if (*trimmed > at && buf[*trimmed - 1] == '\r') (*trimmed)--;
  *blank = 1;
  for (size_t i = at; i < *trimmed; i++) {
    if (buf[i] != ' ' && buf[i] != '\t') {
      *blank = 0;
      break;
    }
  }
  return 1;
}

size_t dl_fp_scan(const uint8_t *buf, size_t len, uint64_t base, int final, const dl_fp_parties *parties,
                  dl_fp_output *out) {
  size_t at = 0;
  out->full = 0;
  while (at < len) {
    if (out->line_count == out->line_capacity) {
      out->full = 1;
      return at;
    }
    dl_fp_line *line = &out->lines[out->line_count];
    size_t ids_before = out->id_used;
    size_t involved_before = out->involved_used;
    int full = 0;
    const uint8_t *nl = NULL;
    memset(line, 0, sizeof *line);
    // The usual line is walked once, up to its `\n`.
    int usual = fp_line(buf + at, buf + len, final, parties, out, line, &full, &nl);
    size_t line_end = usual ? (size_t)(nl - buf) : 0;
    size_t trimmed = line_end;
    if (usual && trimmed > at && buf[trimmed - 1] == '\r') trimmed--;
    if (!usual || trimmed - at >= 0xFFFFFFFFu) {
      // Any other line: its end found first, then walked inside it (a blank one skipped).
      out->id_used = ids_before;
      out->involved_used = involved_before;
      if (full && out->line_count > 0) {
        out->full = 1;
        return at;
      }
      full = 0;
      int blank;
      if (!fp_line_end(buf, at, len, final, &line_end, &trimmed, &blank)) break;
      if (blank) {
        at = line_end < len ? line_end + 1 : len;
        continue;
      }
      memset(line, 0, sizeof *line);
      usual = (trimmed - at) < 0xFFFFFFFFu && fp_line(buf + at, buf + trimmed, 1, parties, out, line, &full, &nl);
    }
    if (full && out->line_count > 0) {
      out->full = 1;
      // Out of room: this line again on the next call, with bigger buffers.
      out->id_used = ids_before;
      out->involved_used = involved_before;
      return at;
    }
    line->offset = (uint32_t)(base + at);
    line->length = (uint32_t)(trimmed - at);
    if (!usual) {
      out->id_used = ids_before;
      out->involved_used = involved_before;
      line->status = DL_FP_UNUSUAL;
      line->involved_start = (uint32_t)involved_before;
    } else {
      if (out->usual_count == 0 || line->first_day < out->min_day) out->min_day = line->first_day;
      if (out->usual_count == 0 || line->first_day > out->max_day) out->max_day = line->first_day;
      out->usual_count++;
    }
    out->line_count++;
    at = line_end < len ? line_end + 1 : len;
  }
  return at;
}
