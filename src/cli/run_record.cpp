#include "cli/run_record.hpp"

#include "base/language.hpp"
#include "base/messages.hpp"
#include "base/phrase.hpp"
#include "base/run_beside.hpp"
#include "cli/output_files.hpp"
#include "cli/version.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <openssl/evp.h>
#include <pwd.h>
#include <unistd.h>

namespace dxcomply {
namespace {

namespace fs = std::filesystem;

std::string Reason(int error) { return std::strerror(error); }

// Feeds SHA-256 and gives its hex digest.
class Sha256 {
 public:
  Sha256() : context_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1) {
      throw OutputError(Tr("cannot start a SHA-256 digest (OpenSSL)"));
    }
  }
  void Add(const void* data, std::size_t size) { EVP_DigestUpdate(context_.get(), data, size); }
  std::string Hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(context_.get(), digest.data(), &size);
    static const char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < size; ++i) {
      hex += kHex[digest[i] >> 4];
      hex += kHex[digest[i] & 0xF];
    }
    return hex;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> context_;
};

// ISO 8601 in UTC, to the millisecond: "2026-12-07T04:10:00.123Z".
std::string IsoTime(std::chrono::system_clock::time_point when) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[96];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(ms % 1000));
  return text;
}

std::string UserName() {
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  const char* user = std::getenv("USER");
  return user != nullptr ? user : "uid " + std::to_string(geteuid());
}

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "";
  return name;
}

std::string Absolute(const std::string& path) {
  std::error_code error;
  const fs::path absolute = fs::absolute(path, error);
  return error ? path : absolute.lexically_normal().string();
}

// Bytes 24-27 of an SQLite file, big-endian: incremented by every write
// transaction outside WAL mode.
std::optional<std::uint32_t> ChangeCounter(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<unsigned char, 28> header{};
  if (!in.read(reinterpret_cast<char*>(header.data()), header.size())) return std::nullopt;
  return static_cast<std::uint32_t>(header[24]) << 24 |
         static_cast<std::uint32_t>(header[25]) << 16 |
         static_cast<std::uint32_t>(header[26]) << 8 | header[27];
}

}  // namespace

std::string Sha256OfFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw OutputError(Format(Tr("cannot read {0}: {1}"), {path, Reason(errno)}));
  Sha256 digest;
  std::vector<unsigned char> buffer(1 << 20);
  for (;;) {
    const ssize_t got = read(fd, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      close(fd);
      throw OutputError(Format(Tr("cannot read {0}: {1}"), {path, Reason(error)}));
    }
    if (got == 0) break;
    digest.Add(buffer.data(), static_cast<std::size_t>(got));
  }
  close(fd);
  return digest.Hex();
}

nlohmann::json FileIdentity(const std::string& path) {
  std::error_code error;
  nlohmann::json file;
  file["path"] = Absolute(path);
  file["size"] = fs::file_size(path, error);
  if (error) throw OutputError(Format(Tr("cannot read {0}: {1}"), {path, error.message()}));
  const auto changed = fs::last_write_time(path, error);
  if (!error) {
    const auto system = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        changed - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
    file["modified"] = IsoTime(system);
  }
  file["sha256"] = Sha256OfFile(path);
  return file;
}

std::string Sha256Of(const std::string& text) {
  Sha256 digest;
  digest.Add(text.data(), text.size());
  return digest.Hex();
}

nlohmann::json DatabaseIdentity(const std::string& path) {
  nlohmann::json database = FileIdentity(path);
  if (const auto counter = ChangeCounter(path)) database["change_counter"] = *counter;
  std::error_code error;
  const std::string wal = path + "-wal";
  if (fs::is_regular_file(wal, error) && fs::file_size(wal, error) > 0) {
    database["wal"] = FileIdentity(wal);
  }
  return database;
}

nlohmann::json FolderDigest(const std::string& folder, const std::vector<std::string>& files) {
  nlohmann::json result;
  result["folder"] = Absolute(folder);
  nlohmann::json listed = nlohmann::json::array();
  std::string all;
  const fs::path base = fs::path(Absolute(folder));
  std::vector<std::pair<std::string, std::string>> named;
  for (const std::string& file : files) {
    const std::string relative = fs::path(Absolute(file)).lexically_relative(base).string();
    named.emplace_back(relative.empty() || relative.rfind("..", 0) == 0 ? Absolute(file) : relative,
                       file);
  }
  std::sort(named.begin(), named.end());
  for (const auto& [name, file] : named) {
    const std::string sha256 = Sha256OfFile(file);
    listed.push_back({{"file", name}, {"sha256", sha256}});
    all += name + '\0' + sha256 + '\n';
  }
  result["sha256"] = Sha256Of(all);
  result["files"] = std::move(listed);
  return result;
}

