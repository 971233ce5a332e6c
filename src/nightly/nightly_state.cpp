#include "nightly/nightly_state.hpp"

#include "base/file_text.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"

#include <cstring>
#include <filesystem>
#include <limits>
#include <unordered_map>
#include <zlib.h>

namespace dxcomply {
namespace {

constexpr char kMagic[8] = {'D', 'X', 'N', 'S', 'T', 'A', 'T', 'E'};
constexpr std::uint32_t kVersion = 2;
constexpr std::uint32_t kHasBaselineDate = 1;
constexpr std::uint32_t kHasBaselineDigests = 2;
constexpr std::uint32_t kHasDigests = 4;
constexpr std::size_t kItemBytes = 5 * 4 + 4 * 4 + 3;
constexpr std::size_t kDigestBytes = 4 + 8 + 8;

std::uint32_t Crc32(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes at most 4 GiB at a time.
  for (std::size_t at = 0; at < bytes.size();) {
    const std::size_t piece = std::min<std::size_t>(bytes.size() - at, 1u << 30);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + at), static_cast<uInt>(piece));
    at += piece;
  }
  return static_cast<std::uint32_t>(crc);
}

class Writer {
 public:
  void Bytes(std::string_view bytes) { out_.append(bytes); }
  void U8(unsigned value) { out_.push_back(static_cast<char>(value & 0xFF)); }
  void U32(std::uint32_t value) {
    for (int i = 0; i < 4; ++i) U8((value >> (8 * i)) & 0xFF);
  }
  void I32(std::int32_t value) { U32(static_cast<std::uint32_t>(value)); }
  void U64(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) U8(static_cast<unsigned>((value >> (8 * i)) & 0xFF));
  }
  void Count(std::size_t count) {
    if (count > std::numeric_limits<std::uint32_t>::max()) {
      throw StateError(Tr("the nightly state has more than 4 billion entries"));
    }
    U32(static_cast<std::uint32_t>(count));
  }
  std::string& text() { return out_; }

 private:
  std::string out_;
};

// Every text once, numbered in the order first met.
class TextTable {
 public:
  std::uint32_t Index(std::string_view text) {
    const auto [found, added] = index_.emplace(text, static_cast<std::uint32_t>(texts_.size()));
    if (added) texts_.push_back(text);
    return found->second;
  }
  const std::vector<std::string_view>& texts() const { return texts_; }

 private:
  std::unordered_map<std::string_view, std::uint32_t> index_;
  std::vector<std::string_view> texts_;
};

void IndexTexts(const TrackedItems& items, TextTable& table) {
  for (const TrackedItem& item : items) {
    table.Index(item.obligation_id);
    table.Index(item.obligation_title);
    table.Index(item.agency_id);
    table.Index(item.agency_name);
    table.Index(item.period);
  }
}

void WriteItems(const TrackedItems& items, TextTable& table, Writer& out) {
  out.Count(items.size());
  for (const TrackedItem& item : items) {
    out.U32(table.Index(item.obligation_id));
    out.U32(table.Index(item.obligation_title));
    out.U32(table.Index(item.agency_id));
    out.U32(table.Index(item.agency_name));
    out.U32(table.Index(item.period));
    out.I32(item.due ? ToDayNumber(*item.due) : 0);
    out.I32(item.days);
    out.I32(item.tier);
    out.I32(item.escalated_tier);
    out.U8(item.status == Status::kOverdue ? 1 : 2);
    out.U8(item.day_unit == DayUnit::kWorking ? 1 : 0);
    out.U8(item.due ? 1 : 0);
  }
}

void WriteDigests(const std::optional<AgencyDigests>& digests, TextTable& table, Writer& out) {
  if (!digests) return out.Count(0);
  out.Count(digests->size());
  for (const AgencyDigest& digest : *digests) {
    out.U32(table.Index(digest.agency_id));
    out.U64(digest.letter);
    out.U64(digest.calendar);
  }
}

