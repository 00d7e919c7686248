#pragma once

#include "SshConfigHost.h"
#include "common/Result.h"

#include <QList>

namespace relais {

/// Reads the hosts of an OpenSSH client configuration as ssh would see
/// them: every concrete alias of a "Host" line (patterns with *, ? or ! are
/// not hosts) gets, for each option, the first value found in the blocks
/// that match it, in file order ("Host *" defaults included). "Match"
/// blocks and "Include" are skipped (counted in skippedLines).
class SshConfigParser
{
public:
    /// @p homeDir expands "~/" in IdentityFile.
    explicit SshConfigParser(QString homeDir);

    QList<SshConfigHost> parse(const QString& text);
    Result<QList<SshConfigHost>> parseFile(const QString& path);

    int skippedLines() const { return m_skipped; }

    /// OpenSSH's pattern list matching ("*", "?", "!negation").
    static bool matches(const QStringList& patterns, const QString& alias);

private:
    QString m_home;
    int m_skipped = 0;
};

} // namespace relais
