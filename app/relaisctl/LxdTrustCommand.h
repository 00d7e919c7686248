#pragma once

#include "common/FingerprintTrust.h"
#include "site/Site.h"
#include "vault/Vault.h"

#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <memory>
#include <optional>

namespace relais {

class LxdOnboarding;

/// `relaisctl lxd trust --site FILE HOST --token-file F|--password-file F`:
/// makes the LXD daemon of main or backup trust this console over HTTPS.
///
/// The client certificate is the vault entry named by --certificate-id (else
/// the site's `client_certificate`, else `lxd-client`), generated (EC P-384,
/// CN relais@HOSTNAME, 10 years) and saved in the vault when missing, so
/// both hosts can trust the same certificate. A trust token (from `lxc config
/// trust add`, read from F or stdin with `-`) names the server's certificate,
/// which is then pinned without a question; with a trust password the
/// server's certificate must be given with --accept-certificate (the
/// fingerprint is printed when it is not). A certificate other than the one
/// pinned is always refused. On success the certificate is pinned in
/// lxd_certificates and the site's lxd object becomes `transport: https`
/// with the URL and the certificate id (the document is rewritten
/// atomically). Exit 0 on success, 2 otherwise.
class LxdTrustCommand : public QObject
{
    Q_OBJECT

public:
    LxdTrustCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~LxdTrustCommand() override;

    /// @p arguments: "relaisctl lxd trust" then the options. Returns an exit
    /// code when already done, or -1 when the answer comes with finished().
    int start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    void onFinished();

    QTextStream& m_out;
    QTextStream& m_err;
    std::optional<Site> m_site;
    QString m_sitePath;
    QString m_role;
    QString m_url;
    QString m_certificateId;
    std::unique_ptr<FingerprintTrust> m_trust;
    LxdOnboarding* m_onboarding = nullptr;
};

} // namespace relais