// Reads one version 2 file; every error names the file and the place.
class Reader {
 public:
  Reader(std::string_view bytes, const std::string& name) : bytes_(bytes), name_(name) {}

  NightlyState Read() {
    Expect(bytes_.size() >= sizeof kMagic && std::memcmp(bytes_.data(), kMagic, sizeof kMagic) == 0,
           Tr("not a dxcomply nightly state (it does not begin with DXNSTATE)"));
    at_ = sizeof kMagic;
    const std::uint32_t version = U32(Tr("the version"));
    Expect(version == kVersion, Format(Tr("version {0}, this dxcomply reads {1}"),
                                       {std::to_string(version), std::to_string(kVersion)}));
    Need(4, Tr("the checksum"));
    const std::uint32_t stored = LastU32();
    Expect(stored == Crc32(bytes_.substr(0, bytes_.size() - 4)),
           Tr("its checksum does not match its contents (the file is damaged)"));
    bytes_.remove_suffix(4);

    NightlyState state;
    state.texts = std::make_shared<TextStore>();
    const std::uint32_t flags = U32(Tr("the flags"));
    Expect(flags < 8, Format(Tr("unknown flags {0}"), {std::to_string(flags)}));
    state.as_of = Day(I32("as_of"), "as_of");
    const std::int32_t baseline_as_of = I32("baseline_as_of");
    if ((flags & kHasBaselineDate) != 0) {
      state.baseline_as_of = Day(baseline_as_of, "baseline_as_of");
      Expect(*state.baseline_as_of < state.as_of, Tr("baseline_as_of is not before as_of"));
    }
    const std::uint32_t text_count = Count(4, Tr("the count of texts"));
    texts_.reserve(text_count);
    for (std::uint32_t i = 0; i < text_count; ++i) {
      const std::uint32_t length =
          U32([&] { return Format(Tr("the length of text {0}"), {std::to_string(i)}); });
      Need(length, [&] { return Format(Tr("text {0}"), {std::to_string(i)}); });
      texts_.push_back(state.texts->Keep(bytes_.substr(at_, length)));
      at_ += length;
    }
    state.baseline = Items(Tr("the count of baseline items"), Tr("baseline item {0}"));
    state.items = Items(Tr("the count of items"), Tr("item {0}"));
    std::optional<AgencyDigests> baseline_agencies =
        Digests(Tr("the count of baseline digests"), Tr("baseline digest {0}"));
    std::optional<AgencyDigests> agencies = Digests(Tr("the count of digests"), Tr("digest {0}"));
    if ((flags & kHasBaselineDigests) != 0) state.baseline_agencies = std::move(baseline_agencies);
    if ((flags & kHasDigests) != 0) state.agencies = std::move(agencies);
    Expect(at_ == bytes_.size(),
           Format(Tr("{0} bytes after the end"), {std::to_string(bytes_.size() - at_)}));
    return state;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) const {
    throw StateError(Format(Tr("{0}: {1}; move the file away to start afresh"), {name_, what}));
  }
  void Expect(bool ok, const std::string& what) const {
    if (!ok) Fail(what);
  }

