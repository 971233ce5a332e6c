#include "records/dataset_info.hpp"

#include "base/messages.hpp"
#include "store/record_store.hpp"

namespace dxcomply {

Dataset ReadDataset(RecordStore& store, std::vector<DataIssue>& issues) {
  Dataset dataset;
  if (!store.HasTable(kDatasetTable)) return dataset;
  const bool has_description = store.HasColumn(kDatasetTable, "description");
  Statement row = store.Prepare(std::string("SELECT rowid, name, sample, ") +
                                (has_description ? "description" : "NULL") + " FROM " +
                                QuoteIdentifier(kDatasetTable) + " ORDER BY rowid");
  bool first = true;
  while (row.Step()) {
    if (!first) {
      issues.push_back({kDatasetTable, row.String(0), "", row.String(1),
                        Tr("a second dataset row (only the first is read)"), ""});
      continue;
    }
    first = false;
    dataset.name = row.String(1);
    dataset.sample = !row.IsNull(2) && row.Int64(2) != 0;
    dataset.description = row.String(3);
  }
  return dataset;
}

}  // namespace dxcomply
