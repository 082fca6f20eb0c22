#ifndef DATELINE_FIRSTPASS_INTERNAL_H
#define DATELINE_FIRSTPASS_INTERNAL_H

// What the first pass's C files share (not imported by Swift).

#include "dateline_firstpass.h"

struct dl_fp_parties {
  const uint8_t *id_bytes;
  const int64_t *id_start;
  const int32_t *parents;
  int32_t count;
  // Open addressing: slot holds party index + 1, 0 when empty.
  int32_t *slots;
  uint32_t mask;
};

/// The index of the party whose id is p[0..<n], or -1.
int32_t dl_fp_party(const dl_fp_parties *t, const uint8_t *p, size_t n);

/// p between two members of a line's top-level object, every key the pass must read read
/// already, the line going on to its `\n` before `end` (or to `end` with `final`): the
/// line's closing `}` and *nl its newline (or `end`) when nothing after p can change what
/// was read, else NULL (see dateline_firstpass_rest.c).
const uint8_t *dl_fp_rest_plain(const uint8_t *p, const uint8_t *end, int final, const uint8_t **nl);

/// The n ASCII digits at p as a number in *v; 0 when one is not a digit.
int dl_fp_digits(const uint8_t *p, int n, int *v);

/// RecordDate.parse: YYYY-MM-DD, YYYY-MM or YYYY; 1 with first and last day and precision
/// (0 day, 2 month, 3 year), 0 when the text is not a possible date.
int dl_fp_date(const uint8_t *s, size_t n, int32_t *first, int32_t *last, uint8_t *precision);

#endif