nlohmann::json RulesRead(const std::string& folder, const RuleSet& rules, bool with_calendar) {
  std::vector<std::string> files = rules.files;
  std::error_code error;
  const std::string calendar = folder + "/calendar";
  for (fs::directory_iterator it = with_calendar ? fs::directory_iterator(calendar, error)
                                                 : fs::directory_iterator(),
                              end;
       !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    const std::string extension = it->path().extension().string();
    if (!name.empty() && name[0] != '.' && (extension == ".yaml" || extension == ".yml") &&
        it->is_regular_file(error)) {
      files.push_back(it->path().string());
    }
  }
  return FolderDigest(folder, files);
}

nlohmann::json EvaluateOptionsJson(const EvaluateOptions& options) {
  nlohmann::json json;
  json["db"] = options.database;
  json["rules"] = options.rules;
  json["as_of"] = options.as_of;
  if (options.lookback_days) json["lookback"] = *options.lookback_days;
  if (options.warn_before_days) json["warn_before"] = *options.warn_before_days;
  return json;
}

std::map<std::string, std::size_t> CountsByStatus(const Summary& summary) {
  std::map<std::string, std::size_t> counts;
  for (int status = 0; status < kStatusCount; ++status) {
    counts[StatusName(static_cast<Status>(status))] =
        static_cast<std::size_t>(summary.statuses[static_cast<std::size_t>(status)]);
  }
  return counts;
}

RunRecord::RunRecord(std::string command) {
  record_["format"] = "dxcomply-run";
  record_["version"] = 1;
  record_["command"] = std::move(command);
  record_["tool"] = {
      {"name", "dxcomply"}, {"version", VersionNumber()}, {"revision", GitRevision()}};
  record_["user"] = UserName();
  record_["host"] = HostName();
  record_["started"] = IsoTime(std::chrono::system_clock::now());
  // The outputs' texts are in it (docs/translation.md).
  record_["language"] = LanguageCode(CurrentLanguage());
}

void RunRecord::SetAsOf(const Date& as_of) { record_["as_of"] = FormatIsoDate(as_of); }

void RunRecord::SetCounts(const std::map<std::string, std::size_t>& counts) {
  record_["counts"] = counts;
}

nlohmann::json RunRecord::Finished(int exit_code, const std::vector<std::string>& files) const {
  nlohmann::json record = record_;
  record["finished"] = IsoTime(std::chrono::system_clock::now());
  record["exit_code"] = exit_code;
  record["files"] = files;
  return record;
}

void WriteRunRecord(const std::string& folder, const nlohmann::json& record) {
  WriteFileAtomically(folder + "/" + kRunRecordName, record.dump(2) + "\n");
}

void AppendRunLog(const std::string& log, const nlohmann::json& record) {
  const std::string line = record.dump() + "\n";
  const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw OutputError(Format(Tr("cannot open {0}: {1}"), {log, Reason(errno)}));
  // One write of the whole line: appends of concurrent runs do not interleave.
  const ssize_t wrote = write(fd, line.data(), line.size());
  const int error = errno;
  const bool synced = wrote == static_cast<ssize_t>(line.size()) && fsync(fd) == 0;
  close(fd);
  if (!synced) {
    throw OutputError(Format(Tr("cannot append to {0}: {1}"),
                             {log, wrote < 0 ? Reason(error) : std::string(Tr("short write"))}));
  }
}

Report& RunRecorded(Prepared& prepared, const std::string& database, RunRecord& record) {
  record.SetAsOf(prepared.engine.as_of);
  record.Set("rules", RulesRead(prepared.inputs.rules_folder, prepared.inputs.rules, true));
  nlohmann::json identity;
  Report* report = nullptr;
  // The digest of a large database (0.4 s for 700 MB) is taken while the
  // engine runs, mostly beside its one-thread stages.
  RunBeside([&] { identity = DatabaseIdentity(database); }, [&] { report = &Run(prepared); });
  record.Set("database", std::move(identity));
  return *report;
}

void LogFailedRun(const RunRecord& record, const std::string& log, int exit_code,
                  std::ostream& err) {
  try {
    AppendRunLog(log, record.Finished(exit_code, {}));
  } catch (const OutputError& e) {
    err << Tr("warning: ") << Format(Tr("the run's record is not kept: {0}"), {e.what()}) << "\n";
  }
}

}  // namespace dxcomply
