// The functions are `static inline` in include/dateline_scan.h; a C target needs a source.
#include "dateline_scan.h"
