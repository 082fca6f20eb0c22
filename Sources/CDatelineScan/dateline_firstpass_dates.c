// The first pass's date reading (see dl_fp_date): RecordDate.parse's rules in C.

#include "dateline_firstpass_internal.h"

static int64_t fp_days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (m + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static int fp_days_in(int m, int y) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return days[m - 1];
}

int dl_fp_digits(const uint8_t *p, int n, int *v) {
  int x = 0;
  for (int i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return 0;
    x = x * 10 + (p[i] - '0');
  }
  *v = x;
  return 1;
}

/// RecordDate.parse: YYYY-MM-DD, YYYY-MM or YYYY; 1 with first and last day and precision.
int dl_fp_date(const uint8_t *s, size_t n, int32_t *first, int32_t *last, uint8_t *precision) {
  int y = 0, m = 1, d = 1;
  if (n != 4 && n != 7 && n != 10) return 0;
  if (!dl_fp_digits(s, 4, &y) || y < 1 || y > 9999) return 0;
  if (n >= 7 && (s[4] != '-' || !dl_fp_digits(s + 5, 2, &m) || m < 1 || m > 12)) return 0;
  if (n == 10 && (s[7] != '-' || !dl_fp_digits(s + 8, 2, &d) || d < 1 || d > fp_days_in(m, y))) return 0;
  *first = (int32_t)fp_days_from_civil(y, m, d);
  if (n == 10) {
    *precision = 0;
    *last = *first;
  } else if (n == 7) {
    *precision = 2;
    *last = *first + fp_days_in(m, y) - 1;
  } else {
    *precision = 3;
    *last = (int32_t)fp_days_from_civil(y, 12, 31);
  }
  return 1;
}
