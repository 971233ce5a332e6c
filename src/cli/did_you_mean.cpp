#include "cli/did_you_mean.hpp"

#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace dxcomply {
namespace {

constexpr std::size_t kMaxSuggestions = 3;

// Vietnamese letters with marks, by the ASCII letter they fold to.
const std::unordered_map<char32_t, char>& VietnameseLetters() {
  static const std::unordered_map<char32_t, char>* const kLetters = [] {
    auto* letters = new std::unordered_map<char32_t, char>();
    const std::pair<char, const char32_t*> groups[] = {
        {'a', U"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
        {'e', U"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
        {'i', U"ìíỉĩịÌÍỈĨỊ"},
        {'o', U"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
        {'u', U"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
        {'y', U"ỳýỷỹỵỲÝỶỸỴ"},
        {'d', U"đĐ"},
    };
    for (const auto& [ascii, marked] : groups) {
      for (const char32_t* c = marked; *c != 0; ++c) (*letters)[*c] = ascii;
    }
    return letters;
  }();
  return *kLetters;
}

// The code point at text[i], advancing i; invalid bytes come out one by one.
char32_t NextCodePoint(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  int length = lead < 0x80         ? 1
               : (lead >> 5) == 6  ? 2
               : (lead >> 4) == 14 ? 3
               : (lead >> 3) == 30 ? 4
                                   : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return code;
}

bool IsCombiningMark(char32_t c) { return c >= 0x0300 && c <= 0x036F; }

// Whether `needle` is `haystack`, or a run of its whole words.
bool ContainsWords(const std::string& haystack, const std::string& needle) {
  if (needle.empty()) return false;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    const bool starts = at == 0 || haystack[at - 1] == ' ';
    const std::size_t end = at + needle.size();
    const bool ends = end == haystack.size() || haystack[end] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

// The distance under which a candidate is offered: typos, not other ids.
std::size_t Tolerance(const std::string& folded) {
  return std::max<std::size_t>(1, std::min<std::size_t>(3, folded.size() / 3));
}

}  // namespace

std::string FoldForMatching(std::string_view text) {
  std::string folded;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = NextCodePoint(text, i);
    char ascii = 0;
    if (c < 0x80) {
      ascii = static_cast<char>(c);
      if (ascii >= 'A' && ascii <= 'Z') ascii = static_cast<char>(ascii - 'A' + 'a');
      if (ascii == '-' || ascii == '_' || ascii == '\t') ascii = ' ';
    } else if (IsCombiningMark(c)) {
      continue;
    } else {
      const auto letter = VietnameseLetters().find(c);
      ascii = letter == VietnameseLetters().end() ? '?' : letter->second;
    }
    if (ascii == ' ' && (folded.empty() || folded.back() == ' ')) continue;
    folded += ascii;
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::vector<std::string> NearestIds(const std::string& typed,
                                    const std::vector<std::string>& candidates) {
  const std::string folded = FoldForMatching(typed);
  std::vector<std::pair<std::size_t, std::string>> close;
  for (const std::string& candidate : candidates) {
    const std::string other = FoldForMatching(candidate);
    const std::size_t distance = EditDistance(folded, other);
    // The beginning of an id ("is-monitor" for is-monitor-all) is offered too.
    const bool prefix = folded.size() >= 3 && other.compare(0, folded.size(), folded) == 0;
    if (distance <= Tolerance(folded) || prefix) close.emplace_back(distance, candidate);
  }
  std::sort(close.begin(), close.end());
  std::vector<std::string> nearest;
  for (const auto& [distance, candidate] : close) {
    if (nearest.size() == kMaxSuggestions) break;
    nearest.push_back(candidate);
  }
  return nearest;
}

std::vector<const Agency*> NearestAgencies(const std::string& typed,
                                           const std::vector<Agency>& agencies) {
  const std::string folded = FoldForMatching(typed);
  // (rank, distance, id): rank 0 the name itself, 1 words of the name, 2 a typo.
  std::vector<std::tuple<int, std::size_t, const Agency*>> close;
  for (const Agency& agency : agencies) {
    const std::string name = FoldForMatching(agency.name);
    const std::size_t distance =
        std::min(EditDistance(folded, FoldForMatching(agency.id)), EditDistance(folded, name));
    if (folded == name) {
      close.emplace_back(0, 0, &agency);
    } else if (folded.size() >= 3 && ContainsWords(name, folded)) {
      close.emplace_back(1, name.size() - folded.size(), &agency);
    } else if (distance <= Tolerance(folded)) {
      close.emplace_back(2, distance, &agency);
    }
  }
  std::sort(close.begin(), close.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(std::get<0>(a), std::get<1>(a), std::get<2>(a)->id) <
           std::make_tuple(std::get<0>(b), std::get<1>(b), std::get<2>(b)->id);
  });
  std::vector<const Agency*> nearest;
  for (const auto& entry : close) {
    if (nearest.size() == kMaxSuggestions) break;
    nearest.push_back(std::get<2>(entry));
  }
  return nearest;
}

std::string DidYouMean(const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) return "";
  std::string listed;
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    if (i > 0) listed += i + 1 == suggestions.size() ? Tr(" or ") : ", ";
    listed += suggestions[i];
  }
  return Format(Tr("; did you mean {0}?"), {listed});
}

}  // namespace dxcomply
