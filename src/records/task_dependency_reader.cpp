#include "records/task_dependency_reader.hpp"

#include "base/messages.hpp"
#include "records/value_check.hpp"
#include "rules/rule_vocabulary.hpp"
#include "store/record_store.hpp"

namespace dxcomply {

void ReadTaskDependencies(RecordStore& store, std::vector<DataIssue>& issues,
                          const std::function<void(std::int64_t, std::int64_t)>& visit) {
  Statement statement = store.Prepare("SELECT " + std::string(kVisitFunction) +
                                      "(task_id, depends_on) FROM task_dependency");
  store.Visit(statement, [&](const RowValues& row) {
    bool ok = true;
    for (int column : {0, 1}) {
      if (row.Type(column) == SqlType::kInteger) continue;
      ok = false;
      issues.push_back({kTaskDependencyTable, ValueText(row, 0) + "->" + ValueText(row, 1),
                        column == 0 ? "task_id" : "depends_on", ValueText(row, column),
                        Tr("not a task id (row ignored)"), ""});
    }
    if (ok) visit(row.Int64(0), row.Int64(1));
  });
}

}  // namespace dxcomply
