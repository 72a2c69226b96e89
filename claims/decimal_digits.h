// Decimal digits of integers and doubles, written into a caller's buffer exactly as
// printf writes them, without its cost: integers two, four or eight digits at a time,
// and printf's %.<precision>g of a double computed exactly in integers where that is
// cheap (short decimals, and 10^-5 <= |v| < 10^14), by std::to_chars elsewhere. The JSON
// writers (json_values.h) and the fingerprints of ids (fingerprint.h) build on them.
//
// Each writer returns the end of what it wrote; the buffer must hold the bound given.
//
// Thread-safe: pure functions.
#ifndef CLAIMCHECK_CLAIMS_DECIMAL_DIGITS_H_
#define CLAIMCHECK_CLAIMS_DECIMAL_DIGITS_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace claimcheck {

constexpr size_t kMaxDecimalSize = 20;
// A sign, 17 digits, a point and an exponent ("e-308") fit, with room to spare.
constexpr size_t kMaxPrintfDoubleSize = 32;

// `v` in decimal digits (kMaxDecimalSize bytes at most).
char* WriteDecimal(uint64_t v, char* out);

// `v` (below 10^width) as exactly `width` digits, zero-padded.
char* WritePadded(uint64_t v, int width, char* out);

// printf's "%.17g" of a finite `v` (kMaxPrintfDoubleSize bytes at most).
char* WritePrintfG17(double v, char* out);

// protobuf's SimpleDtoa of a finite `v`: printf's "%.15g", or "%.17g" when that does
// not read back as `v` (kMaxPrintfDoubleSize bytes at most).
char* WriteShortestG(double v, char* out);

// "00" to "99": numbers are written two digits at a time.
inline constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// Writes the two digits of `value` (below 100).
inline char* WriteTwoDigits(uint32_t value, char* o) {
  std::memcpy(o, kDigitPairs + 2 * value, 2);
  return o + 2;
}

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_DECIMAL_DIGITS_H_
