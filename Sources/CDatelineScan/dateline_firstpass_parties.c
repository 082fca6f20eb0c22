// The corpus's parties for the first pass: party ids to indexes (see dateline_firstpass.h).

#include "dateline_firstpass_internal.h"

#include <stdlib.h>
#include <string.h>

/// A party id's hash from its length and its first and last 8 bytes (ids of one corpus
/// share prefixes like "p-northland", rarely both ends): a byte-at-a-time hash of every
/// party id of every line was a tenth of the pass.
static uint32_t fp_hash(const uint8_t *p, size_t n) {
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    memcpy(&a, p, 8);
    memcpy(&b, p + n - 8, 8);
  } else {
    memcpy(&a, p, n);
  }
  uint64_t h = (a ^ (uint64_t)n * 0x9E3779B97F4A7C15u) * 0xBF58476D1CE4E5B9u;
  h = (h ^ (h >> 29) ^ b) * 0x94D049BB133111EBu;
  return (uint32_t)(h ^ (h >> 32));
}

dl_fp_parties *dl_fp_parties_new(const uint8_t *id_bytes, const int64_t *id_start, const int32_t *parents, int32_t count) {
  dl_fp_parties *t = calloc(1, sizeof *t);
  if (!t) return NULL;
  uint32_t size = 16;
  while (size < (uint32_t)count * 2u + 2u) size <<= 1;
  t->slots = calloc(size, sizeof(int32_t));
  if (!t->slots) {
    free(t);
    return NULL;
  }
  t->id_bytes = id_bytes;
  t->id_start = id_start;
  t->parents = parents;
  t->count = count;
  t->mask = size - 1;
  for (int32_t i = 0; i < count; i++) {
    const uint8_t *p = id_bytes + id_start[i];
    size_t n = (size_t)(id_start[i + 1] - id_start[i]);
    uint32_t s = fp_hash(p, n) & t->mask;
    int duplicate = 0;
    while (t->slots[s] != 0) {
      int32_t o = t->slots[s] - 1;
      if ((size_t)(id_start[o + 1] - id_start[o]) == n && memcmp(id_bytes + id_start[o], p, n) == 0) duplicate = 1;
      s = (s + 1) & t->mask;
    }
    // The first party with an id wins, as in PartyLookup.
    if (!duplicate) t->slots[s] = i + 1;
  }
  return t;
}

void dl_fp_parties_free(dl_fp_parties *t) {
  if (!t) return;
  free(t->slots);
  free(t);
}

int32_t dl_fp_party(const dl_fp_parties *t, const uint8_t *p, size_t n) {
  if (!t || t->count == 0) return -1;
  uint32_t s = fp_hash(p, n) & t->mask;
  while (t->slots[s] != 0) {
    int32_t i = t->slots[s] - 1;
    if ((size_t)(t->id_start[i + 1] - t->id_start[i]) == n && memcmp(t->id_bytes + t->id_start[i], p, n) == 0) return i;
    s = (s + 1) & t->mask;
  }
  return -1;
}
