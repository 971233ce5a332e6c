// Legal sources as officials read them: the documents' names, never a path
// or a reference kept for the team.
#include "report/source_display.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace dxcomply {
namespace {

LegalSource Cited(const std::string& document) {
  LegalSource source;
  source.document = document;
  return source;
}

BOOST_AUTO_TEST_SUITE(source_display)

BOOST_AUTO_TEST_CASE(internal_references_are_removed_with_what_they_leave) {
  struct Case {
    const char* text;
    const char* shown;
  };
  const Case cases[] = {
      {"slide 21 (An toàn, an ninh mạng - Đề nghị) (seeds/002)",
       "slide 21 (An toàn, an ninh mạng - Đề nghị)"},
      {"Báo cáo ngày 12/7/2023 của Bộ Thông tin và Truyền thông, mục 1; seeds/003)",
       "Báo cáo ngày 12/7/2023 của Bộ Thông tin và Truyền thông, mục 1)"},
      {"(chỉ tiêu 2.9, mục 1; seeds/003)", "(chỉ tiêu 2.9, mục 1)"},
      {"taken as due on 30/9/2022 (DOMAIN.md).", "taken as due on 30/9/2022."},
      {"see docs/sources.md and ../shared/seeds/002.pdf for more", "see and for more"},
      // Document numbers, dates and words with a slash are not paths.
      {"Quyết định số 411/QĐ-TTg ngày 31/3/2022", "Quyết định số 411/QĐ-TTg ngày 31/3/2022"},
      {"Văn bản số 6296/VPCP-KSTT ngày 17/8/2023", "Văn bản số 6296/VPCP-KSTT ngày 17/8/2023"},
      {"applies to ministries and/or provinces", "applies to ministries and/or provinces"},
      {"", ""},
  };
  for (const Case& c : cases) {
    BOOST_TEST(WithoutInternalReferences(c.text) == c.shown, "'" << c.text << "'");
  }
}

BOOST_AUTO_TEST_CASE(the_document_name_is_the_title_without_locators) {
  struct Case {
    const char* document;
    const char* name;
  };
  const Case cases[] = {
      {"Sơ kết công tác chuyển đổi số 6 tháng đầu năm 2022 của Cơ quan thường trực Ủy ban Quốc "
       "gia về chuyển đổi số (Bộ Thông tin và Truyền thông; tài liệu trình bày, không số, không "
       "ghi ngày), slide 21 (An toàn, an ninh mạng - Đề nghị) (seeds/002)",
       "Sơ kết công tác chuyển đổi số 6 tháng đầu năm 2022 của Cơ quan thường trực Ủy ban Quốc "
       "gia về chuyển đổi số"},
      {"Nghị quyết số 144/NQ-CP ngày 10/9/2023 của Chính phủ (phiên họp Chính phủ thường kỳ "
       "tháng 8/2023), trích trong Báo cáo Chuyển đổi số quốc gia tháng 9 năm 2023 (seeds/004)",
       "Nghị quyết số 144/NQ-CP ngày 10/9/2023 của Chính phủ"},
      // Two documents, the second after a locator and words of the author's.
      {"Sơ kết công tác chuyển đổi số 6 tháng đầu năm 2022 (Bộ Thông tin và Truyền thông), "
       "slide 18, Nhân lực số - Đề nghị (seeds/002); Quyết định số 146/QĐ-TTg ngày 28/01/2022 "
       "của Thủ tướng Chính phủ",
       "Sơ kết công tác chuyển đổi số 6 tháng đầu năm 2022; Quyết định số 146/QĐ-TTg ngày "
       "28/01/2022 của Thủ tướng Chính phủ"},
      {"Sơ kết (x), slide 13, Thể chế số (seeds/002); nhiệm vụ giao tại Quyết định số "
       "27/QĐ-UBQGCĐS của Ủy ban Quốc gia về chuyển đổi số",
       "Sơ kết; Quyết định số 27/QĐ-UBQGCĐS của Ủy ban Quốc gia về chuyển đổi số"},
      // ", mục" before a number is a locator, ", mục tiêu" is not.
      {"Văn bản số 1/ABC, mục I.1.1 (seeds/004)", "Văn bản số 1/ABC"},
      {"Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ, mục tiêu đến năm 2025 "
       "(chỉ tiêu 2.9; seeds/003)",
       "Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ, mục tiêu đến năm 2025"},
      // No document type: the first part up to its bracket.
      {"Review of 2022 (slides), seeds/002", "Review of 2022"},
      {"seeds/002", ""},
  };
  for (const Case& c : cases) {
    BOOST_TEST(DocumentName(Cited(c.document)) == c.name, "'" << c.document << "'");
  }
}

BOOST_AUTO_TEST_CASE(the_citation_keeps_its_locators) {
  BOOST_TEST(CitationText(Cited("Sơ kết (Bộ TTTT), slide 21 (Đề nghị) (seeds/002)")) ==
             "Sơ kết (Bộ TTTT), slide 21 (Đề nghị)");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace dxcomply
