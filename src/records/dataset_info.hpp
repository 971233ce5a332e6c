// What a database says about itself: its optional `dataset` table (a name,
// whether its records are invented sample data, a description).
#pragma once

#include "dxcomply/finding.hpp"

#include <vector>

namespace dxcomply {

class RecordStore;

inline constexpr const char* kDatasetTable = "dataset";

// The first row of the dataset table; an empty Dataset without one. A
// second row is a data issue (only the first counts).
Dataset ReadDataset(RecordStore& store, std::vector<DataIssue>& issues);

}  // namespace dxcomply
