#include "remind/letter_data.hpp"

#include "base/messages.hpp"
#include "remind/finding_phrases.hpp"
#include "remind/vietnamese_text.hpp"

#include <algorithm>
#include <optional>

namespace dxcomply {
namespace {

using kainjow::mustache::data;

// kainjow's data::set() and push_back() take the value by const reference
// and copy it: a letter's items, objects holding lists of objects, were
// copied two or three times over, most of the nightly's first-night letter
// time. These move the value into place instead. kainjow hands out its
// members only as const references; they are our own non-const objects.
void Put(data& object, const std::string& name, data value) {
  object.set(name, data(false));
  const_cast<data&>(*object.get(name)) = std::move(value);
}

void Append(data& list, data item) {
  list.push_back(data(false));
  const_cast<data&>(list.list_value().back()) = std::move(item);
}

data Flag(bool value) { return data(value); }

// Lines as a list of {text, is_first}, for templates that break them.
data LinesData(const std::vector<std::string>& lines) {
  data list{data::type::list};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    data line("text", lines[i]);
    Put(line, "is_first", Flag(i == 0));
    Append(list, std::move(line));
  }
  return list;
}

std::string Joined(const std::vector<std::string>& lines, std::size_t from = 0) {
  std::string text;
  for (std::size_t i = from; i < lines.size(); ++i) text += (text.empty() ? "" : " ") + lines[i];
  return text;
}

std::vector<std::string> Or(const std::vector<std::string>& chosen,
                            const std::vector<std::string>& otherwise) {
  return chosen.empty() ? otherwise : chosen;
}

// The letter's issuer, from the authority in force on its date, and what the
// office's settings (letter.yaml) say: the number line, the place, the
// signer, the recipients.
void SetAuthority(data& letter, const Agency& agency, const Authority& authority,
                  const LetterSettings& settings, const LetterDate& date) {
  const std::vector<std::string> letterhead = Or(settings.letterhead, authority.letterhead);
  const std::vector<std::string> signing_title =
      Or(settings.signing_title, authority.signing_title);
  Put(letter, "authority_body", authority.body);
  Put(letter, "authority_head", authority.head);
  Put(letter, "letterhead", Joined(letterhead));
  Put(letter, "letterhead_lines", LinesData(letterhead));
  Put(letter, "signing_title_1", signing_title.empty() ? "" : signing_title[0]);
  Put(letter, "signing_title_2", Joined(signing_title, 1));
  Put(letter, "has_signing_title_2", Flag(signing_title.size() > 1));
  Put(letter, "signing_title_lines", LinesData(signing_title));
  Put(letter, "signer", settings.signer);
  Put(letter, "has_signer", Flag(!settings.signer.empty()));
  Put(letter, "standing_body_id", authority.standing_body_agency);
  Put(letter, "standing_body_name", authority.standing_body_name);
  Put(letter, "reply_to_name", authority.reply_to_name);
  Put(letter, "reference_suffix", authority.reference_suffix);
  Put(letter, "has_reference_suffix", Flag(!authority.reference_suffix.empty()));
  Put(letter, "reference",
      ReferenceNumber(settings.reference, authority.reference_suffix, date.year,
                      Tr("letter settings (reference)")));
  Put(letter, "place", settings.place);
  Put(letter, "drafting_unit", settings.drafting_unit);
  Put(letter, "has_drafting_unit", Flag(!settings.drafting_unit.empty()));
  Put(letter, "copies_to", LinesData(settings.copies_to));
  // The standing body's own letter does not ask it to report to itself.
  Put(letter, "via_standing_body", Flag(agency.id != authority.standing_body_agency));
}

// "Căn cứ": the document that sets the duty (`basis`), unless it is dated
// after the letter; rules that name none cite their source documents. The
// passage is offered to templates, but a passage may count other agencies'
// results: the shipped templates do not quote it.
void SetLegalBasis(data& item, const LegalSource& source, const Date& letter_date) {
  const bool cited =
      source.basis.empty() || !source.basis_date || *source.basis_date <= letter_date;
  Put(item, "legal_basis", !cited ? "" : source.basis.empty() ? LegalBasis(source) : source.basis);
  Put(item, "has_legal_basis", Flag(cited));
  Put(item, "source_passage", source.passage);
  Put(item, "has_source_passage", Flag(!source.passage.empty()));
}

data Number(std::int64_t value) { return data(VnInteger(value)); }

using InstanceKey = std::tuple<std::string, std::string, std::string>;
InstanceKey Key(const std::string& obligation, const std::string& agency,
                const std::string& period) {
  return std::make_tuple(obligation, agency, period);
}

// Where each instance of a letter stands in it: its row in the appendix.
using LetterReferences = std::map<InstanceKey, std::string>;

// The title of an instance named in a blocker chain, and its period.
struct NamedInstance {
  std::string title;
  std::string period;
  DayUnit day_unit = DayUnit::kCalendar;
};

NamedInstance Name(const InstanceRef& ref, const LetterContext& context) {
  NamedInstance named;
  named.period = ref.period.empty() ? "" : VnPeriod(ref.period);
  if (!ref.task_id.empty()) {
    named.title = ref.title.empty() ? "Công việc số " + ref.task_id : ref.title;
    if (ref.free_task) return named;
  }
  if (const Finding* finding = context.index->FindingOf(ref)) {
    if (ref.task_id.empty()) named.title = finding->obligation->title;
    named.day_unit = finding->day_unit;
  } else if (!ref.task_id.empty()) {
    return named;
  } else if (const Obligation* obligation = context.rules->FindObligation(ref.obligation_id)) {
    named.title = obligation->title;
    named.day_unit = obligation->warn_before.unit;
  } else {
    named.title = ref.obligation_id;
  }
  return named;
}

data InstanceData(const InstanceRef& ref, const Agency& letter_agency, const LetterContext& context,
                  const LetterReferences& references) {
  const NamedInstance named = Name(ref, context);
  const Agency owner = context.index->AgencyOf(ref.agency_id, ref.agency_name);
  data item;
  Put(item, "title", named.title);
  Put(item, "period", named.period);
  Put(item, "has_period", Flag(!named.period.empty()));
  Put(item, "agency_id", owner.id);
  Put(item, "agency_name", owner.name);
  Put(item, "owner", Addressee(owner));
  Put(item, "is_own", Flag(owner.id == letter_agency.id));
  Put(item, "state", BlockerStatePhrase(ref, named.day_unit));
  const auto reference = references.find(Key(ref.obligation_id, ref.agency_id, ref.period));
  const bool in_letter = ref.task_id.empty() && reference != references.end();
  Put(item, "in_letter", Flag(in_letter));
  Put(item, "letter_ref", in_letter ? reference->second : "");
  return item;
}

// One blocker chain: its root cause, and the instances in between.
data BlockerData(const BlockerChain& blocker, const Agency& letter_agency,
                 const LetterContext& context, const LetterReferences& references) {
  data item = InstanceData(blocker.chain.back(), letter_agency, context, references);
  data via{data::type::list};
  for (std::size_t i = 0; i + 1 < blocker.chain.size(); ++i) {
    data step = InstanceData(blocker.chain[i], letter_agency, context, references);
    Put(step, "is_first", Flag(i == 0));
    Append(via, std::move(step));
  }
  Put(item, "has_via", Flag(blocker.chain.size() > 1));
  Put(item, "via", std::move(via));
  return item;
}

data ItemData(const Finding& finding, int number, const Agency& agency,
              const LetterContext& context, const LetterReferences& references) {
  const Obligation* obligation = context.rules->FindObligation(finding.obligation->id);
  const std::string period = finding.period.empty() ? "" : VnPeriod(finding.period);
  data item;
  Put(item, "number", std::to_string(number));
  Put(item, "obligation_id", finding.obligation->id);
  Put(item, "title", finding.obligation->title);
  Put(item, "period", period);
  Put(item, "has_period", Flag(!period.empty()));
  Put(item, "source_document", finding.obligation->source.document);
  SetLegalBasis(item, finding.obligation->source, context.as_of);
  Put(item, "due_date", finding.due ? FormatVnDate(*finding.due) : "");
  Put(item, "has_due_date", Flag(finding.due.has_value()));
  const bool extended = finding.original_due.has_value();
  Put(item, "is_extended", Flag(extended));
  Put(item, "original_due_date", extended ? FormatVnDate(*finding.original_due) : "");
  Put(item, "exception_document",
      finding.exception ? ExceptionDocumentPhrase(*finding.exception) : "");
  Put(item, "due_assumed", Flag(finding.due_assumed));
  Put(item, "due_label", finding.due_assumed ? "Thời hạn dự kiến" : "Thời hạn");
  std::string inherited;
  for (const DutyOrigin& origin : finding.inherited_from) {
    inherited += (inherited.empty() ? "" : "; ") + origin.agency_name + " (từ ngày " +
                 FormatVnDate(origin.since) + ")";
  }
  Put(item, "inherited", Flag(!inherited.empty()));
  Put(item, "inherited_from", inherited);
  Put(item, "day_unit", VnDayUnit(finding.day_unit));
  Put(item, "days_overdue", Number(finding.days_overdue));
  Put(item, "days_left", Number(finding.days_left));
  Put(item, "measured", MeasuredPhrase(finding, obligation));

  const RiskReasons risk = ExplainRisk(finding, obligation);
  data reasons{data::type::list};
  for (const std::string& phrase : risk.phrases) {
    data reason("text", phrase);
    Put(reason, "is_first", Flag(reasons.list_value().empty()));
    Append(reasons, std::move(reason));
  }
  Put(item, "reasons", std::move(reasons));
  Put(item, "close_to_due", Flag(risk.close_to_due));
  Put(item, "no_measurement", Flag(risk.no_measurement));
  Put(item, "behind_pace", Flag(risk.behind_pace));
  Put(item, "not_started", Flag(risk.not_started));
  Put(item, "blocked", Flag(risk.blocked));
  Put(item, "short_of_time_for_others", Flag(risk.short_of_time_for_others));

  data blockers{data::type::list};
  for (const BlockerChain& blocker : finding.blocked_by) {
    if (!blocker.chain.empty()) Append(blockers, BlockerData(blocker, agency, context, references));
  }
  Put(item, "has_blockers", Flag(!blockers.list_value().empty()));
  Put(item, "blockers", std::move(blockers));
  return item;
}

// A waived or extended duty, in the letter's list of exceptions.
data ExceptionData(const Finding& finding) {
  const GrantedException& grant = *finding.exception;
  const std::string period = finding.period.empty() ? "" : VnPeriod(finding.period);
  data item;
  Put(item, "obligation_id", finding.obligation->id);
  Put(item, "title", finding.obligation->title);
  Put(item, "period", period);
  Put(item, "has_period", Flag(!period.empty()));
  Put(item, "is_waiver", Flag(grant.kind == ExceptionKind::kWaiver));
  Put(item, "is_extension", Flag(grant.kind == ExceptionKind::kExtension));
  Put(item, "granted", GrantedPhrase(finding));
  Put(item, "document", ExceptionDocumentPhrase(grant));
  Put(item, "reason", grant.reason);
  Put(item, "has_reason", Flag(!grant.reason.empty()));
  Put(item, "expires_on", grant.expires_on ? FormatVnDate(*grant.expires_on) : "");
  Put(item, "has_expiry", Flag(grant.expires_on.has_value()));
  return item;
}

// "1-4, 7, 9-10": row numbers (ascending) as the letter refers to them.
std::string RowRanges(const std::vector<int>& numbers) {
  std::string text;
  for (std::size_t i = 0; i < numbers.size();) {
    std::size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    text += (text.empty() ? "" : ", ") + std::to_string(numbers[i]);
    if (j > i) text += "-" + std::to_string(numbers[j]);
    i = j + 1;
  }
  return text;
}

// Whether a passage can be quoted in a Vietnamese letter: a few rules quote
// an English rendering of their source (no diacritics at all), which the
// letter leaves out rather than present as the document's words.
bool IsVietnamese(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char byte) { return static_cast<unsigned char>(byte) >= 0x80; });
}

