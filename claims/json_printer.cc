#include "claims/json_printer.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "claims/json_values.h"
#include "google/protobuf/descriptor.h"

namespace claimcheck {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumValueDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

bool AppendTimestamp(const Message& m, std::string* out) {
  const Descriptor* d = m.GetDescriptor();
  const Reflection* r = m.GetReflection();
  const FieldDescriptor* fs = d->FindFieldByNumber(1);
  const FieldDescriptor* fn = d->FindFieldByNumber(2);
  if (fs == nullptr || fn == nullptr) return false;
  return AppendJsonTimestamp(r->GetInt64(m, fs), r->GetInt32(m, fn), out);
}

bool AppendMessage(const Message& m, std::string* out);

bool AppendValue(const Message& m, const Reflection* r, const FieldDescriptor* f, int index,
                 std::string* out) {
  const bool rep = f->is_repeated();
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      absl::StrAppend(out, rep ? r->GetRepeatedInt32(m, f, index) : r->GetInt32(m, f));
      return true;
    case FieldDescriptor::CPPTYPE_UINT32:
      absl::StrAppend(out, rep ? r->GetRepeatedUInt32(m, f, index) : r->GetUInt32(m, f));
      return true;
    case FieldDescriptor::CPPTYPE_INT64:
      absl::StrAppend(out, "\"", rep ? r->GetRepeatedInt64(m, f, index) : r->GetInt64(m, f),
                      "\"");
      return true;
    case FieldDescriptor::CPPTYPE_UINT64:
      absl::StrAppend(out, "\"",
                      rep ? r->GetRepeatedUInt64(m, f, index) : r->GetUInt64(m, f), "\"");
      return true;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return AppendJsonDouble(rep ? r->GetRepeatedDouble(m, f, index) : r->GetDouble(m, f), out);
    case FieldDescriptor::CPPTYPE_BOOL:
      out->append((rep ? r->GetRepeatedBool(m, f, index) : r->GetBool(m, f)) ? "true"
                                                                              : "false");
      return true;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int number = rep ? r->GetRepeatedEnumValue(m, f, index) : r->GetEnumValue(m, f);
      const EnumValueDescriptor* v = f->enum_type()->FindValueByNumber(number);
      if (v == nullptr) {
        absl::StrAppend(out, number);
      } else {
        out->push_back('"');
        out->append(v->name());
        out->push_back('"');
      }
      return true;
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      if (f->type() != FieldDescriptor::TYPE_STRING) return false;  // bytes
      std::string scratch;
      const std::string& s = rep ? r->GetRepeatedStringReference(m, f, index, &scratch)
                                 : r->GetStringReference(m, f, &scratch);
      return AppendJsonString(s, out);
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      if (f->type() != FieldDescriptor::TYPE_MESSAGE) return false;  // group
      const Message& sub = rep ? r->GetRepeatedMessage(m, f, index) : r->GetMessage(m, f);
      return AppendMessage(sub, out);
    }
    default:
      return false;  // float
  }
}

// What the printer needs of a message type, worked out once per type (and thread): its
// fields in number order (ListFields' order) with their quoted keys, or why it is declined.
struct MessagePlan {
  enum Kind { kFields, kTimestamp, kDeclined };
  Kind kind = kFields;
  struct Field {
    const FieldDescriptor* descriptor;
    std::string key;  // "\"name\":"
  };
  std::vector<Field> fields;
};

const MessagePlan& PlanFor(const Descriptor* d) {
  thread_local absl::flat_hash_map<const Descriptor*, std::unique_ptr<MessagePlan>> plans;
  std::unique_ptr<MessagePlan>& plan = plans[d];
  if (plan != nullptr) return *plan;
  plan = std::make_unique<MessagePlan>();
  if (d->file()->package() == "google.protobuf") {
    plan->kind = d->full_name() == "google.protobuf.Timestamp" ? MessagePlan::kTimestamp
                                                               : MessagePlan::kDeclined;
    return *plan;
  }
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->is_map()) plan->kind = MessagePlan::kDeclined;
    plan->fields.push_back({f, absl::StrCat("\"", f->name(), "\":")});
  }
  std::sort(plan->fields.begin(), plan->fields.end(),
            [](const MessagePlan::Field& a, const MessagePlan::Field& b) {
              return a.descriptor->number() < b.descriptor->number();
            });
  return *plan;
}

bool AppendMessage(const Message& m, std::string* out) {
  const MessagePlan& plan = PlanFor(m.GetDescriptor());
  if (plan.kind == MessagePlan::kTimestamp) return AppendTimestamp(m, out);
  if (plan.kind == MessagePlan::kDeclined) return false;
  const Reflection* r = m.GetReflection();
  // Extensions and unknown fields are declined: ListFields would list the former.
  if (!r->GetUnknownFields(m).empty()) return false;
  if (m.GetDescriptor()->extension_range_count() > 0) {
    std::vector<const FieldDescriptor*> listed;
    r->ListFields(m, &listed);
    for (const FieldDescriptor* f : listed) {
      if (f->is_extension()) return false;
    }
  }
  out->push_back('{');
  bool first = true;
  for (const MessagePlan::Field& field : plan.fields) {
    const FieldDescriptor* f = field.descriptor;
    // The fields ListFields lists: repeated ones with elements, singular ones set
    // (HasField: non-default for proto3 scalars without presence).
    const int n = f->is_repeated() ? r->FieldSize(m, f) : 0;
    if (f->is_repeated() ? n == 0 : !r->HasField(m, f)) continue;
    if (!first) out->push_back(',');
    first = false;
    out->append(field.key);
    if (f->is_repeated()) {
      out->push_back('[');
      for (int k = 0; k < n; ++k) {
        if (k > 0) out->push_back(',');
        if (!AppendValue(m, r, f, k, out)) return false;
      }
      out->push_back(']');
    } else if (!AppendValue(m, r, f, -1, out)) {
      return false;
    }
  }
  out->push_back('}');
  return true;
}

}  // namespace

bool AppendJsonFast(const Message& message, std::string* out) {
  const size_t old_size = out->size();
  if (AppendMessage(message, out)) return true;
  out->resize(old_size);
  return false;
}

}  // namespace claimcheck