  // `what` names the part read: a text, or a function making it (on a
  // fault only).
  template <typename What>
  void Need(std::size_t bytes, const What& what) const {
    if (bytes_.size() - at_ < bytes) {
      Fail(Format(Tr("cut short in {0} (at byte {1})"), {Named(what), std::to_string(at_)}));
    }
  }
  static std::string Named(const char* what) { return what; }
  template <typename Make>
  static std::string Named(const Make& make) {
    return make();
  }
  std::uint32_t LastU32() const {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) {
      value = value << 8 | static_cast<unsigned char>(bytes_[bytes_.size() - 4 + i]);
    }
    return value;
  }
  template <typename What>
  std::uint32_t U32(const What& what) {
    Need(4, what);
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = value << 8 | static_cast<unsigned char>(bytes_[at_ + i]);
    at_ += 4;
    return value;
  }
  std::int32_t I32(const char* what) { return static_cast<std::int32_t>(U32(what)); }
  // A count of entries of `bytes_each` bytes that must fit in what is left;
  // `what`: "the count of items".
  std::uint32_t Count(std::size_t bytes_each, const char* what) {
    const std::uint32_t count = U32(what);
    Check(count <= (bytes_.size() - at_) / bytes_each, [&] {
      return Format(Tr("{0} ({1}) runs past the end"), {what, std::to_string(count)});
    });
    return count;
  }

  // Where an entry is, for messages ("baseline item 12: status"); the text
  // is made only when something is wrong.
  struct Place {
    const char* what;  // "item {0}", translated
    std::uint32_t index;
    std::string operator()(const char* field) const {
      return Format(what, {std::to_string(index)}) + (*field != 0 ? ": " : "") + field;
    }
  };

  template <typename Message>
  void Check(bool ok, const Message& message) const {
    if (!ok) Fail(message());
  }

  Date Day(std::int32_t day, const std::string& where) const {
    static const DayNumber kFirst = ToDayNumber(Date(1400, 1, 1));
    static const DayNumber kLast = ToDayNumber(Date(9999, 12, 31));
    Check(day >= kFirst && day <= kLast, [&] {
      return Format(Tr("{0}: day {1} is outside the years 1400-9999"),
                    {where, std::to_string(day)});
    });
    return FromDayNumber(day);
  }

  // The counts were checked against the size, so an entry's fields are
  // there: read without a check each.
  std::uint32_t RawU32() {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = value << 8 | static_cast<unsigned char>(bytes_[at_ + i]);
    at_ += 4;
    return value;
  }
  unsigned RawU8() { return static_cast<unsigned char>(bytes_[at_++]); }

  std::string_view Text(const Place& place, const char* field) {
    const std::uint32_t index = RawU32();
    Check(index < texts_.size(), [&] {
      return Format(Tr("{0}: text {1} of {2}"),
                    {place(field), std::to_string(index), std::to_string(texts_.size())});
    });
    return texts_[index];
  }

  TrackedItems Items(const char* count_of, const char* what) {
    const std::uint32_t count = Count(kItemBytes, count_of);
    TrackedItems items(count);
    std::unordered_set<const TrackedItem*, ItemKeyHash, ItemKeyEqual> keys(count * 2);
    for (std::uint32_t i = 0; i < count; ++i) {
      const Place place{what, i};
      TrackedItem& item = items[i];
      item.obligation_id = Text(place, "obligation_id");
      item.obligation_title = Text(place, "obligation_title");
      item.agency_id = Text(place, "agency_id");
      item.agency_name = Text(place, "agency_name");
      item.period = Text(place, "period");
      const auto due = static_cast<std::int32_t>(RawU32());
      item.days = static_cast<std::int32_t>(RawU32());
      item.tier = static_cast<std::int32_t>(RawU32());
      item.escalated_tier = static_cast<std::int32_t>(RawU32());
      Check(item.tier >= 0 && item.escalated_tier >= 0,
            [&] { return place(Tr("a negative tier")); });
      const unsigned status = RawU8();
      Check(status == 1 || status == 2, [&] {
        return Format(Tr("{0} {1} is neither overdue (1) nor at risk (2)"),
                      {place("status"), std::to_string(status)});
      });
      item.status = status == 1 ? Status::kOverdue : Status::kAtRisk;
      const unsigned unit = RawU8();
      Check(unit <= 1, [&] {
        return Format(Tr("{0} {1} is neither days (0) nor working days (1)"),
                      {place("day unit"), std::to_string(unit)});
      });
      item.day_unit = unit == 1 ? DayUnit::kWorking : DayUnit::kCalendar;
      const unsigned has_due = RawU8();
      Check(has_due <= 1, [&] {
        return Format(Tr("{0} {1} is not 0 or 1"), {place("has_due"), std::to_string(has_due)});
      });
      if (has_due == 1) item.due = Day(due, place("due"));
      Check(keys.insert(&item).second, [&] {
        return Format(Tr("{0}: a second item for {1} (each instance is kept once)"),
                      {place(""), ItemKey(item)});
      });
    }
    return items;
  }

  AgencyDigests Digests(const char* count_of, const char* what) {
    const std::uint32_t count = Count(kDigestBytes, count_of);
    AgencyDigests digests(count);
    for (std::uint32_t i = 0; i < count; ++i) {
      const Place place{what, i};
      digests[i].agency_id = Text(place, "agency_id");
      const std::uint64_t letter_low = RawU32();
      digests[i].letter = static_cast<std::uint64_t>(RawU32()) << 32 | letter_low;
      const std::uint64_t calendar_low = RawU32();
      digests[i].calendar = static_cast<std::uint64_t>(RawU32()) << 32 | calendar_low;
      Check(i == 0 || digests[i - 1].agency_id < digests[i].agency_id,
            [&] { return place(Tr("agency ids not in order")); });
    }
    return digests;
  }

  std::string_view bytes_;
  const std::string& name_;
  std::size_t at_ = 0;
  std::vector<std::string_view> texts_;
};

