#pragma once

#include <QByteArray>
#include <QString>

namespace relais {

/// A public SSH host key as OpenSSH writes it: its type ("ssh-ed25519",
/// "ecdsa-sha2-nistp256", "ssh-rsa"...) and its wire blob.
struct HostKey
{
    QString type;
    QByteArray blob; ///< the raw key blob (base64-decoded)

    bool isValid() const { return !type.isEmpty() && !blob.isEmpty(); }
    /// The blob in base64, as in a known_hosts line.
    QString base64() const { return QString::fromLatin1(blob.toBase64()); }
    /// "SHA256:" + unpadded base64 of SHA-256(blob), exactly as `ssh-keygen -l` prints it.
    QString fingerprint() const;

    /// Parses "TYPE BASE64" (the key part of a known_hosts or .pub line).
    static HostKey fromOpenSsh(const QString& type, const QString& base64);

    bool operator==(const HostKey&) const = default;
};

} // namespace relais
