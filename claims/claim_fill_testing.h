// Test support: fills a message's fields by reflection, for tests that check an encoder
// written for claim.proto against protobuf's own (claim_json_test, claim_wire_test).
// Because it walks the descriptors, a field added to the schema is filled too, and an
// encoder that does not know it fails those tests.
#ifndef CLAIMCHECK_CLAIMS_CLAIM_FILL_TESTING_H_
#define CLAIMCHECK_CLAIMS_CLAIM_FILL_TESTING_H_

#include <random>

#include "google/protobuf/message.h"

namespace claimcheck {

// Sets fields of `m` and of its sub-messages (to depth 4) by reflection: each field with
// probability `p` (every field when p is 1), to a value that is not the default; strings
// include quotes, markup, non-ASCII text and line breaks, numbers span many magnitudes,
// repeated fields get one to three elements. A field type it cannot fill is a test
// failure (ADD_FAILURE).
void FillFields(google::protobuf::Message* m, std::mt19937_64& rng, double p, int depth = 0);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_CLAIM_FILL_TESTING_H_
