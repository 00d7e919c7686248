#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace relais {

/// What a TlsTrust is asked about: a server that presented a certificate
/// Relais has not pinned yet.
struct TlsQuestion
{
    QString host;
    int port = 443;
    QString fingerprint; ///< SHA-256, "AB:CD:…" as `openssl x509 -fingerprint -sha256` prints it
    QString subject;     ///< the certificate's subject ("CN=root@main, O=linuxcontainers.org")
    QString issuer;
    QDateTime validFrom;
    QDateTime validUntil;
    bool selfSigned = false;
};

} // namespace relais

Q_DECLARE_METATYPE(relais::TlsQuestion)
