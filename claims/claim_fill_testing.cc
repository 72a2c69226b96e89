#include "claims/claim_fill_testing.h"

#include <cmath>
#include <string>

#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"

namespace claimcheck {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

void FillFields(Message* m, std::mt19937_64& rng, double p, int depth) {
  const Descriptor* d = m->GetDescriptor();
  const Reflection* r = m->GetReflection();
  std::bernoulli_distribution set(p);
  static const char* const kTexts[] = {"Big Fund III", "a \"quoted\" <b>", "SMIC\xe2\x80\x99s",
                                       "\xe5\xa4\xa7\xe5\x9f\xba\xe9\x87\x91", "line\nbreak",
                                       "2025-07-01"};
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (!set(rng)) continue;
    const int copies = f->is_repeated() ? 1 + static_cast<int>(rng() % 3) : 1;
    for (int k = 0; k < copies; ++k) {
      switch (f->cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING: {
          const std::string text = kTexts[rng() % 6];
          f->is_repeated() ? r->AddString(m, f, text) : r->SetString(m, f, text);
          break;
        }
        case FieldDescriptor::CPPTYPE_DOUBLE: {
          const double v = std::ldexp(static_cast<double>(rng() % 100000) + 1, rng() % 60 - 30);
          f->is_repeated() ? r->AddDouble(m, f, v) : r->SetDouble(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_BOOL:
          f->is_repeated() ? r->AddBool(m, f, true) : r->SetBool(m, f, true);
          break;
        case FieldDescriptor::CPPTYPE_ENUM: {
          const int n = f->enum_type()->value_count();
          const int v = f->enum_type()->value(1 + static_cast<int>(rng() % (n - 1)))->number();
          f->is_repeated() ? r->AddEnumValue(m, f, v) : r->SetEnumValue(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_UINT64:
          f->is_repeated() ? r->AddUInt64(m, f, rng() | 1) : r->SetUInt64(m, f, rng() | 1);
          break;
        case FieldDescriptor::CPPTYPE_UINT32: {
          const uint32_t v = static_cast<uint32_t>(rng()) | 1;
          f->is_repeated() ? r->AddUInt32(m, f, v) : r->SetUInt32(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_INT64: {
          // Timestamp seconds must stay within years 1..9999.
          const int64_t v = static_cast<int64_t>(rng() % 4000000000ULL);
          f->is_repeated() ? r->AddInt64(m, f, v) : r->SetInt64(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_INT32: {
          const int32_t v = static_cast<int32_t>(rng() % 1000) * 1000000;  // valid nanos
          f->is_repeated() ? r->AddInt32(m, f, v) : r->SetInt32(m, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_MESSAGE: {
          Message* sub = f->is_repeated() ? r->AddMessage(m, f) : r->MutableMessage(m, f);
          if (depth < 4) FillFields(sub, rng, p, depth + 1);
          break;
        }
        default:
          ADD_FAILURE() << "claim.proto has a field type FillFields does not fill: "
                        << f->full_name();
      }
    }
  }
}

}  // namespace claimcheck