// Each row's quoted passage, numbered by first appearance so that a passage
// several duties share is quoted once; 0 for a row whose rule quotes none
// (or none in Vietnamese).
std::vector<int> PassageNumbers(const std::vector<const Finding*>& rows) {
  std::map<std::string, int> numbers;
  std::vector<int> of_row;
  for (const Finding* finding : rows) {
    const std::string& passage = finding->obligation->source.passage;
    if (!IsVietnamese(passage)) {
      of_row.push_back(0);
      continue;
    }
    const auto inserted = numbers.emplace(passage, static_cast<int>(numbers.size()) + 1);
    of_row.push_back(inserted.first->second);
  }
  return of_row;
}

// The passages, once each, with the document they are quoted from and the
// rows they stand for.
data PassagesData(const std::vector<const Finding*>& rows, const std::vector<int>& passage_of) {
  std::map<int, std::vector<int>> rows_of;
  std::map<int, const Finding*> first_row;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (passage_of[i] == 0) continue;
    rows_of[passage_of[i]].push_back(static_cast<int>(i) + 1);
    first_row.emplace(passage_of[i], rows[i]);
  }
  data list{data::type::list};
  for (const auto& [number, row_numbers] : rows_of) {
    const LegalSource& source = first_row[number]->obligation->source;
    data passage;
    Put(passage, "number", std::to_string(number));
    Put(passage, "document", LegalBasis(source));
    Put(passage, "text", source.passage);
    Put(passage, "rows", RowRanges(row_numbers));
    Put(passage, "has_many_rows", Flag(row_numbers.size() > 1));
    Append(list, std::move(passage));
  }
  return list;
}

