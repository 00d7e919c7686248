#pragma once

namespace relais {

/// Errors of the history database.
enum class DatabaseError
{
    OpenFailed,
    NewerSchema,
    MigrationFailed,
    QueryFailed,
};

constexpr const char* errorDomain(DatabaseError)
{
    return "db";
}

} // namespace relais