bool Exists(const std::string& path) {
  std::error_code error;
  // A path that cannot be checked is treated as present: reading it then
  // says why it cannot be read, rather than starting a first night.
  return std::filesystem::exists(path, error) || error;
}

std::string ReadState(const std::string& path) {
  FileText file = ReadFileText(path);
  if (!file.ok()) {
    throw StateError(Format(Tr("{0}: cannot read ({1}); check its rights, or move it away to "
                               "start afresh"),
                            {path, file.error}));
  }
  return std::move(file.text);
}

}  // namespace

std::optional<NightlyState> LoadState(const std::string& folder) {
  // No state is a first night; a state that cannot be read is not: treated
  // as one, every item would be reported new and the baseline lost.
  const std::string path = folder + "/" + kStateFileName;
  if (Exists(path)) return ParseState(ReadState(path), path);
  const std::string legacy = folder + "/" + kLegacyStateFileName;
  if (Exists(legacy)) return ParseLegacyState(ReadState(legacy), legacy);
  return std::nullopt;
}

std::string SerializeState(const NightlyState& state) {
  TextTable table;
  IndexTexts(state.baseline, table);
  IndexTexts(state.items, table);
  for (const auto* digests : {&state.baseline_agencies, &state.agencies}) {
    if (!*digests) continue;
    for (const AgencyDigest& digest : **digests) table.Index(digest.agency_id);
  }
  Writer out;
  out.Bytes(std::string_view(kMagic, sizeof kMagic));
  out.U32(kVersion);
  out.U32((state.baseline_as_of ? kHasBaselineDate : 0) |
          (state.baseline_agencies ? kHasBaselineDigests : 0) | (state.agencies ? kHasDigests : 0));
  out.I32(ToDayNumber(state.as_of));
  out.I32(state.baseline_as_of ? ToDayNumber(*state.baseline_as_of) : 0);
  out.Count(table.texts().size());
  for (const std::string_view text : table.texts()) {
    out.Count(text.size());
    out.Bytes(text);
  }
  WriteItems(state.baseline, table, out);
  WriteItems(state.items, table, out);
  WriteDigests(state.baseline_agencies, table, out);
  WriteDigests(state.agencies, table, out);
  const std::uint32_t crc = Crc32(out.text());
  out.U32(crc);
  return std::move(out.text());
}

NightlyState ParseState(std::string_view bytes, const std::string& name) {
  return Reader(bytes, name).Read();
}

}  // namespace dxcomply
