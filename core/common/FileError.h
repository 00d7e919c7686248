#pragma once

namespace relais {

/// Errors of reading and writing files.
enum class FileError
{
    NotFound,
    ReadFailed,
    WriteFailed,
    TooLarge,
};

constexpr const char* errorDomain(FileError)
{
    return "file";
}

} // namespace relais
