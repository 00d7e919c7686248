#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace relais {

/// The LXD server certificates Relais trusts, pinned by SHA-256 fingerprint
/// and keyed by the daemon's host and port: the HTTPS counterpart of
/// KnownHosts (file `lxd_certificates` in the data directory by default).
/// One line per daemon, readable by a human:
///
///     10.231.0.10:8443 CE:F1:6E:…:01:22
///     [fd00::1]:8443 AB:…
///
/// Lines starting with '#' and malformed lines are skipped. The file is read
/// at each call; add() and remove() rewrite it atomically (AtomicFile) and
/// are serialised inside the process.
class LxdServerCertificates
{
public:
    explicit LxdServerCertificates(QString path = defaultPath());

    static QString defaultPath();
    const QString& path() const { return m_path; }

    /// The pinned digest (32 bytes) for @p host and @p port, or nullopt when
    /// none is pinned. A missing file pins nothing.
    Result<std::optional<QByteArray>> lookup(const QString& host, int port) const;

    /// Pins @p digest for @p host and @p port (no-op when already pinned).
    /// Refuses (LxdError::CertificateMismatch) when another certificate is
    /// pinned there: a changed certificate is only trusted after remove().
    Result<void> add(const QString& host, int port, const QByteArray& digest) const;

    /// Forgets the pin of @p host and @p port (no-op when there is none).
    Result<void> remove(const QString& host, int port) const;

    /// "host:port", IPv6 addresses in brackets.
    static QString key(const QString& host, int port);

private:
    Result<QByteArray> readFile() const;
    Result<void> writeFile(const QByteArray& data, const QString& what) const;

    QString m_path;
};

} // namespace relais
