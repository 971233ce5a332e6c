#include "base/messages.hpp"

#include "base/language.hpp"

#include <boost/locale/gnu_gettext.hpp>

#include <locale>
#include <string>
#include <string_view>
#include <vector>

namespace dxcomply {

// po/vi.po as msgfmt compiled it, embedded by the build (src/base/CMakeLists).
extern const std::string_view kVietnameseCatalogue;

namespace {

constexpr const char* kDomain = "dxcomply";

// Boost.Locale's reader of gettext catalogues, fed the embedded bytes
// through its file callback instead of a file under /usr/share/locale.
// Made once, on first use; its texts live as long as the program.
class Catalogue {
 public:
  Catalogue() {
    boost::locale::gnu_gettext::messages_info info;
    info.language = "vi";
    info.encoding = "UTF-8";
    info.paths = {"embedded"};
    info.domains = {boost::locale::gnu_gettext::messages_info::domain(kDomain)};
    info.callback = [](const std::string& file_name, const std::string&) {
      // Asked for embedded/vi/LC_MESSAGES/dxcomply.mo (and other spellings
      // of the language, which we do not have).
      if (file_name != std::string("embedded/vi/LC_MESSAGES/") + kDomain + ".mo") {
        return std::vector<char>();
      }
      return std::vector<char>(kVietnameseCatalogue.begin(), kVietnameseCatalogue.end());
    };
    // A facet is owned by the std::locale it is put in (its destructor is
    // not public); the classic locale exists everywhere, so no system
    // locale is needed.
    holder_ = std::locale(std::locale::classic(),
                          boost::locale::gnu_gettext::create_messages_facet<char>(info));
    facet_ = &std::use_facet<boost::locale::message_format<char>>(holder_);
    domain_ = facet_->domain(kDomain);
  }

  const char* Get(const char* context, const char* english) const {
    return facet_->get(domain_, context, english);
  }
  const char* Get(const char* context, const char* one, long long count) const {
    // Boost's plural rules take an int; Vietnamese has one form for all.
    const int n =
        count > 1000000 ? 1000000 : (count < -1000000 ? -1000000 : static_cast<int>(count));
    return facet_->get(domain_, context, one, n);
  }

 private:
  std::locale holder_;
  const boost::locale::message_format<char>* facet_ = nullptr;
  int domain_ = 0;
};

const Catalogue& Vietnamese() {
  static const Catalogue* const catalogue = new Catalogue();  // never destroyed: texts outlive exit
  return *catalogue;
}

const char* Lookup(const char* context, const char* english) {
  if (CurrentLanguage() == Language::kEnglish) return english;
  const char* translated = Vietnamese().Get(context, english);
  return translated != nullptr && *translated != '\0' ? translated : english;
}

}  // namespace

const char* Tr(const char* english) { return Lookup(nullptr, english); }

const char* TrC(const char* context, const char* english) { return Lookup(context, english); }

const char* TrN(const char* one, const char* many, long long count) {
  const char* english = count == 1 ? one : many;
  if (CurrentLanguage() == Language::kEnglish) return english;
  const char* translated = Vietnamese().Get(nullptr, one, count);
  return translated != nullptr && *translated != '\0' ? translated : english;
}

}  // namespace dxcomply
