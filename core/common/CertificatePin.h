#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <optional>

namespace relais {

/// A server certificate pinned by its SHA-256 fingerprint, shared by the
/// health checks (`tls_pin`) and the LXD client (pinned LXD certificates).
///
/// A pin never widens trust beyond one certificate: when the leaf
/// certificate a server presents has the pinned fingerprint, exactly the
/// verification errors about that certificate may be ignored (it is
/// self-signed, or its name does not match); any other error, and any
/// other certificate, stays an error.
class CertificatePin
{
public:
    /// Parses a SHA-256 fingerprint (64 hex digits, optionally in pairs
    /// separated by colons, any case) into its 32 bytes.
    static std::optional<QByteArray> parse(const QString& fingerprint);
    /// The fingerprint as `openssl x509 -fingerprint -sha256` prints it
    /// ("AB:CD:...").
    static QString format(const QByteArray& digest);
    /// The SHA-256 digest of @p certificate's DER form.
    static QByteArray digestOf(const QSslCertificate& certificate);

    /// Why @p leaf is not the certificate pinned as @p pin; empty when it is.
    static QString mismatch(const QSslCertificate& leaf, const QByteArray& pin);

    /// The errors of @p errors a reply may ignore because @p leaf is the
    /// pinned certificate: those about @p leaf itself. Empty when @p leaf
    /// does not match @p pin.
    static QList<QSslError> ignorable(const QList<QSslError>& errors, const QSslCertificate& leaf,
                                      const QByteArray& pin);
};

} // namespace relais
