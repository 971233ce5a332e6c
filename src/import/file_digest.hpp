// The SHA-256 of a file's bytes (OpenSSL's libcrypto), as the import log
// records which file was imported.
#pragma once

#include <string>

namespace dxcomply {

// Lower-case hex, 64 characters.
std::string Sha256Hex(const std::string& bytes);

}  // namespace dxcomply
