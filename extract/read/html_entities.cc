#include "extract/read/html_entities.h"

#include <cstdint>

#include "extract/read/utf8.h"

namespace claimcheck {
namespace {

struct Named {
  absl::string_view name;
  char32_t code_point;
};

// Entities seen in news, blog and forum markup.
constexpr Named kNamed[] = {
    {"amp", '&'},        {"lt", '<'},          {"gt", '>'},         {"quot", '"'},
    {"apos", '\''},      {"nbsp", 0xA0},       {"ensp", 0x2002},    {"emsp", 0x2003},
    {"thinsp", 0x2009},  {"zwnj", 0x200C},     {"zwj", 0x200D},     {"lrm", 0x200E},
    {"rlm", 0x200F},     {"ndash", 0x2013},    {"mdash", 0x2014},   {"lsquo", 0x2018},
    {"rsquo", 0x2019},   {"sbquo", 0x201A},    {"ldquo", 0x201C},   {"rdquo", 0x201D},
    {"bdquo", 0x201E},   {"dagger", 0x2020},   {"Dagger", 0x2021},  {"bull", 0x2022},
    {"hellip", 0x2026},  {"permil", 0x2030},   {"prime", 0x2032},   {"Prime", 0x2033},
    {"lsaquo", 0x2039},  {"rsaquo", 0x203A},   {"oline", 0x203E},   {"frasl", 0x2044},
    {"euro", 0x20AC},    {"trade", 0x2122},    {"larr", 0x2190},    {"uarr", 0x2191},
    {"rarr", 0x2192},    {"darr", 0x2193},     {"harr", 0x2194},    {"minus", 0x2212},
    {"lowast", 0x2217},  {"radic", 0x221A},    {"infin", 0x221E},   {"asymp", 0x2248},
    {"ne", 0x2260},      {"equiv", 0x2261},    {"le", 0x2264},      {"ge", 0x2265},
    {"iexcl", 0xA1},     {"cent", 0xA2},       {"pound", 0xA3},     {"curren", 0xA4},
    {"yen", 0xA5},       {"brvbar", 0xA6},     {"sect", 0xA7},      {"uml", 0xA8},
    {"copy", 0xA9},      {"ordf", 0xAA},       {"laquo", 0xAB},     {"not", 0xAC},
    {"shy", 0xAD},       {"reg", 0xAE},        {"macr", 0xAF},      {"deg", 0xB0},
    {"plusmn", 0xB1},    {"sup2", 0xB2},       {"sup3", 0xB3},      {"acute", 0xB4},
    {"micro", 0xB5},     {"para", 0xB6},       {"middot", 0xB7},    {"cedil", 0xB8},
    {"sup1", 0xB9},      {"ordm", 0xBA},       {"raquo", 0xBB},     {"frac14", 0xBC},
    {"frac12", 0xBD},    {"frac34", 0xBE},     {"iquest", 0xBF},    {"Agrave", 0xC0},
    {"Aacute", 0xC1},    {"Acirc", 0xC2},      {"Atilde", 0xC3},    {"Auml", 0xC4},
    {"Aring", 0xC5},     {"AElig", 0xC6},      {"Ccedil", 0xC7},    {"Egrave", 0xC8},
    {"Eacute", 0xC9},    {"Ecirc", 0xCA},      {"Euml", 0xCB},      {"Igrave", 0xCC},
    {"Iacute", 0xCD},    {"Icirc", 0xCE},      {"Iuml", 0xCF},      {"ETH", 0xD0},
    {"Ntilde", 0xD1},    {"Ograve", 0xD2},     {"Oacute", 0xD3},    {"Ocirc", 0xD4},
    {"Otilde", 0xD5},    {"Ouml", 0xD6},       {"times", 0xD7},     {"Oslash", 0xD8},
    {"Ugrave", 0xD9},    {"Uacute", 0xDA},     {"Ucirc", 0xDB},     {"Uuml", 0xDC},
    {"Yacute", 0xDD},    {"THORN", 0xDE},      {"szlig", 0xDF},     {"agrave", 0xE0},
    {"aacute", 0xE1},    {"acirc", 0xE2},      {"atilde", 0xE3},    {"auml", 0xE4},
    {"aring", 0xE5},     {"aelig", 0xE6},      {"ccedil", 0xE7},    {"egrave", 0xE8},
    {"eacute", 0xE9},    {"ecirc", 0xEA},      {"euml", 0xEB},      {"igrave", 0xEC},
    {"iacute", 0xED},    {"icirc", 0xEE},      {"iuml", 0xEF},      {"eth", 0xF0},
    {"ntilde", 0xF1},    {"ograve", 0xF2},     {"oacute", 0xF3},    {"ocirc", 0xF4},
    {"otilde", 0xF5},    {"ouml", 0xF6},       {"divide", 0xF7},    {"oslash", 0xF8},
    {"ugrave", 0xF9},    {"uacute", 0xFA},     {"ucirc", 0xFB},     {"uuml", 0xFC},
    {"yacute", 0xFD},    {"thorn", 0xFE},      {"yuml", 0xFF},      {"OElig", 0x152},
    {"oelig", 0x153},    {"Scaron", 0x160},    {"scaron", 0x161},   {"Yuml", 0x178},
    {"fnof", 0x192},     {"circ", 0x2C6},      {"tilde", 0x2DC},    {"Alpha", 0x391},
    {"Beta", 0x392},     {"Gamma", 0x393},     {"Delta", 0x394},    {"Omega", 0x3A9},
    {"alpha", 0x3B1},    {"beta", 0x3B2},      {"gamma", 0x3B3},    {"delta", 0x3B4},
    {"epsilon", 0x3B5},  {"lambda", 0x3BB},    {"mu", 0x3BC},       {"pi", 0x3C0},
    {"sigma", 0x3C3},    {"omega", 0x3C9},     {"half", 0xBD},      {"dollar", '$'},
    {"percnt", '%'},     {"comma", ','},       {"period", '.'},     {"colon", ':'},
    {"semi", ';'},       {"excl", '!'},        {"quest", '?'},      {"num", '#'},
    {"lpar", '('},       {"rpar", ')'},        {"lsqb", '['},       {"rsqb", ']'},
    {"lcub", '{'},       {"rcub", '}'},        {"sol", '/'},        {"bsol", '\\'},
    {"ast", '*'},        {"plus", '+'},        {"equals", '='},     {"hyphen", 0x2010},
    {"dash", 0x2010},    {"commat", '@'},      {"Hat", '^'},        {"lowbar", '_'},
    {"grave", '`'},      {"verbar", '|'},      {"NewLine", '\n'},   {"Tab", '\t'},
    {"check", 0x2713},   {"star", 0x2606},     {"starf", 0x2605},   {"rsquor", 0x2019},
    {"lsquor", 0x201A},  {"rdquor", 0x201D},   {"ldquor", 0x201E},  {"nbhy", 0x2011},
};

// Windows-1252 meanings of 0x80-0x9F, as the HTML standard reads numeric references.
constexpr char32_t kCp1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Names longer than this are not in kNamed.
constexpr size_t kLongestName = 7;

// An entity name of at most kLongestName bytes packed into a word, its first byte
// lowest, with the length on top (never 0).
uint64_t NameKey(absl::string_view name) {
  uint64_t key = 0;
  for (size_t k = 0; k < name.size(); ++k) {
    key |= uint64_t{static_cast<unsigned char>(name[k])} << (8 * k);
  }
  return key | static_cast<uint64_t>(name.size()) << 56;
}

// kNamed by NameKey in an open-addressing table: a lookup is a multiply and a compare or
// two instead of a walk through the list.
class NamedTable {
 public:
  NamedTable() {
    for (const Named& e : kNamed) {
      const uint64_t key = NameKey(e.name);
      size_t i = Slot(key);
      while (keys_[i] != 0) i = (i + 1) % kSlots;  // every name is listed once
      keys_[i] = key;
      code_points_[i] = e.code_point;
    }
  }

