// Entity aliases: which written names refer to the same organisation.
//
// News text names one company many ways ("Semiconductor Manufacturing International
// Corp.", "SMIC", "the Shanghai foundry"). Claims are grouped by canonical name, so every
// known spelling maps to one canonical name. An EntityAliases table starts from a small
// built-in list of well-known chip-industry names (BuiltIn()) and grows from user alias
// files and from aliases the extractor learns from a document ("ChangXin Memory
// Technologies (CXMT)").
//
// Names are matched case-insensitively after normalisation (LookupKey): whitespace
// collapsed, typographic apostrophes made ASCII, a leading "the" dropped, a trailing
// possessive ('s) and trailing punctuation dropped, and a trailing corporate suffix
// (Co., Corp., Corporation, Inc., Ltd., Limited, Co. Ltd., PLC, LLC) dropped.
//
// Alias file format (plain text, UTF-8), one alias a line:
//
//   # comments start with '#', blank lines are ignored
//   Alias = Canonical Name
//   Semiconductor Manufacturing International Corp = SMIC
//
// A canonical name is also an alias of itself. Later lines override earlier ones, and a
// user file overrides the built-in list.
//
// Thread-safety: const methods may be called concurrently; Add* need exclusive access.
#ifndef CLAIMCHECK_CLAIMS_ENTITY_ALIASES_H_
#define CLAIMCHECK_CLAIMS_ENTITY_ALIASES_H_

#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace claimcheck {

class EntityAliases {
 public:
  EntityAliases() = default;

  // The built-in list: SMIC, CXMT, YMTC, Huawei, Big Fund I/II/III, TSMC, Nvidia and
  // other frequently reported chip-industry names with their long forms.
  static EntityAliases BuiltIn();

  // Maps `alias` (and `canonical` itself) to `canonical`. Empty arguments are ignored.
  void Add(absl::string_view alias, absl::string_view canonical);

  // Parses `text` in the alias file format above and adds every good line. Returns OK
  // when every line parsed; otherwise InvalidArgument whose message names each bad line
  // as "<file_name>:<line>: <why>" (good lines are still added).
  absl::Status AddFromText(absl::string_view text, absl::string_view file_name);

  // The canonical name for `name`, or nullopt when the name is unknown.
  std::optional<std::string> Find(absl::string_view name) const;

  // The canonical name stored under an already computed LookupKey, or nullptr when
  // none is. Lets a caller that needs the key anyway skip computing it twice; the
  // pointer is valid until the next Add.
  const std::string* FindByKey(absl::string_view key) const;

  // Find(name), or when unknown the name itself, trimmed, with a leading "the" and a
  // trailing possessive removed ("the Nikkei's" -> "Nikkei").
  std::string Canonicalize(absl::string_view name) const;

  size_t size() const { return by_key_.size(); }

  // The normalised lookup key of a name (see the header comment).
  static std::string LookupKey(absl::string_view name);

 private:
  absl::flat_hash_map<std::string, std::string> by_key_;
};

// `name` trimmed, with a leading "the "/"The " and a trailing possessive removed.
std::string CleanEntityName(absl::string_view name);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_ENTITY_ALIASES_H_
