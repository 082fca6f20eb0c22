#ifndef DATELINE_RECORD_H
#define DATELINE_RECORD_H

// The record walk (dateline_record.c): one record object read member by member in C, as
// simdjson's second stage reads its values, into a flat struct of offsets, lengths and
// flags. RecordItemScan turns the struct into its members; the walk replaces the Swift
// walk (a key, a dispatch, a closure and an append per member) for the usual record.
//
// The walk accepts a strict subset of what RecordItemScan's Swift walk accepts: it gives
// up (returns 0) at anything it does not read itself (an escape in a key, an id, an
// enum value, a date, a time or a UTC offset, a byte of 0x80 and above in one of these, a
// raw control or DEL, an `also` member, an extension key, a number it would
// need strtod for beyond 63 bytes, lists longer than its arrays) and at anything the
// Swift walk refuses, and the Swift walk then reads the item as before. On 1 the struct
// holds exactly what the Swift walk would have found; values the Swift side parses
// (dates, times, offsets) are passed as spans, and escaped texts are flagged, not decoded.

#include <stddef.h>
#include <stdint.h>

/// A string the walk read: where its content starts (after the opening quote) and its
/// raw byte count (escapes included), its display-width bound and flags as ScannedString
/// has them (the same bits: escaped, control, NFC-stable, visible).
typedef struct {
  uint32_t at;
  uint32_t len;
  uint32_t width;
  uint8_t flags;
} dl_str;

enum { DL_STR_ESCAPED = 1, DL_STR_CONTROL = 2, DL_STR_NFC_STABLE = 4, DL_STR_VISIBLE = 8 };

enum { DL_WALK_PARTIES = 32, DL_WALK_CLAIMANTS = 16, DL_WALK_LINKS = 128 };

/// A `related` (kind 0), `disputes` (1) or `revises` (2) entry and its index in its list.
typedef struct {
  dl_str id;
  uint16_t index;
  uint8_t kind;
} dl_link;

/// What the walk found in one record object. Only the members whose bit is in `seen`
/// (RecordItemScan.member's bits) were read; the others hold nothing to use.
typedef struct {
  uint32_t seen;
  dl_str id, source, date, end_date, time, utc_offset;
  uint8_t week, approx, basis;
  /// The quote's exact text, and its prefix and suffix when has_prefix / has_suffix.
  dl_str exact, prefix, suffix;
  uint8_t has_prefix, has_suffix;
  /// The quote's start, -1 when it has none.
  int64_t start;
  uint32_t figures;
  uint32_t parties_count, claimants_count, links_count;
  dl_str parties[DL_WALK_PARTIES];
  dl_str claimants[DL_WALK_CLAIMANTS];
  dl_link links[DL_WALK_LINKS];
} dl_record_walk;

/// Walks the record object in p[0..<n] (nothing but white space around it), whose
/// nesting starts depth_base levels down (0 a line, 2 an envelope item). Returns 1 with
/// *w filled, or 0 where the Swift walk must read it.
int dl_record_walk_run(const unsigned char *p, size_t n, int depth_base, dl_record_walk *w);

/// The k-th entry of a walk's lists (Swift reads C arrays as tuples).
static inline const dl_str *dl_record_walk_party(const dl_record_walk *w, uint32_t k) {
  return &w->parties[k];
}
static inline const dl_str *dl_record_walk_claimant(const dl_record_walk *w, uint32_t k) {
  return &w->claimants[k];
}
static inline const dl_link *dl_record_walk_link(const dl_record_walk *w, uint32_t k) {
  return &w->links[k];
}

/// The names of the walk's enums, for the tests that hold them to RecordItemScan's:
/// table 0 kinds, 1 roles, 2 bases, 3 qualifiers; NULL past a table's end.
const char *dl_record_walk_name(int table, int index);

#endif
