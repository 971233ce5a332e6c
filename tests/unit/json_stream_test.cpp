#include "report/json_stream.hpp"

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <random>
#include <sstream>
#include <string>

namespace dxcomply {
namespace {

// The definition, one byte at a time: escapes, and U+FFFD for bytes that
// do not start a valid UTF-8 sequence.
std::string Reference(const std::string& text) {
  std::string quoted = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      std::size_t length = (c & 0xE0) == 0xC0   ? 2
                           : (c & 0xF0) == 0xE0 ? 3
                           : (c & 0xF8) == 0xF0 ? 4
                                                : 0;
      if (length > 0 && i + length <= text.size()) {
        char32_t code = c & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
          const unsigned char next = static_cast<unsigned char>(text[i + k]);
          if ((next & 0xC0) != 0x80) length = 0;
          code = (code << 6) | (next & 0x3F);
        }
        const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) length = 0;
      } else {
        length = 0;
      }
      if (length == 0) {
        quoted += "\xEF\xBF\xBD";
        ++i;
      } else {
        quoted.append(text, i, length);
        i += length;
      }
      continue;
    }
    if (c == '"') {
      quoted += "\\\"";
    } else if (c == '\\') {
      quoted += "\\\\";
    } else if (c == '\n') {
      quoted += "\\n";
    } else if (c == '\r') {
      quoted += "\\r";
    } else if (c == '\t') {
      quoted += "\\t";
    } else if (c < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
      quoted += buffer;
    } else {
      quoted += static_cast<char>(c);
    }
    ++i;
  }
  return quoted + "\"";
}

std::string Quoted(const std::string& text) {
  std::string out;
  AppendJsonString(text, out);
  return out;
}

BOOST_AUTO_TEST_CASE(json_strings_escape_as_defined) {
  for (const std::string text :
       {"", "plain ascii, longer than eight bytes", "Sở Thông tin và Truyền thông tỉnh Nghệ An",
        "quote \" and backslash \\ at 7\"", "tab\tnew\nline\rcr\x01\x1f", "bad \xC3 \xFF end",
        "\xED\xA0\x80 surrogate", "\xF0\x9F\x98\x80 emoji", "1234567\"", "12345678\\"}) {
    BOOST_TEST(Quoted(text) == Reference(text));
  }
  // Bytes chosen among the ones that matter, at every offset of an 8-byte word.
  const std::string alphabet = std::string("aZ ~\"\\\n\t\x01\x7f\xC3\xA1\xE1\xBB\x87\xFF\x80", 17);
  std::mt19937 random(1101);
  for (int i = 0; i < 20000; ++i) {
    std::string text(random() % 40, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    BOOST_TEST_REQUIRE(Quoted(text) == Reference(text), text);
  }
}

BOOST_AUTO_TEST_CASE(json_stream_writes_everything_by_the_end) {
  std::ostringstream out;
  {
    JsonStream json(out);
    json.BeginObject().Key("a").BeginArray().Int(-12).Number(0.5).Bool(true).Null().EndArray();
    json.Key("b").String("x").EndObject();
    BOOST_TEST(out.str() == R"({"a":[-12,0.5,true,null],"b":"x"})");
    json.Newline();
  }
  BOOST_TEST(out.str() == "{\"a\":[-12,0.5,true,null],\"b\":\"x\"}\n");
}

BOOST_AUTO_TEST_CASE(array_parts_spliced_in_order_read_as_one_stream) {
  const auto element = [](JsonStream& json, int i) {
    json.Newline().BeginObject().Key("i").Int(i).Key("s").String("Hà Nội").EndObject();
  };
  // {"findings":[...]} with the elements `fill` writes into the array.
  const auto findings = [](const auto& fill) {
    std::ostringstream out;
    {
      JsonStream json(out);
      json.BeginObject().Key("findings").BeginArray();
      fill(json);
      json.Newline().EndArray().EndObject();
    }
    return out.str();
  };
  const std::string whole = findings([&](JsonStream& json) {
    for (int i = 0; i < 5; ++i) element(json, i);
  });
  const std::string spliced = findings([&](JsonStream& json) {
    // Parts of 2, 0 and 3 elements, each from its own stream.
    JsonStream first = JsonStream::ArrayPart(false);
    element(first, 0);
    element(first, 1);
    JsonStream empty = JsonStream::ArrayPart(true);
    JsonStream last = JsonStream::ArrayPart(true);
    for (int i = 2; i < 5; ++i) element(last, i);
    json.Splice(first.Take()).Splice(empty.Take()).Splice(last.Take());
  });
  BOOST_TEST(spliced == whole);
  BOOST_TEST(whole.find("}\n,{\"i\":1") != std::string::npos);

  // One part stream restarted for each part, as the findings' writer does.
  const std::string restarted = findings([&](JsonStream& json) {
    JsonStream part = JsonStream::ArrayPart(false);
    element(part, 0);
    element(part, 1);
    element(part, 2);
    json.Splice(part.Text());
    part.Restart(true);
    json.Splice(part.Text());  // nothing
    part.Restart(true);
    element(part, 3);
    element(part, 4);
    json.Splice(part.Text());
  });
  BOOST_TEST(restarted == whole);
}

BOOST_AUTO_TEST_CASE(an_indented_stream_lays_out_as_nlohmann_dump_does) {
  std::ostringstream out;
  {
    JsonStream json(out, 2);
    json.BeginObject().Key("a").Int(1).Key("empty").BeginArray().EndArray();
    json.Key("none").BeginObject().EndObject();
    json.Key("list").BeginArray().String("Hà Nội").BeginObject().Key("x").Null().EndObject();
    json.EndArray().EndObject();
  }
  const nlohmann::ordered_json same = {{"a", 1},
                                       {"empty", nlohmann::json::array()},
                                       {"none", nlohmann::json::object()},
                                       {"list", {"Hà Nội", {{"x", nullptr}}}}};
  BOOST_TEST(out.str() == same.dump(2));
  BOOST_TEST(out.str() ==
             "{\n  \"a\": 1,\n  \"empty\": [],\n  \"none\": {},\n  \"list\": [\n    \"Hà "
             "Nội\",\n    {\n      \"x\": null\n    }\n  ]\n}");
}

BOOST_AUTO_TEST_CASE(script_safe_strings_escape_every_less_than_sign) {
  const auto safe = [](const std::string& text) {
    std::string out;
    AppendJsonString(text, out, true);
    return out;
  };
  BOOST_TEST(safe("</script><!--") == "\"\\u003c/script>\\u003c!--\"");
  // At every offset of an 8-byte word, and beside escapes and UTF-8.
  for (std::size_t at = 0; at < 17; ++at) {
    std::string text(17, 'a');
    text[at] = '<';
    std::string expected = Quoted(text);
    expected.replace(at + 1, 1, "\\u003c");
    BOOST_TEST(safe(text) == expected, text);
  }
  BOOST_TEST(safe("Hà Nội <b>\"x\"</b>") == "\"Hà Nội \\u003cb>\\\"x\\\"\\u003c/b>\"");
  // Not script-safe: '<' is plain.
  BOOST_TEST(Quoted("a<b") == "\"a<b\"");
  std::ostringstream out;
  {
    JsonStream json(out);
    json.ScriptSafe().BeginObject().Key("title").String("</script>");
    json.Key("raw").Raw(R"({"a":"<!--","b":1})").EndObject();
  }
  BOOST_TEST(out.str() == R"({"title":"\u003c/script>","raw":{"a":"\u003c!--","b":1}})");
}

}  // namespace
}  // namespace dxcomply
