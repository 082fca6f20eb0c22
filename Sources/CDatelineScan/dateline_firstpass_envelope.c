// An envelope file's `type`, from its first bytes (see dl_fp_envelope_type).

#include "dateline_firstpass_internal.h"
#include "dateline_firstpass_values.h"

int dl_fp_envelope_type(const uint8_t *buf, size_t len, const uint8_t **type, size_t *type_length) {
  const uint8_t *p = buf, *end = buf + len;
  if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) p += 3;
  p = fp_ws(p, end);
  while (p < end && *p == '\n') p = fp_ws(p + 1, end);
  if (p >= end || *p != '{') return 0;
  p++;
  for (;;) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) p++;
    const uint8_t *k;
    size_t kn;
    p = fp_plain_string(p, end, &k, &kn);
    if (!p) return 0;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) p++;
    if (p >= end || *p != ':') return 0;
    p++;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) p++;
    if (fp_key(k, kn, "items")) return 0;
    if (fp_key(k, kn, "type")) return fp_plain_string(p, end, type, type_length) != NULL;
    p = fp_skip_value(p, end, 0);
    if (!p) return 0;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) p++;
    if (p >= end || *p != ',') return 0;
    p++;
  }
}