// The body's paragraphs: the rows grouped by their rule file's theme, in
// the order the themes first appear (worst first).
data GroupsData(const std::vector<const Finding*>& rows, int overdue_count) {
  struct Group {
    std::string theme;
    std::vector<int> overdue_rows;
    std::vector<int> at_risk_rows;
    std::int64_t longest_overdue = 0;
    DayUnit longest_unit = DayUnit::kCalendar;
    std::optional<Date> nearest_due;
    bool blocked = false;
  };
  std::vector<Group> groups;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Finding& finding = *rows[i];
    const std::string& theme = finding.obligation->theme;
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const Group& g) { return g.theme == theme; });
    if (group == groups.end()) {
      Group added;
      added.theme = theme;
      group = groups.insert(groups.end(), added);
    }
    const int row = static_cast<int>(i) + 1;
    if (static_cast<int>(i) < overdue_count) {
      group->overdue_rows.push_back(row);
      if (finding.days_overdue > group->longest_overdue) {
        group->longest_overdue = finding.days_overdue;
        group->longest_unit = finding.day_unit;
      }
    } else {
      group->at_risk_rows.push_back(row);
      if (finding.due && (!group->nearest_due || *finding.due < *group->nearest_due)) {
        group->nearest_due = finding.due;
      }
    }
    group->blocked = group->blocked || !finding.blocked_by.empty();
  }
  data list{data::type::list};
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const Group& group = groups[i];
    data item;
    Put(item, "number", std::to_string(i + 1));
    Put(item, "theme", group.theme);
    Put(item, "has_theme", Flag(!group.theme.empty()));
    Put(item, "has_overdue", Flag(!group.overdue_rows.empty()));
    Put(item, "overdue_count", Number(static_cast<std::int64_t>(group.overdue_rows.size())));
    Put(item, "overdue_rows", RowRanges(group.overdue_rows));
    Put(item, "longest_overdue",
        VnInteger(group.longest_overdue) + " " + VnDayUnit(group.longest_unit));
    Put(item, "has_at_risk", Flag(!group.at_risk_rows.empty()));
    Put(item, "has_both", Flag(!group.overdue_rows.empty() && !group.at_risk_rows.empty()));
    Put(item, "at_risk_count", Number(static_cast<std::int64_t>(group.at_risk_rows.size())));
    Put(item, "at_risk_rows", RowRanges(group.at_risk_rows));
    Put(item, "nearest_due", group.nearest_due ? FormatVnDate(*group.nearest_due) : "");
    Put(item, "has_nearest_due", Flag(group.nearest_due.has_value()));
    Put(item, "blocked", Flag(group.blocked));
    Append(list, std::move(item));
  }
  return list;
}

}  // namespace