  // The code point of the name with key `key`, or 0 when the name is not listed.
  char32_t Find(uint64_t key) const {
    for (size_t i = Slot(key);; i = (i + 1) % kSlots) {
      if (keys_[i] == key) return code_points_[i];
      if (keys_[i] == 0) return 0;
    }
  }

 private:
  static constexpr size_t kSlots = 1024;  // five times the names: short probes
  static size_t Slot(uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 54; }

  uint64_t keys_[kSlots] = {};
  char32_t code_points_[kSlots] = {};
};

}  // namespace

size_t DecodeEntityAt(absl::string_view text, size_t i, std::string* out) {
  size_t n = text.size();
  if (i + 1 >= n) return 0;
  size_t j = i + 1;
  if (j < n && text[j] == '#') {
    ++j;
    bool hex = j < n && (text[j] == 'x' || text[j] == 'X');
    if (hex) ++j;
    size_t digits_begin = j;
    uint32_t v = 0;
    while (j < n && j - digits_begin < 8) {
      char c = text[j];
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0) break;
      v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      ++j;
    }
    if (j == digits_begin) return 0;
    if (j < n && text[j] == ';') ++j;
    char32_t cp = v;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp >= 0x80 && cp <= 0x9F) cp = kCp1252[cp - 0x80];
    AppendUtf8(cp, out);
    return j - i;
  }
  size_t name_begin = j;
  while (j < n && j - name_begin < 32 && IsAlnum(text[j])) ++j;
  if (j == name_begin) return 0;
  absl::string_view name = text.substr(name_begin, j - name_begin);
  if (name.size() > kLongestName) return 0;
  static const NamedTable* table = new NamedTable;
  const char32_t code_point = table->Find(NameKey(name));
  if (code_point == 0) return 0;  // no listed entity is U+0000
  bool semicolon = j < n && text[j] == ';';
  if (!semicolon && name != "amp" && name != "lt" && name != "gt" && name != "quot" &&
      name != "nbsp") {
    return 0;
  }
  AppendUtf8(code_point, out);
  return j - i + (semicolon ? 1 : 0);
}

std::string DecodeEntities(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t amp = text.find('&', i);
    if (amp == absl::string_view::npos) amp = text.size();
    out.append(text.data() + i, amp - i);
    i = amp;
    if (i >= text.size()) break;
    size_t used = DecodeEntityAt(text, i, &out);
    if (used == 0) {
      out.push_back('&');
      used = 1;
    }
    i += used;
  }
  return out;
}

}  // namespace claimcheck
