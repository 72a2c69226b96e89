#include "extract/discourse.h"

#include <algorithm>
#include <cstring>

#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "extract/word_lists.h"

namespace claimcheck {
namespace {

const char* Roman(absl::string_view w) {
  if (w == "first" || w == "i" || w == "1" || w == "one") return "I";
  if (w == "second" || w == "ii" || w == "2" || w == "two") return "II";
  if (w == "third" || w == "iii" || w == "3" || w == "three") return "III";
  if (w == "fourth" || w == "iv" || w == "4" || w == "four") return "IV";
  return nullptr;
}

bool IsOrdinal(absl::string_view w) {
  return w == "first" || w == "second" || w == "third" || w == "fourth";
}

// Nouns a reference may end in ("the company", "the fund", "this project", "this deal").
constexpr uint32_t kReferenceNoun = kCompanyNoun | kFundNoun | kProjectNoun | kDealNoun;

bool Overlaps(absl::Span<const EntityMention> ms, size_t first, size_t last) {
  for (const EntityMention& m : ms) {
    if (m.first < last && first < m.last) return true;
  }
  return false;
}

// A reference to `canonical` at tokens [first, last) of `sentence`, added to `*added`.
EntityMention& AddReference(absl::string_view sentence, const std::vector<Token>& t,
                            size_t first, size_t last, absl::string_view canonical, bool fund,
                            absl::InlinedVector<EntityMention, 2>* added) {
  EntityMention& m = added->emplace_back(
      first, last, sentence.substr(t[first].begin, t[last - 1].end - t[first].begin), canonical);
  m.fund = fund;
  m.reference = true;
  m.possessive = last < t.size() && t[last].kind == TokenKind::kPossessive;
  return m;
}

EntityMention Make(absl::string_view sentence, const std::vector<Token>& t, size_t first,
                   size_t last, std::string canonical, bool fund) {
  EntityMention m;
  m.first = first;
  m.last = last;
  m.written = sentence.substr(t[first].begin, t[last - 1].end - t[first].begin);
  m.canonical = std::move(canonical);
  m.fund = fund;
  m.reference = true;
  m.possessive = last < t.size() && t[last].kind == TokenKind::kPossessive;
  return m;
}

}  // namespace

NameCount& NameCounts::Named(absl::string_view name) {
  if (many_.empty()) {
    for (NameCount& n : few_) {
      if (NameEq()(n.name, name)) return n;
    }
    if (few_.size() < kFew) {
      if (few_.empty()) few_.reserve(kFew);  // never moved while the list lasts
      // (The name constructed in place, neither assigned (a general string assignment
      // costs more) nor moved (a short string's move is a copy).)
      return few_.emplace_back(name, static_cast<int>(few_.size()), LooksLikeFund(name));
    }
    for (NameCount& n : few_) {
      std::string key = n.name;
      many_.emplace(std::move(key), std::move(n));
    }
    few_.clear();
  }
  auto [it, inserted] = many_.try_emplace(name);
  if (inserted) {
    it->second.name.assign(name.data(), name.size());
    it->second.order = static_cast<int>(many_.size() - 1);
    it->second.fund = LooksLikeFund(it->second.name);
  }
  return it->second;
}

std::string FundFamily(absl::string_view fund) {
  for (const char* suffix : {" IV", " III", " II", " I"}) {
    if (absl::EndsWith(fund, suffix)) return std::string(fund.substr(0, fund.size() - strlen(suffix)));
  }
  return std::string(fund);
}

namespace {

// Moves `m` into `*mentions` (in text order) after the mentions starting at or before it,
// as a stable sort by first token would place it.
void InsertInOrder(EntityMention&& m, std::vector<EntityMention>* mentions) {
  auto at = std::upper_bound(
      mentions->begin(), mentions->end(), m.first,
      [](size_t first, const EntityMention& other) { return first < other.first; });
  mentions->insert(at, std::move(m));
}

// InsertInOrder for each of `added` in turn. When `added` is in text order (as the rules
// add references), one merge from the back moves each mention once.
template <typename Added>
void InsertAllInOrder(Added& added, std::vector<EntityMention>* mentions) {
  if (added.empty()) return;
  for (size_t k = 1; k < added.size(); ++k) {
    if (added[k].first < added[k - 1].first) {
      for (EntityMention& m : added) InsertInOrder(std::move(m), mentions);
      return;
    }
  }
  std::vector<EntityMention>& out = *mentions;
  if (out.empty() || out.back().first <= added[0].first) {  // all after the found ones
    for (EntityMention& m : added) out.push_back(std::move(m));
    return;
  }
  size_t from = out.size();  // the found mentions not yet moved: [0, from)
  size_t a = added.size();   // the added ones not yet moved: [0, a)
  out.resize(from + a);
  for (size_t put = out.size(); a > 0;) {
    // (On equal first tokens the added one goes after the found one.)
    if (from > 0 && out[from - 1].first > added[a - 1].first) {
      out[--put] = std::move(out[--from]);
    } else {
      out[--put] = std::move(added[--a]);
    }
  }
}

// The family of the last fund named in `mentions`, else of the discourse's last fund.
std::string FamilyInSight(const std::vector<EntityMention>& mentions, const Discourse& discourse) {
  const EntityMention* last_fund = nullptr;
  for (const EntityMention& m : mentions) {
    if (m.fund) last_fund = &m;
  }
  std::string family;
  if (last_fund != nullptr) family = FundFamily(last_fund->canonical);
  if (family.empty() && !discourse.fund.empty()) family = FundFamily(discourse.fund);
  return family;
}

}  // namespace

void AddReferences(absl::string_view sentence, const std::vector<Token>& tokens,
                   const Discourse& discourse, std::vector<EntityMention>* mentions) {
  AddReferences(sentence, ClassIndex(tokens), discourse, mentions);
}

void AddReferences(absl::string_view sentence, const ClassIndex& tokens,
                   const Discourse& discourse, std::vector<EntityMention>* mentions) {
  AddReferenceMentions(sentence, tokens, discourse, mentions);
  AddGroupMentions(sentence, tokens.tokens(), mentions);
}

void AddReferenceMentions(absl::string_view sentence, const std::vector<Token>& tokens,
                          const Discourse& discourse, std::vector<EntityMention>* mentions) {
  AddReferenceMentions(sentence, ClassIndex(tokens), discourse, mentions);
}

void AddReferenceMentions(absl::string_view sentence, const ClassIndex& index,
                          const Discourse& discourse, std::vector<EntityMention>* mentions) {
  const std::vector<Token>& t = index.tokens();
  // A sentence adds few references: kept inline, with no allocation.
  absl::InlinedVector<EntityMention, 2> added;
  const size_t n = t.size();
  // The fund family in sight: a fund named in this sentence, else the last fund. Only the
  // phase rules use it, so it is worked out at the first word that may start one (before
  // any rule changes a mention).
  std::string family;
  bool family_known = false;
  bool phase_seen = false;
  // Every rule below starts at a determiner, ordinal, pronoun or "phase" (a reference
  // start), and needs a cue there (an ordinal, "phase", "it", "its", "they") or a noun a
  // reference ends in among the four words after it. So the starts read are those within
  // four words before the next cue or noun: the others ("the market") are all plain
  // determiners with no such noun after them, which no rule takes.
  // NextWithClass within a few tokens, `n` known.
  auto next_in = [&t, n](size_t i, uint32_t classes, size_t end) {
    if (end > n) end = n;
    while (i < end && (t[i].classes & classes) == 0) ++i;
    return i;
  };
  size_t needed = index.Next(0, kReferenceCue | kReferenceNoun);
  for (size_t i = 0; i < n; ++i) {
    if (needed < i) needed = index.Next(i, kReferenceCue | kReferenceNoun);
    if (needed >= n) break;
    // (A few tokens: read one by one.)
    i = next_in(std::max(i, needed >= 4 ? needed - 4 : size_t{0}), kReferenceStart, needed + 1);
    if (i > needed) {  // no start before this noun: read on after it
      i = needed;
      continue;
    }
    absl::string_view w = t[i].word();
    const bool ordinal = IsOrdinal(w);
    if (!family_known && (ordinal || w == "phase")) {
      family = FamilyInSight(*mentions, discourse);
      family_known = true;
    }
    // "Phase II" (possibly already inside a found name like "Fund Phase III").
    if (w == "phase" && i + 1 < n && Roman(t[i + 1].word()) != nullptr &&
        (t[i + 1].acronym || t[i + 1].capitalized || t[i + 1].kind == TokenKind::kNumber)) {
      phase_seen = true;
      bool inside = false;
      for (EntityMention& m : *mentions) {
        if (m.first <= i && i < m.last && m.first < i) {
          inside = true;  // "China ... Fund Phase III": fix the canonical name
          if (!m.fund || m.canonical == m.written) {
            std::string fam = family.empty() ? "Big Fund" : family;
            if (m.canonical.find("Big Fund") == std::string::npos) {
              m.canonical = absl::StrCat(fam, " ", Roman(t[i + 1].word()));
            }
            m.fund = true;
          }
        }
      }
      if (inside) continue;
      std::string fam = family.empty() ? "Big Fund" : family;
      // Remove a plain name "Phase II" found by the name finder.
      mentions->erase(std::remove_if(mentions->begin(), mentions->end(),
                                     [&](const EntityMention& m) {
                                       return m.first <= i + 1 && i < m.last;
                                     }),
                      mentions->end());
      AddReference(sentence, t, i, i + 2, absl::StrCat(fam, " ", Roman(t[i + 1].word())), true,
                   &added);
      ++i;
      continue;
    }
    // "the second phase (of ... fund)", "third national chip fund", elided "the second".
    if (ordinal) {
      size_t j = i + 1;
      bool fund_phrase = false, phase = false;
      size_t end = j;
      if (j < n && t[j].word() == "phase") {
        phase = true;
        end = j + 1;
        if (end + 1 < n && t[end].word() == "of") {
          // "of (the|its|China's) ... fund"
          size_t k = end + 1;
          while (k < n && k < end + 8 && t[k].kind != TokenKind::kPunct) {
            if (t[k].classes & kFundNoun) {
              end = k + 1;
              fund_phrase = true;
              break;
            }
            ++k;
          }
        }
      } else {
        size_t k = j;
        while (k < n && k < j + 4 && t[k].kind == TokenKind::kWord && !t[k].capitalized) {
          if (t[k].word() == "fund") {
            fund_phrase = true;
            end = k + 1;
            break;
          }
          ++k;
        }
      }
      bool elided = !phase && !fund_phrase && phase_seen && i > 0 && t[i - 1].word() == "the";
      if ((phase && (fund_phrase || !family.empty())) || fund_phrase || elided) {
        if (elided) end = i + 1;
        size_t first = (i > 0 && (t[i - 1].classes & kDeterminer)) ? i - 1 : i;
        // The phrase names one fund: names inside it ("China's") are part of it.
        mentions->erase(std::remove_if(mentions->begin(), mentions->end(),
                                       [&](const EntityMention& m) {
                                         return m.first >= first && m.last <= end && !m.fund;
                                       }),
                        mentions->end());
        if (!Overlaps(*mentions, first, end) && !Overlaps(added, first, end)) {
          std::string fam = family.empty() ? "Big Fund" : family;
          AddReference(sentence, t, first, end, absl::StrCat(fam, " ", Roman(w)), true, &added);
        }
        phase_seen = phase_seen || phase;
        i = end - 1;
        continue;
      }
    }
    // Determiner + company/fund/project word: "the company", "its national chip fund".
    // (Inside the do-while, `continue` leaves the block.) "its" before any other noun
    // ("its largest investment", "its revenue") goes on to the pronoun rule below.
    if ((t[i].classes & kDeterminer) && w != "a" && w != "an") {
      const size_t added_before = added.size();
      size_t consumed_to = i;
      bool reached = false;
      do {
        // No reference noun in the four words after: nothing to find (the usual "the").
        if (next_in(i + 1, kReferenceNoun, i + 5) >= std::min(n, i + 5)) continue;
        size_t k = i + 1;
        // Modifiers may be capitalised when hyphenated: "the Shanghai-based chipmaker".
        while (k < n && k < i + 5 && t[k].kind == TokenKind::kWord &&
               (!t[k].capitalized || t[k].modifier) && !(t[k].classes & kReferenceNoun)) {
          ++k;
        }
        if (k >= n || k >= i + 5 || t[k].kind != TokenKind::kWord || t[k].capitalized) continue;
        if (!(t[k].classes & kReferenceNoun)) continue;
        // Only the noun directly heading the phrase: "the company's", "the fund", not "the
        // company of" chains; the next token must not continue a compound noun.
        if (k + 1 < n && t[k + 1].kind == TokenKind::kWord && !t[k + 1].capitalized &&
            (t[k + 1].classes & (kCompanyNoun | kFundNoun))) {
          continue;
        }
        absl::string_view target;  // into the discourse or the mentions
        bool fund = false;
        absl::string_view head = t[k].word();
        if (t[k].classes & kFundNoun) {
          // "the fund" is the fund the text is mostly about.
          target = !discourse.topic_fund.empty() ? absl::string_view(discourse.topic_fund)
                                                 : absl::string_view(discourse.fund);
          if (target.empty() && k > i + 1) target = "Big Fund";  // "its national chip fund"
          fund = true;
        } else if (t[k].classes & kCompanyNoun) {
          target = discourse.company.empty() ? absl::string_view(discourse.subject)
                                             : absl::string_view(discourse.company);
          for (const EntityMention& m : *mentions) {  // "SMIC's 7nm ..., and the foundry"
            if (m.last <= i && !m.fund && !m.group) target = m.canonical;
          }
        } else if (t[k].classes & kProjectNoun) {
          target = discourse.object.empty() ? absl::string_view(discourse.subject)
                                            : absl::string_view(discourse.object);
        } else if ((head == "investment" || head == "deal") && (w == "this" || w == "the")) {
          target = discourse.subject;
        }
        if (!target.empty() && !Overlaps(*mentions, i, k + 1) && !Overlaps(added, i, k + 1)) {
          AddReference(sentence, t, i, k + 1, target, fund || LooksLikeFund(target), &added);
        }
        consumed_to = k;
        reached = true;
      } while (false);
      // ("their" stays a determiner: "their combined revenues" is about the group named.)
      if (w != "its" || added.size() > added_before) {
        if (reached) i = consumed_to;
        continue;
      }
    }
    // Pronouns: it, its, they, their (not the dummy "it" of "it could take ... before").
    if ((w == "it" || w == "its" || w == "they" || w == "their") && t[i].kind == TokenKind::kWord) {
      bool dummy = false;
      for (size_t k = i + 1; k < n && k < i + 4; ++k) {
        if (t[k].word() == "take" || t[k].word() == "takes" || t[k].word() == "took" ||
            t[k].word() == "is" || t[k].word() == "was") {
          dummy = w == "it" && t[k].word().rfind("t", 0) == 0;
        }
      }
      absl::string_view target = discourse.company.empty() ? absl::string_view(discourse.subject)
                                                           : absl::string_view(discourse.company);
      // "TSMC said its spending", "Huawei spent ..., or 20.8% of its revenue": "it" and
      // "its" after the sentence's own subject (its first name outside a prepositional
      // phrase) are that subject.
      if (w == "it" || w == "its") {
        for (const EntityMention& m : *mentions) {
          if (m.last > i) break;
          size_t before = m.first;
          while (before > 0 && (t[before - 1].word() == "the" || t[before - 1].word() == "a")) {
            --before;
          }
          if (before > 0 && (t[before - 1].classes & kPreposition)) continue;
          target = m.canonical;
          break;
        }
      }
      if (!dummy && !target.empty() && !Overlaps(*mentions, i, i + 1)) {
        AddReference(sentence, t, i, i + 1, target, LooksLikeFund(target), &added).possessive =
            w == "its" || w == "their";
      }
    }
  }
  // Found names come in text order and references never overlap them: only added
  // references need sorting in.
  InsertAllInOrder(added, mentions);
}

void AddGroupMentions(absl::string_view sentence, const std::vector<Token>& t,
                      std::vector<EntityMention>* mentions) {
  // Groups: names joined only by "," and "and" (three or more, or two with "and").
  std::vector<EntityMention> groups;
  for (size_t a = 0; a < mentions->size();) {
    size_t b = a;
    bool saw_and = false;
    while (b + 1 < mentions->size() && !(*mentions)[b].reference && !(*mentions)[b + 1].reference) {
      size_t gap_first = (*mentions)[b].last, gap_last = (*mentions)[b + 1].first;
      bool ok = gap_last > gap_first && gap_last - gap_first <= 2;
      bool has_and = false;
      for (size_t k = gap_first; ok && k < gap_last; ++k) {
        if (t[k].word() == "and") has_and = true;
        else if (t[k].word() != ",") ok = false;
      }
      if (!ok || (*mentions)[b].possessive) break;
      // "Big Fund III and SMIC's road": a possessive after "and" owns what follows.
      if (has_and && (*mentions)[b + 1].possessive && b == a) break;
      saw_and = saw_and || has_and;
      ++b;
      if (has_and) break;  // "A, B and C" ends at C
    }
    size_t count = b - a + 1;
    if (saw_and && count >= 2 && (count >= 3 || (*mentions)[b].last - (*mentions)[a].first <= 5)) {
      // "A and B (combined)", "A, B and C (combined)".
      std::string list;
      for (size_t k = a; k <= b; ++k) {
        if (k > a) list += k == b ? " and " : ", ";
        list += (*mentions)[k].canonical;
      }
      list += " (combined)";
      EntityMention g = Make(sentence, t, (*mentions)[a].first, (*mentions)[b].last,
                             std::move(list), false);
      g.reference = false;
      g.group = true;
      groups.push_back(std::move(g));
    }
    a = b + 1;
  }
  InsertAllInOrder(groups, mentions);
}

namespace {

// *to = from, skipped when they are equal already (the usual case from sentence to
// sentence): a comparison costs less than a copy.
// (Inline: the comparison is the usual path, the assignment the rare one.)
__attribute__((always_inline)) inline void AssignIfChanged(const std::string& from,
                                                           std::string* to) {
  if (!NameEq()(*to, from)) *to = from;
}

}  // namespace

void UpdateDiscourse(const std::vector<Token>& tokens, const std::vector<EntityMention>& mentions,
                     const std::string& subject, Discourse* discourse) {
  UpdateDiscourse(ClassIndex(tokens), mentions, subject, discourse);
}

void UpdateDiscourse(const ClassIndex& index, const std::vector<EntityMention>& mentions,
                     const std::string& subject, Discourse* discourse) {
  const std::vector<Token>& tokens = index.tokens();
  // Pointers into `subject` and `mentions`: each discourse field is assigned once.
  const std::string* first_subject = &subject;
  const std::string* last_fund = nullptr;
  for (const EntityMention& m : mentions) {
    if (m.group) continue;
    if (first_subject->empty()) {
      bool prepositional = false;
      for (size_t k = m.first; k-- > 0 && k + 3 > m.first;) {
        absl::string_view w = tokens[k].word();
        // (All of these are prepositions: the class test skips other words at once.)
        if ((tokens[k].classes & kPreposition) &&
            (w == "in" || w == "at" || w == "from" || w == "for" || w == "with" || w == "on" ||
             w == "to" || w == "of" || w == "by" || w == "into" || w == "across" ||
             w == "like" || w == "than")) {
          prepositional = true;
        }
      }
      // A trailing source (", TrendForce predicts", ", the ministry said") reports the
      // sentence; it is not what the sentence is about.
      size_t before = m.first;
      if (before > 0 && tokens[before - 1].word() == "the") --before;
      const bool source =
          before > 0 && tokens[before - 1].word() == "," && m.last < tokens.size() &&
          ((tokens[m.last].classes & kReportingVerb) || tokens[m.last].word() == "predicts" ||
           tokens[m.last].word() == "expects" || tokens[m.last].word() == "estimates" ||
           tokens[m.last].word() == "forecasts");
      if (!prepositional && !source) first_subject = &m.canonical;
    }
    if (m.fund) last_fund = &m.canonical;
  }
  if (last_fund != nullptr) AssignIfChanged(*last_fund, &discourse->fund);
  // No subject outside prepositional phrases: a possessive owner will do ("shows in
  // SMIC's process roadmap"), else nothing changes.
  for (const EntityMention& m : mentions) {
    if (first_subject->empty() && m.possessive && !m.group) first_subject = &m.canonical;
  }
  if (!first_subject->empty()) {
    AssignIfChanged(*first_subject, &discourse->subject);
    // (A subject that is the company already needs no fund test: nothing changes.)
    if (!NameEq()(discourse->company, *first_subject) && !LooksLikeFund(*first_subject)) {
      discourse->company = *first_subject;
    }
  }
  // The topic is the most named; on a tie, the one named first (the headline's). Counts
  // only grow, so comparing each name counted now with the current topic finds it.
  for (const EntityMention& m : mentions) {
    if (m.group) continue;
    NameCount& named = discourse->mentions.Named(m.canonical);
    ++named.count;
    const std::pair<int, int> rank = {named.count, -named.order};
    // (The order a name was first counted identifies it: the topic named again keeps its
    // string.)
    if (rank > discourse->topic_rank) {
      if (discourse->topic_rank.first == 0 || discourse->topic_rank.second != rank.second) {
        discourse->topic = named.name;
      }
      discourse->topic_rank = rank;
    }
    if (rank > discourse->topic_fund_rank &&
        ((discourse->topic_fund_rank.first > 0 && discourse->topic_fund_rank.second == rank.second) ||
         named.fund)) {
      if (discourse->topic_fund_rank.first == 0 ||
          discourse->topic_fund_rank.second != rank.second) {
        discourse->topic_fund = named.name;
      }
      discourse->topic_fund_rank = rank;
    }
  }
  // The last name that is not the subject.
  for (auto m = mentions.rbegin(); m != mentions.rend(); ++m) {
    if (!m->group && !NameEq()(m->canonical, discourse->subject)) {
      AssignIfChanged(m->canonical, &discourse->object);
      break;
    }
  }
  // "of developing": the last such activity.
  for (size_t i = index.Next(0, kOfWord); i + 1 < tokens.size(); i = index.Next(i + 1, kOfWord)) {
    absl::string_view next = tokens[i + 1].word();
    if (next.size() > 4 && next.compare(next.size() - 3, 3, "ing") == 0) {
      discourse->activity.assign(next.data(), next.size());
    }
  }
}

}  // namespace claimcheck
