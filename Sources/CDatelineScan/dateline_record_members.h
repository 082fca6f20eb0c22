// The record walk's members (included by dateline_record.c, after its readers): one
// function per member that holds more than a value, each the C form of its namesake in
// RecordItemScan+Members.swift, returning the member's bit or 0 to give up.

#define KEY(lit) key(w, at, lit, sizeof(lit) - 1)

/// An array's elements at depth; element reads one (its index given) or gives up.
#define ARRAY(depth, element)                                                              \
  do {                                                                                     \
    uint32_t index = 0;                                                                    \
    if (!enter(w, depth, '[')) return 0;                                                   \
    if (!eat(w, ']')) {                                                                    \
      do {                                                                                 \
        if (!(element)) return 0;                                                          \
        index++;                                                                           \
      } while (eat(w, ','));                                                               \
      if (!eat(w, ']')) return 0;                                                          \
    }                                                                                      \
    (void)index;                                                                           \
  } while (0)

/// `{"id", "role"}` in a party list: the id in *ref.
static uint32_t party_member(walker *w, size_t at, void *ctx) {
  dl_str v;
  if (KEY("id")) return id(w, (dl_str *)ctx) ? 1 : 0;
  if (KEY("role")) return plain(w, &v) && one_of(w, &v, 1) >= 0 ? 2 : 0;
  return 0;
}

static int party(walker *w, dl_record_walk *r) {
  if (r->parties_count == DL_WALK_PARTIES) return 0;
  dl_str *ref = &r->parties[r->parties_count++];
  ws(w);
  if (w->i < w->n && w->p[w->i] == '"') return id(w, ref);
  uint32_t seen;
  return object(w, 3, party_member, ref, &seen) && (seen & 1);
}

/// `parties`: at least one entry (each party's id, known or not, goes to Swift).
static uint32_t parties(walker *w, dl_record_walk *r) {
  ARRAY(2, party(w, r));
  return r->parties_count > 0 ? 1u << 10 : 0;
}

static int claimant(walker *w, dl_record_walk *r) {
  if (r->claimants_count == DL_WALK_CLAIMANTS) return 0;
  return id(w, &r->claimants[r->claimants_count++]);
}

static uint32_t claimants(walker *w, dl_record_walk *r) {
  ws(w);
  if (w->i < w->n && w->p[w->i] == '[') {
    ARRAY(3, claimant(w, r));
    return 1;
  }
  return claimant(w, r) ? 1 : 0;
}

static uint32_t attribution_member(walker *w, size_t at, void *ctx) {
  dl_record_walk *r = ctx;
  dl_str v;
  if (KEY("claimant")) return claimants(w, r);
  if (KEY("text")) return text(w, &v) ? 2 : 0;
  if (KEY("basis")) {
    int b = plain(w, &v) ? one_of(w, &v, 2) : -1;
    r->basis = (uint8_t)b;
    return b >= 0 ? 4 : 0;
  }
  return 0;
}

static uint32_t quote_member(walker *w, size_t at, void *ctx) {
  dl_record_walk *r = ctx;
  double n;
  if (KEY("exact")) return text(w, &r->exact) && r->exact.len > 0 ? 1 : 0;
  if (KEY("prefix")) return (r->has_prefix = (uint8_t)text(w, &r->prefix)) ? 2 : 0;
  if (KEY("suffix")) return (r->has_suffix = (uint8_t)text(w, &r->suffix)) ? 4 : 0;
  if (KEY("start")) {
    if (!number(w, &n) || !(n >= 0) || n != floor(n) || !(n < 1e12)) return 0;
    r->start = (int64_t)n;
    return 8;
  }
  return 0;
}

typedef struct {
  int label;
  int has_max;
  double value, max;
} figure_values;

static uint32_t figure_member(walker *w, size_t at, void *ctx) {
  figure_values *f = ctx;
  dl_str v;
  if (KEY("label")) return text(w, &v) && (v.flags & DL_STR_VISIBLE) ? 1 : 0;
  if (KEY("value")) return number(w, &f->value) ? 2 : 0;
  if (KEY("value_max")) return (f->has_max = number(w, &f->max)) ? 4 : 0;
  if (KEY("qualifier")) return plain(w, &v) && one_of(w, &v, 3) >= 0 ? 8 : 0;
  if (KEY("unit")) return text(w, &v) ? 16 : 0;
  return 0;
}

