#ifndef DATELINE_UTF8_H
#define DATELINE_UTF8_H

// One UTF-8 scalar read strictly, and what the scans need to know of a scalar: the one
// decoder of the project (JSONParser's error positions, ByteScanner and the record walk
// must agree byte for byte), and the white-space and NFC tables they share. `static
// inline`, so that Swift inlines them as it does the rest of this target.

#include <stddef.h>
#include <stdint.h>

/// The multi-byte scalar whose lead byte (0x80 or above) is p[i], strictly: no overlong
/// forms, no surrogates, nothing past U+10FFFF, all of it before end. Returns the offset
/// after it and sets *scalar, or returns 0 when the bytes are invalid.
static inline size_t dl_utf8_scalar(const unsigned char *p, size_t i, size_t end,
                                    uint32_t *scalar) {
  unsigned char c = p[i];
  size_t need;
  uint32_t min, v;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    min = 0x80;
    v = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    min = 0x800;
    v = c & 0x0Fu;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    min = 0x10000;
    v = c & 0x07u;
  } else {
    return 0;
  }
  if (i + need >= end) return 0;
  for (size_t k = 1; k <= need; k++) {
    unsigned char cc = p[i + k];
    if ((cc & 0xC0) != 0x80) return 0;
    v = v << 6 | (cc & 0x3Fu);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *scalar = v;
  return i + need + 1;
}

/// Foundation's whitespacesAndNewlines outside ASCII (Z* plus U+0085), and ASCII's.
static inline int dl_scalar_is_space(uint32_t v) {
  return (v >= 0x09 && v <= 0x0D) || v == 0x20 || v == 0x85 || v == 0xA0 || v == 0x1680 ||
         (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F ||
         v == 0x205F || v == 0x3000;
}

/// Scalars that are their own NFC and never compose with a neighbour that is also one of
/// these (NFC_Quick_Check=Yes, canonical combining class 0, not a composition partner):
/// a text made only of these is its own NFC (see ScannedString.isNFCStable).
static inline int dl_scalar_is_nfc_stable(uint32_t v) {
  if (v < 0x300) return 1;
  if (v < 0x2000) {
    return (v >= 0x0391 && v <= 0x03A9) || (v >= 0x03B1 && v <= 0x03C9) ||
           (v >= 0x0400 && v <= 0x0482) || (v >= 0x048A && v <= 0x04FF) ||
           (v >= 0x05D0 && v <= 0x05EA) || (v >= 0x0621 && v <= 0x064A) ||
           (v >= 0x0660 && v <= 0x0669) || (v >= 0x1E00 && v <= 0x1EFF);
  }
  return (v >= 0x2002 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E) ||
         (v >= 0x20A0 && v <= 0x20BF) || (v >= 0x3001 && v <= 0x3003) ||
         (v >= 0x300C && v <= 0x300F) || (v >= 0x3041 && v <= 0x3096) ||
         (v >= 0x30A1 && v <= 0x30FA) || (v >= 0x4E00 && v <= 0x9FFF) ||
         (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xFE00 && v <= 0xFE0F) || v == 0xFFFD ||
         (v >= 0x1F300 && v <= 0x1FAFF);
}

#endif
