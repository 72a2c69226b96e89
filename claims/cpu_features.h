// Processor features, asked once at start-up.
//
// The byte scanners (readers, recognisers, the JSON writer, the copy detector) have loops
// compiled for newer instructions with __attribute__((target(...))) next to a baseline
// loop; they take the newer one only when the processor has the instructions. These
// flags are that test, in one place.
//
// Thread-safe: constants initialised before main.
#ifndef CLAIMCHECK_CLAIMS_CPU_FEATURES_H_
#define CLAIMCHECK_CLAIMS_CPU_FEATURES_H_

namespace claimcheck {

#if defined(__x86_64__)
// AVX2: 32-byte integer vectors.
inline const bool kHasAvx2 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}();

// SSSE3 and POPCNT: packing bytes by a mask (PSHUFB) and counting the bytes packed. Every
// x86-64 processor of the last fifteen years has both.
inline const bool kHasSsse3AndPopcnt = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("ssse3") != 0 && __builtin_cpu_supports("popcnt") != 0;
}();
#endif

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_CPU_FEATURES_H_
