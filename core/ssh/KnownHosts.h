#pragma once

#include "HostKey.h"
#include "HostKeyLookup.h"
#include "KnownHostsEntry.h"
#include "KnownHostsImport.h"
#include "common/Result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace relais {

/// Relais' own known_hosts file (by default Paths::dataDir()/known_hosts),
/// in OpenSSH's format so a human can read it: one "HOST TYPE BASE64" line
/// per key, HOST being "host" for port 22 and "[host]:port" otherwise (both
/// forms are read for any port, and hashed "|1|salt|hash" patterns too).
///
/// The file is read at each call: the object holds only its path, so
/// sessions on several threads may use their own copies. add() is atomic
/// (AtomicFile) and serialised inside the process.
class KnownHosts
{
public:
    explicit KnownHosts(QString path = defaultPath());

    static QString defaultPath();
    const QString& path() const { return m_path; }

    /// Every entry of the file (a missing file is empty); malformed lines are skipped.
    Result<QList<KnownHostsEntry>> entries() const;

    /// Whether @p key is trusted for @p host and @p port. A host known with
    /// keys of other types only is Changed too: Relais never trusts a new key
    /// of a known host without an explicit removal.
    Result<HostKeyLookup> lookup(const QString& host, int port, const HostKey& key) const;

    /// Adds a trusted key (no-op when already present). Refuses (HostKeyChanged)
    /// to add a key for a host that already has a different one.
    Result<void> add(const QString& host, int port, const HostKey& key) const;

    /// Imports entries from an OpenSSH known_hosts file. Plain lines are
    /// imported; a hashed line is imported only when it matches one of
    /// @p hashedCandidates (host, port), as OpenSSH matches it (HMAC-SHA1).
    Result<KnownHostsImport>
    importFrom(const QString& openSshPath,
               const QList<QPair<QString, int>>& hashedCandidates = {}) const;

    /// "host" for port 22, "[host]:port" otherwise.
    static QString hostPattern(const QString& host, int port);
    static QString formatLine(const KnownHostsEntry& entry);
    /// Parses one line of a Relais known_hosts file (plain patterns only).
    static QList<KnownHostsEntry> parseLine(const QString& line);
    /// Whether one known_hosts pattern (plain or hashed "|1|salt|hash") names host:port.
    static bool patternMatches(const QString& pattern, const QString& host, int port);

private:
    Result<QByteArray> readFile() const;

    QString m_path;
};

} // namespace relais