static int figure(walker *w, dl_record_walk *r) {
  figure_values f = {0, 0, 0, 0};
  uint32_t seen;
  r->figures++;
  if (!object(w, 3, figure_member, &f, &seen) || (seen & 3) != 3) return 0;
  return !(f.has_max && f.max < f.value);
}

static int link_entry(walker *w, dl_record_walk *r, uint8_t kind, uint32_t index) {
  if (r->links_count == DL_WALK_LINKS || index > UINT16_MAX) return 0;
  dl_link *l = &r->links[r->links_count++];
  l->kind = kind;
  l->index = (uint16_t)index;
  return id(w, &l->id);
}

/// `related`, `disputes`, `revises` (kinds 0, 1, 2): bits 18 + kind.
static uint32_t links(walker *w, dl_record_walk *r, uint8_t kind) {
  ARRAY(2, link_entry(w, r, kind, index));
  return 1u << (18 + kind);
}

static uint32_t tags(walker *w) {
  dl_str v;
  ARRAY(2, text(w, &v));
  return 1u << 17;
}

static uint32_t figures(walker *w, dl_record_walk *r) {
  ARRAY(2, figure(w, r));
  return 1u << 21;
}

/// The date members (RecordItemScan.dateMember): spans here, parsed on the Swift side.
/// Looked up by the key's first byte, as record_member does.
static uint32_t date_member(walker *w, size_t at, dl_record_walk *r) {
  dl_str v;
  uint8_t inferred;
  switch (w->p[at]) {
  case 'd':
    if (KEY("date")) return plain(w, &r->date) ? 1u << 1 : 0;
    if (KEY("date_precision")) {
      return plain(w, &v) && IS(&v, "week") && (r->week = 1) ? 1u << 2 : 0;
    }
    if (KEY("date_approx")) return boolean(w, &r->approx) ? 1u << 5 : 0;
    if (KEY("date_inferred")) return boolean(w, &inferred) ? 1u << 6 : 0;
    if (KEY("date_note")) return text(w, &v) ? 1u << 7 : 0;
    return 0;
  case 't':
    return KEY("time") && plain(w, &r->time) ? 1u << 3 : 0;
  case 'u':
    return KEY("utc_offset") && plain(w, &r->utc_offset) ? 1u << 4 : 0;
  case 'e':
    return KEY("end_date") && plain(w, &r->end_date) ? 1u << 8 : 0;
  default:
    return 0;
  }
}

/// One member of the record object (RecordItemScan.member). The key is looked up by its
/// first byte, then matched whole: a record's dozen keys cost a compare or two each, not a
/// walk down the list (a key matches one literal at most, so the order is free).
static inline __attribute__((always_inline)) uint32_t record_member(walker *w, size_t at,
                                                               void *ctx) {
  dl_record_walk *r = ctx;
  dl_str v;
  uint32_t bit;
  switch (w->p[at]) {
  case 'i':
    return KEY("id") && id(w, &r->id) ? 1u << 0 : 0;
  case 'k':
    return KEY("kind") && plain(w, &v) && one_of(w, &v, 0) >= 0 ? 1u << 9 : 0;
  case 'p':
    return KEY("parties") ? parties(w, r) : 0;
  case 'h':
    if (!KEY("headline")) return 0;
    return text(w, &v) && (v.flags & DL_STR_VISIBLE) && v.width <= 100 ? 1u << 11 : 0;
  case 's':
    if (KEY("summary")) return text(w, &v) ? 1u << 12 : 0;
    return KEY("source") && id(w, &r->source) ? 1u << 14 : 0;
  case 'a':
    if (!KEY("attribution") || !object(w, 2, attribution_member, r, &bit)) return 0;
    return (bit & 6) == 6 ? 1u << 13 : 0;
  case 'q':
    if (!KEY("quote")) return 0;
    return object(w, 2, quote_member, r, &bit) && (bit & 1) ? 1u << 15 : 0;
  case 't':
    if (KEY("tags")) return tags(w);
    return date_member(w, at, r);
  case 'r':
    if (KEY("related")) return links(w, r, 0);
    return KEY("revises") ? links(w, r, 2) : 0;
  case 'd':
    if (KEY("disputes")) return links(w, r, 1);
    return date_member(w, at, r);
  case 'f':
    return KEY("figures") ? figures(w, r) : 0;
  default:
    return date_member(w, at, r);
  }
}
