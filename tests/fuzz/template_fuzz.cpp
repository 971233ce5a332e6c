// The letter template renderer: any bytes as reminder.md.mustache and as
// reminder.html.mustache, rendered with a real letter's data (Nghệ An's on
// the sample country, 1 November 2022: overdue and at-risk items, blockers,
// sections and lists). A bad template is a TemplateError naming the file,
// never a crash.
#include "dxcomply/engine.hpp"

#include "cli/run_inputs.hpp"
#include "fuzz_support.hpp"
#include "remind/letter_templates.hpp"
#include "remind/reminder_letters.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

using namespace dxcomply;

namespace {

struct Letter {
  RunInputs inputs;
  Report report;
};

const Letter& SampleLetter() {
  static const Letter* letter = [] {
    std::ostringstream errors;
    std::optional<RunInputs> inputs =
        OpenRunInputs(fuzz::SourcePath("rules"), DXCOMPLY_SAMPLE_DB, errors);
    if (!inputs) throw std::runtime_error("cannot open the sample: " + errors.str());
    auto* made = new Letter{std::move(*inputs), {}};
    EngineOptions options;
    options.as_of = Date(2022, 11, 1);
    options.calendar = &made->inputs.calendar;
    made->report = Evaluate(made->inputs.rules, made->inputs.store, options);
    return made;
  }();
  return *letter;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  SampleLetter();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Letter& letter = SampleLetter();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::filesystem::create_directories(fuzz::ScratchFolder() + "/templates");
  fuzz::WriteScratch("templates/reminder.md.mustache", text);
  fuzz::WriteScratch("templates/reminder.html.mustache", text);
  (void)MarkdownEscaped(std::string(text));
  try {
    const ReminderComposer composer({fuzz::ScratchFolder() + "/templates", 10}, letter.inputs.rules,
                                    letter.inputs.calendar);
    (void)composer.Compose(letter.report, "NGHE-AN");
  } catch (const TemplateError&) {
  }
  return 0;
}
