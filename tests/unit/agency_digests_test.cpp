// Which agencies' letters and calendars changed: the digests follow what a
// letter or a calendar says, not the passing of days nor the order of items.
#include "nightly/agency_digests.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>

namespace dxcomply {
namespace {

// A report of two agencies: X with an overdue and an at-risk finding (the
// latter an upcoming deadline), Y with an on-track one.
struct Night {
  Report report;
  TrackedItems items;
  std::vector<std::shared_ptr<const ObligationText>> replaced;  // the items' views point here
};

std::shared_ptr<Agency> MakeAgency(const char* id, const char* name) {
  auto agency = std::make_shared<Agency>();
  agency->id = id;
  agency->name = name;
  agency->kind = "province";
  return agency;
}

Night MakeNight(int day_shift) {
  auto x = MakeAgency("X", "Hà Nội");
  auto y = MakeAgency("Y", "Huế");
  auto text = [](const char* id) {
    auto obligation = std::make_shared<ObligationText>();
    obligation->id = id;
    obligation->title = std::string("Nhiệm vụ ") + id;
    return obligation;
  };
  Night night;
  night.report.as_of = Date(2022, 11, 1) + boost::gregorian::days(day_shift);
  night.report.agencies = {*x, *y};
  const auto finding = [&](std::shared_ptr<Agency> agency, const char* id, Status status,
                           Date due) {
    Finding f;
    f.obligation = text(id);
    f.agency = agency;
    f.status = status;
    f.due = due;
    f.warn_from = due - boost::gregorian::days(14);
    f.days_overdue = status == Status::kOverdue ? (night.report.as_of - due).days() : 0;
    f.days_left = status == Status::kOverdue ? 0 : (due - night.report.as_of).days();
    night.report.findings.push_back(f);
  };
  finding(x, "late", Status::kOverdue, Date(2022, 9, 30));
  finding(x, "soon", Status::kAtRisk, Date(2022, 11, 15));
  finding(y, "fine", Status::kOnTrack, Date(2022, 12, 31));
  for (const Finding& f : night.report.findings) {
    if (f.status != Status::kOverdue && f.status != Status::kAtRisk) continue;
    TrackedItem item;
    item.obligation_id = f.obligation->id;
    item.obligation_title = f.obligation->title;
    item.agency_id = f.agency->id;
    item.agency_name = f.agency->name;
    item.status = f.status;
    item.due = f.due;
    item.days = f.status == Status::kOverdue ? f.days_overdue : f.days_left;
    item.tier = f.status == Status::kOverdue ? 2 : 1;
    night.items.push_back(item);
  }
  return night;
}

const AgencyDigest& Of(const AgencyDigests& digests, std::string_view id) {
  const auto found = std::find_if(digests.begin(), digests.end(),
                                  [&](const AgencyDigest& d) { return d.agency_id == id; });
  BOOST_REQUIRE(found != digests.end());
  return *found;
}

BOOST_AUTO_TEST_SUITE(agency_digests)

BOOST_AUTO_TEST_CASE(a_letter_for_agencies_with_items_a_calendar_for_every_agency) {
  const Night night = MakeNight(0);
  const AgencyDigests digests = DigestAgencies(night.report, night.items, 1);
  BOOST_TEST(digests.size() == 2u);
  BOOST_TEST(Of(digests, "X").letter != 0u);
  BOOST_TEST(Of(digests, "Y").letter == 0u);  // nothing overdue or at risk: no letter
  BOOST_TEST(Of(digests, "X").calendar != 0u);
  BOOST_TEST(Of(digests, "Y").calendar != 0u);
}

BOOST_AUTO_TEST_CASE(the_passing_of_a_day_is_not_a_change) {
  const Night monday = MakeNight(0);
  const Night tuesday = MakeNight(1);  // every count of days moves by one
  const AgencyDigests a = DigestAgencies(monday.report, monday.items, 1);
  const AgencyDigests b = DigestAgencies(tuesday.report, tuesday.items, 1);
  BOOST_TEST(Of(a, "X").letter == Of(b, "X").letter);
  BOOST_TEST(Of(a, "X").calendar == Of(b, "X").calendar);
  const AgenciesToWrite write = ChangedAgencies(a, b, false);
  BOOST_TEST(write.letters.empty());
  BOOST_TEST(write.calendars.empty());
}

BOOST_AUTO_TEST_CASE(the_order_of_items_is_not_a_change) {
  Night night = MakeNight(0);
  const AgencyDigests a = DigestAgencies(night.report, night.items, 1);
  std::reverse(night.items.begin(), night.items.end());
  std::reverse(night.report.findings.begin(), night.report.findings.end());
  BOOST_TEST(Of(a, "X").letter == Of(DigestAgencies(night.report, night.items, 1), "X").letter);
}

BOOST_AUTO_TEST_CASE(what_a_letter_says_is_a_change) {
  const Night base = MakeNight(0);
  const AgencyDigests a = DigestAgencies(base.report, base.items, 1);
  const auto letter = [&](auto change, std::uint64_t settings = 1) {
    Night night = MakeNight(0);
    change(night);
    return Of(DigestAgencies(night.report, night.items, settings), "X").letter;
  };
  const std::uint64_t same = Of(a, "X").letter;
  BOOST_TEST(letter([](Night& n) { n.items[1].tier = 0; }) != same);
  BOOST_TEST(letter([](Night& n) { n.items[1].status = Status::kOverdue; }) != same);
  BOOST_TEST(letter([](Night& n) { n.items[0].due = Date(2022, 10, 1); }) != same);
  BOOST_TEST(letter([](Night& n) { n.items[0].period = "2022"; }) != same);
  BOOST_TEST(letter([](Night& n) {
               for (TrackedItem& item : n.items) item.agency_name = "Thủ đô Hà Nội";
             }) != same);
  BOOST_TEST(letter([](Night& n) { n.items.pop_back(); }) != same);
  BOOST_TEST(letter([](Night&) {}, 2) != same);  // other templates or reply time
  BOOST_TEST(letter([](Night& n) { n.items[0].days += 5; }) == same);
  // What the merged map of agencies and the dated rules add to a letter.
  BOOST_TEST(letter([](Night& n) { n.report.findings[0].due_assumed = true; }) != same);
  BOOST_TEST(letter([](Night& n) {
               n.report.findings[0].inherited_from = {{"OLD", "Thừa Thiên Huế", Date(2025, 7, 1)}};
             }) != same);
  BOOST_TEST(letter([](Night& n) {
               auto later = std::make_shared<ObligationText>(*n.report.findings[0].obligation);
               later->source.basis = "Nghị quyết 57-NQ/TW";
               later->source.basis_date = Date(2024, 12, 22);  // after the letter: not cited
               n.replaced.push_back(n.report.findings[0].obligation);
               n.report.findings[0].obligation = later;
             }) != same);
  BOOST_TEST(letter([](Night& n) { n.report.dataset.sample = true; }) == same);  // settings' part
}

BOOST_AUTO_TEST_CASE(what_a_calendar_says_is_a_change) {
  const Night base = MakeNight(0);
  const std::uint64_t same = Of(DigestAgencies(base.report, base.items, 1), "Y").calendar;
  const auto calendar = [&](auto change) {
    Night night = MakeNight(0);
    change(night);
    return Of(DigestAgencies(night.report, night.items, 1), "Y").calendar;
  };
  BOOST_TEST(calendar([](Night& n) { n.report.findings[2].due = Date(2023, 1, 31); }) != same);
  BOOST_TEST(calendar([](Night& n) { n.report.findings[2].warn_from.reset(); }) != same);
  BOOST_TEST(calendar([](Night& n) { n.report.findings[2].status = Status::kAtRisk; }) != same);
  // Met: no longer an upcoming deadline, so the calendar loses its event.
  BOOST_TEST(calendar([](Night& n) { n.report.findings[2].status = Status::kMet; }) != same);
  BOOST_TEST(calendar([](Night& n) { n.report.findings[2].days_left = 3; }) == same);
  BOOST_TEST(calendar([](Night& n) { n.report.findings[2].due_assumed = true; }) != same);
  BOOST_TEST(calendar([](Night& n) {
               n.report.findings[2].inherited_from = {{"OLD", "Thừa Thiên Huế", Date(2025, 7, 1)}};
             }) != same);
  BOOST_TEST(calendar([](Night& n) { n.report.dataset.sample = true; }) != same);  // its notice
}

// Issue 15: a letter's appendix row says an extension (its document, the
// original due date) and the letter lists the agency's waived duties; a
// calendar's event says the extension too. Granting, changing or dropping
// an exception rewrites them.
BOOST_AUTO_TEST_CASE(an_exception_granted_or_changed_is_a_change) {
  const auto extended = [](Finding& f, const char* number) {
    auto grant = std::make_shared<GrantedException>();
    grant->kind = ExceptionKind::kExtension;
    grant->row_id = "1";
    grant->new_due = *f.due;
    grant->document_number = number;
    grant->document_date = Date(2022, 9, 23);
    grant->granted_by = "Bộ Thông tin và Truyền thông";
    f.original_due = Date(2022, 9, 1);
    f.exception = grant;
  };
  const auto waived = [](Night& n, const char* number, const char* reason) {
    Finding f = n.report.findings[0];
    f.obligation = std::make_shared<ObligationText>(*f.obligation);
    f.status = Status::kWaived;
    f.period = "2021";
    auto grant = std::make_shared<GrantedException>();
    grant->kind = ExceptionKind::kWaiver;
    grant->row_id = "2";
    grant->document_number = number;
    grant->document_date = Date(2022, 8, 15);
    grant->granted_by = "Bộ Thông tin và Truyền thông";
    grant->reason = reason;
    f.exception = grant;
    n.report.findings.push_back(f);
  };
  const Night base = MakeNight(0);
  const AgencyDigests a = DigestAgencies(base.report, base.items, 1);
  // An agency's digest of a changed night, read while the night lives (the
  // digests' ids point into its report).
  const auto digest_of = [](const char* id, auto change) {
    Night night = MakeNight(0);
    change(night);
    return Of(DigestAgencies(night.report, night.items, 1), id);
  };
  const std::uint64_t letter = Of(a, "X").letter;
  const std::uint64_t extended_letter =
      digest_of("X", [&](Night& n) { extended(n.report.findings[0], "2785/BTTTT-CATTT"); }).letter;
  BOOST_TEST(extended_letter != letter);
  BOOST_TEST(digest_of("X", [&](Night& n) {
               extended(n.report.findings[0], "2786/BTTTT-CATTT");
             }).letter != extended_letter);  // another document
  const std::uint64_t waived_letter =
      digest_of("X", [&](Night& n) { waived(n, "2410/BTTTT-KTSXHS", "lồng ghép"); }).letter;
  BOOST_TEST(waived_letter != letter);
  BOOST_TEST(digest_of("X", [&](Night& n) { waived(n, "2410/BTTTT-KTSXHS", "khác"); }).letter !=
             waived_letter);  // another reason
  BOOST_TEST(digest_of("X", [&](Night& n) {
               waived(n, "2410/BTTTT-KTSXHS", "lồng ghép");
               n.report.findings.back().exception = nullptr;  // expired: no longer listed
               n.report.findings.back().status = Status::kMet;
             }).letter == letter);
  const std::uint64_t calendar = Of(a, "Y").calendar;
  BOOST_TEST(digest_of("Y", [&](Night& n) {
               extended(n.report.findings[2], "2785/BTTTT-CATTT");
             }).calendar != calendar);
}

BOOST_AUTO_TEST_CASE(unknown_or_full_writes_everything_and_new_agencies_are_written) {
  const Night night = MakeNight(0);
  const AgencyDigests tonight = DigestAgencies(night.report, night.items, 1);
  for (const AgenciesToWrite& write :
       {ChangedAgencies(std::nullopt, tonight, false), ChangedAgencies(tonight, tonight, true)}) {
    BOOST_TEST(write.letters == std::vector<std::string_view>{"X"});
    BOOST_TEST((write.calendars == std::vector<std::string_view>{"X", "Y"}));
  }
  const AgenciesToWrite write = ChangedAgencies(AgencyDigests{Of(tonight, "Y")}, tonight, false);
  BOOST_TEST(write.letters == std::vector<std::string_view>{"X"});  // not known last night
  BOOST_TEST(write.calendars == std::vector<std::string_view>{"X"});
}

BOOST_AUTO_TEST_CASE(a_digest_is_the_same_on_every_platform) {
  // FNV-1a of "a" and a separator: a fixed number, kept in state files.
  BOOST_TEST(Digest().Add("").value() == 0xaf64724c8602eb6eu);
  BOOST_TEST(Digest().Add("a").value() != Digest().Add("b").value());
  BOOST_TEST(Digest().Add("ab").Add("c").value() != Digest().Add("a").Add("bc").value());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
