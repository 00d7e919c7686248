#include "Paths.h"

#include <QDir>
#include <QStandardPaths>

namespace relais {

namespace {
QString fromEnvOr(const char* variable, QStandardPaths::StandardLocation location)
{
    const QString overridden = qEnvironmentVariable(variable);
    if (!overridden.isEmpty())
        return QDir::cleanPath(overridden);
    return QDir::cleanPath(QStandardPaths::writableLocation(location) + QStringLiteral("/relais"));
}
} // namespace

QString Paths::configDir()
{
    return fromEnvOr("RELAIS_CONFIG_DIR", QStandardPaths::GenericConfigLocation);
}

QString Paths::dataDir()
{
    return fromEnvOr("RELAIS_DATA_DIR", QStandardPaths::GenericDataLocation);
}

QString Paths::databaseFile()
{
    return dataDir() + QStringLiteral("/relais.db");
}

QString Paths::vaultFile()
{
    return dataDir() + QStringLiteral("/vault");
}

} // namespace relais
