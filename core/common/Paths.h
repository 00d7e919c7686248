#pragma once

#include <QString>

namespace relais {

/// Where Relais keeps its files (XDG through QStandardPaths):
/// configuration in ~/.config/relais, data (vault, known_hosts, relais.db)
/// in ~/.local/share/relais. RELAIS_CONFIG_DIR and RELAIS_DATA_DIR override
/// them (tests, portable installs).
class Paths
{
public:
    static QString configDir();
    static QString dataDir();
    static QString databaseFile();
    /// The credentials vault (docs/vault-format.md).
    static QString vaultFile();
};

} // namespace relais