ReportIndex::ReportIndex(const Report& report) {
  for (const Finding& finding : report.findings) {
    findings_.emplace(std::make_tuple(finding.obligation->id, finding.agency->id, finding.period),
                      &finding);
  }
  for (const Agency& agency : report.agencies) agencies_.emplace(agency.id, &agency);
}

const Finding* ReportIndex::FindingOf(const InstanceRef& ref) const {
  const auto found = findings_.find(std::make_tuple(ref.obligation_id, ref.agency_id, ref.period));
  return found == findings_.end() ? nullptr : found->second;
}

Agency ReportIndex::AgencyOf(const std::string& id, const std::string& name) const {
  const auto found = agencies_.find(id);
  if (found != agencies_.end()) return *found->second;
  return Agency{id, name.empty() ? id : name, ""};
}

data LetterData(const Agency& agency, const std::vector<const Finding*>& findings,
                const std::vector<const Finding*>& excepted, const LetterContext& context) {
  // Appendix rows: the overdue first, then the at-risk, each in the report's
  // order (worst first), numbered 1..N across both.
  std::vector<const Finding*> rows;
  for (const Finding* finding : findings) {
    if (finding->status == Status::kOverdue) rows.push_back(finding);
  }
  const int overdue_count = static_cast<int>(rows.size());
  for (const Finding* finding : findings) {
    if (finding->status != Status::kOverdue) rows.push_back(finding);
  }
  const int at_risk_count = static_cast<int>(rows.size()) - overdue_count;
  LetterReferences references;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    references[Key(rows[i]->obligation->id, rows[i]->agency->id, rows[i]->period)] =
        std::to_string(i + 1);
  }
  const std::vector<int> passage_of = PassageNumbers(rows);

  data overdue{data::type::list};
  data at_risk{data::type::list};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const bool is_overdue = static_cast<int>(i) < overdue_count;
    const int number =
        is_overdue ? static_cast<int>(i) + 1 : static_cast<int>(i) + 1 - overdue_count;
    data item = ItemData(*rows[i], number, agency, context, references);
    Put(item, "row", std::to_string(i + 1));
    Put(item, "is_overdue", Flag(is_overdue));
    Put(item, "passage_number", passage_of[i] == 0 ? "" : std::to_string(passage_of[i]));
    Put(item, "has_passage", Flag(passage_of[i] != 0));
    Append(is_overdue ? overdue : at_risk, std::move(item));
  }

  const LetterDate date = ToLetterDate(context.as_of);
  data letter;
  Put(letter, "agency_id", agency.id);
  Put(letter, "agency_name", agency.name);
  Put(letter, "agency_kind", agency.kind);
  Put(letter, "addressee", Addressee(agency));
  Put(letter, "is_province", Flag(agency.kind == "province"));
  Put(letter, "is_central_city", Flag(IsCentralCity(agency)));
  Put(letter, "is_ministry", Flag(agency.kind == "ministry" || agency.kind == "gov_agency"));
  SetAuthority(letter, agency, *context.authority, *context.settings, date);
  Put(letter, "sample_notice", context.sample_notice);
  Put(letter, "has_sample_notice", Flag(!context.sample_notice.empty()));
  Put(letter, "letter_day", date.day);
  Put(letter, "letter_month", date.month);
  Put(letter, "letter_year", date.year);
  Put(letter, "as_of_date", FormatVnDate(context.as_of));
  Put(letter, "as_of_iso", FormatIsoDate(context.as_of));
  Put(letter, "reply_by", FormatVnDate(context.reply_by));
  Put(letter, "reply_within_working_days", Number(context.reply_within_working_days));
  Put(letter, "overdue_count", Number(overdue_count));
  Put(letter, "at_risk_count", Number(at_risk_count));
  Put(letter, "item_count", Number(overdue_count + at_risk_count));
  Put(letter, "has_overdue", Flag(overdue_count > 0));
  Put(letter, "has_at_risk", Flag(at_risk_count > 0));
  Put(letter, "overdue_heading", RomanNumeral(1));
  Put(letter, "at_risk_heading", RomanNumeral(overdue_count > 0 ? 2 : 1));
  Put(letter, "overdue", std::move(overdue));
  Put(letter, "at_risk", std::move(at_risk));
  Put(letter, "groups", GroupsData(rows, overdue_count));
  Put(letter, "passages", PassagesData(rows, passage_of));
  Put(letter, "has_passages",
      Flag(!passage_of.empty() && *std::max_element(passage_of.begin(), passage_of.end()) > 0));
  data exceptions{data::type::list};
  for (const Finding* finding : excepted) Append(exceptions, ExceptionData(*finding));
  Put(letter, "has_exceptions", Flag(!excepted.empty()));
  Put(letter, "exceptions", std::move(exceptions));
  return letter;
}

}  // namespace dxcomply
