#ifndef DATELINE_HASH_H
#define DATELINE_HASH_H

// XXH64 (Yann Collet's xxHash, 64-bit variant), used as the checksum of the re-open cache
// files. Why C: the cache of a million records is ~100 MB and is hashed on every open;
// this runs at memory speed (several GB/s) in debug builds too, where Swift would not.

#include <stddef.h>
#include <stdint.h>

/// The XXH64 hash of p[0..<n] with `seed` (the reference algorithm, little-endian reads).
uint64_t dl_xxh64(const void *p, size_t n, uint64_t seed);

#endif
