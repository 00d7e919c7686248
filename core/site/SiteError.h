#pragma once

namespace relais {

/// Errors of loading and saving a site document.
enum class SiteError
{
    NotFound,    ///< the file does not exist
    ReadFailed,  ///< the file exists but cannot be read
    NotJson,     ///< the file is not a JSON object (message has line/offset)
    Invalid,     ///< JSON, but fails validation; every problem is in details()
    WriteFailed, ///< saving failed; the previous file is untouched
};

constexpr const char* errorDomain(SiteError)
{
    return "site";
}

} // namespace relais
