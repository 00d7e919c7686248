#include "LxdHttpsTransport.h"

#include "LxdError.h"
#include "LxdHttpsExchange.h"
#include "common/CertificatePin.h"
#include "common/Logging.h"
#include "common/TlsTrust.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSslCertificate>

namespace relais {

LxdHttpsTransport::LxdHttpsTransport(QUrl url, LxdClientIdentity identity,
                                     LxdServerCertificates store, TlsTrust* trust, QObject* parent)
    : LxdTransport(parent)
    , m_url(std::move(url))
    , m_identity(std::move(identity))
    , m_store(std::move(store))
    , m_trust(trust)
    , m_network(new QNetworkAccessManager(this))
{
    // The lab and most sites reach LXD directly; a system proxy would see
    // the client certificate's handshake only as a tunnel anyway.
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_network->setAutoDeleteReplies(false);
}

LxdHttpsTransport::~LxdHttpsTransport()
{
    *m_alive = false;
}

LxdExchange* LxdHttpsTransport::createExchange(HttpRequest request, int timeoutMs, QObject* parent)
{
    return new LxdHttpsExchange(this, std::move(request), timeoutMs, parent);
}

QString LxdHttpsTransport::describe() const
{
    return m_url.toDisplayString();
}

Result<std::optional<QByteArray>> LxdHttpsTransport::pin()
{
    if (m_pin)
        return m_pin;
    auto stored = m_store.lookup(host(), port());
    if (!stored)
        return stored.error();
    if (stored->has_value())
        m_pin = **stored;
    return m_pin;
}

void LxdHttpsTransport::askTrust(const QSslCertificate& certificate,
                                 std::function<void(Result<void>)> done)
{
    const QByteArray digest = CertificatePin::digestOf(certificate);
    if (m_pin && *m_pin == digest) { // accepted meanwhile
        done(Result<void>::success());
        return;
    }
    const QString where = LxdServerCertificates::key(host(), port());
    if (!m_trust) {
        done(Error(LxdError::CertificateUnknown,
                   QStringLiteral("the LXD certificate of %1 (SHA-256 %2) is not trusted yet")
                       .arg(where, CertificatePin::format(digest)),
                   {describe()}));
        return;
    }
    m_waiting.append(std::move(done));
    if (!m_asking.isEmpty())
        return; // answered for all with the question already asked
    m_asking = digest;
    TlsQuestion question;
    question.host = host();
    question.port = port();
    question.fingerprint = CertificatePin::format(digest);
    question.subject = certificate.subjectDisplayName();
    const QStringList subject = certificate.subjectInfo(QSslCertificate::CommonName) +
                                certificate.subjectInfo(QSslCertificate::Organization);
    if (!subject.isEmpty())
        question.subject = subject.join(QStringLiteral(", "));
    question.issuer =
        certificate.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    question.validFrom = certificate.effectiveDate();
    question.validUntil = certificate.expiryDate();
    question.selfSigned = certificate.isSelfSigned();
    qCInfo(lcLxd) << "asking whether to trust the LXD certificate of" << where
                  << question.fingerprint;
    std::weak_ptr<bool> alive = m_alive;
    m_trust->verify(question, [this, alive, digest](bool accept) {
        if (alive.lock())
            onTrustAnswer(digest, accept);
    });
}

void LxdHttpsTransport::afterQuestion(std::function<void(Result<void>)> done)
{
    if (!m_asking.isEmpty()) {
        m_waiting.append(std::move(done));
        return;
    }
    if (m_pin) {
        done(Result<void>::success());
        return;
    }
    done(Error(LxdError::CertificateUnknown,
               QStringLiteral("the LXD certificate of %1 is not trusted")
                   .arg(LxdServerCertificates::key(host(), port())),
               {describe()}));
}

void LxdHttpsTransport::onTrustAnswer(const QByteArray& digest, bool accept)
{
    const QString where = LxdServerCertificates::key(host(), port());
    Result<void> outcome = Result<void>::success();
    if (accept) {
        outcome = m_store.add(host(), port(), digest);
        if (outcome)
            m_pin = digest;
    } else {
        outcome = Error(LxdError::CertificateUnknown,
                        QStringLiteral("the LXD certificate of %1 (SHA-256 %2) was not accepted")
                            .arg(where, CertificatePin::format(digest)),
                        {describe()});
    }
    m_asking.clear();
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto& done : waiting)
        done(outcome);
}

} // namespace relais
