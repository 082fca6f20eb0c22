#ifndef DATELINE_FIRSTPASS_H
#define DATELINE_FIRSTPASS_H

// The browser's first pass over a `.jsonl` file of records: for each line only what the
// timeline needs to sort and draw its first screen (where the line is, its dates, time,
// id and the parties it involves), nothing validated. The full loader checks every rule
// afterwards; a line this pass does not understand is marked and left to it.
//
// Why C: the pass must read half a gigabyte in a few hundred milliseconds on two cores;
// strings are skipped 16 bytes at a time with SSE2, and no value is built.

#include <stddef.h>
#include <stdint.h>

/// One line of a records file, as the first pass saw it: 32 bytes, so that a million
/// lines take 32 MB of fresh pages (the pages a first open clears are a fifth of its CPU).
typedef struct {
  /// Where the line's JSON starts, from the start of the piece the scan was given (a
  /// piece is under 4 GB), and its length (no `\n`, no final `\r`).
  uint32_t offset;
  uint32_t length;
  /// SCHEMA.md date columns, as RecordStore keeps them.
  int32_t first_day;
  int32_t last_day;
  /// The id, copied to the caller's id buffer at id_start (an id over 255 bytes is
  /// unusual).
  uint32_t id_start;
  /// The involved parties (listed, then each one's ancestors) in the caller's list
  /// (over 255 of them is unusual).
  uint32_t involved_start;
  int16_t time;
  uint8_t id_length;
  uint8_t involved_count;
  /// Precision 0 day … 3 year; flags: bit 0 date_approx, bit 1 an end date, bits 2-3
  /// its precision.
  uint8_t precision;
  uint8_t flags;
  /// DL_FP_* below.
  uint8_t status;
  uint8_t reserved;
} dl_fp_line;

enum {
  /// Everything above was found in the usual form.
  DL_FP_USUAL = 0,
  /// Something is not in the usual form (escapes in a key or id, a value of another type,
  /// a duplicate key, an impossible date, trailing bytes): ask the reference decoder.
  DL_FP_UNUSUAL = 1,
};

/// The parties of the corpus, for turning ids into indexes (a hash table built once).
typedef struct dl_fp_parties dl_fp_parties;

/// `count` parties: party i's id is id_bytes[id_start[i] ..< id_start[i + 1]], its parent
/// index parents[i] (-1 for a root). NULL when out of memory.
dl_fp_parties *dl_fp_parties_new(const uint8_t *id_bytes, const int64_t *id_start, const int32_t *parents, int32_t count);
void dl_fp_parties_free(dl_fp_parties *parties);

/// Where a call writes its results; the caller grows the buffers between calls.
typedef struct {
  dl_fp_line *lines;
  size_t line_capacity;
  size_t line_count;
  uint8_t *ids;
  size_t id_capacity;
  size_t id_used;
  uint16_t *involved;
  size_t involved_capacity;
  size_t involved_used;
  /// Lines with status DL_FP_USUAL among the line_count.
  size_t usual_count;
  /// The lowest and highest first_day of those lines (set with the first one), so that
  /// the sort's day buckets are known without a pass over every line.
  int32_t min_day;
  int32_t max_day;
  /// Set when a call stopped because a buffer was full (grow it and call again).
  int full;
} dl_fp_output;

/// Scans the complete lines of buf[0..<len] (`base`: where buf starts, counted from the
/// start of the piece, below 4 GB); with `final`, a last
/// line without `\n` too. Blank lines (spaces and tabs only) are skipped. Stops early when
/// an output buffer is nearly full. Returns the bytes consumed (up to the start of the
/// first line not scanned).
size_t dl_fp_scan(const uint8_t *buf, size_t len, uint64_t base, int final, const dl_fp_parties *parties,
                  dl_fp_output *out);

/// In the first bytes of an envelope file: 1 with the `type` string's bytes when the
/// top-level `type` key comes before `items`; 0 when it cannot be told from these bytes.
int dl_fp_envelope_type(const uint8_t *buf, size_t len, const uint8_t **type, size_t *type_length);

/// Starts loading p's cache line: the store gathers the lines in timeline order, a
/// cache miss each, and a miss waited for one at a time cost more than the scan.
static inline void dl_fp_prefetch(const void *p) { __builtin_prefetch(p); }

/// The offset of the first `\n` in p[0..<n], or n.
size_t dl_fp_newline(const uint8_t *p, size_t n);

#endif
