#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace relais {

/// A certificate add token as `lxc config trust add` prints it (LXD 5.0 and
/// later): base64 of a JSON object with the client name, the server's
/// certificate fingerprint, its addresses, a secret and an expiry.
///
/// The whole token text is what the server checks (sent as `password` to
/// 5.0, `trust_token` to later versions); the fingerprint lets the first
/// contact pin the server's certificate without asking anyone.
struct LxdTrustToken
{
    QString clientName;
    QByteArray fingerprint; ///< SHA-256 of the server certificate (32 bytes); empty if absent
    QStringList addresses;  ///< "10.0.0.1:8443"
    QDateTime expiresAt;    ///< invalid: never expires
    QByteArray text;        ///< the token as given (trimmed), to send

    /// Decodes @p text (surrounding white space ignored). InvalidToken when
    /// it is not such a token, or when it expired before @p now.
    static Result<LxdTrustToken> decode(const QByteArray& text, const QDateTime& now);
};

} // namespace relais
