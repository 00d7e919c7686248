#include "LxdOnboarding.h"

#include "LxdClient.h"
#include "LxdError.h"
#include "LxdHttpsTransport.h"
#include "LxdOperation.h"
#include "common/CertificatePin.h"
#include "common/Logging.h"

#include <QJsonObject>

namespace relais {

LxdOnboarding::LxdOnboarding(QUrl url, LxdClientIdentity identity, LxdServerCertificates store,
                             TlsTrust* trust, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
    const QStringList cn = identity.certificate().subjectInfo(QSslCertificate::CommonName);
    m_name = cn.value(0, QStringLiteral("relais"));
    m_transport =
        new LxdHttpsTransport(std::move(url), std::move(identity), std::move(store), trust);
    m_client = new LxdClient(m_transport, this);
}

LxdOnboarding::~LxdOnboarding()
{
    if (m_operation)
        m_operation->disconnect(this);
}

void LxdOnboarding::setToken(const LxdTrustToken& token)
{
    m_token = token;
    m_password = SecretBytes();
}

void LxdOnboarding::setTrustPassword(const SecretBytes& password)
{
    m_password = password;
    m_token.reset();
}

void LxdOnboarding::start()
{
    if (m_running || m_result)
        return;
    m_running = true;
    QMetaObject::invokeMethod(this, &LxdOnboarding::run, Qt::QueuedConnection);
}

void LxdOnboarding::cancel()
{
    if (m_operation)
        m_operation->cancel();
    finish(Error(LxdError::Cancelled, QStringLiteral("onboarding cancelled")));
}

LxdOperation* LxdOnboarding::track(LxdOperation* operation)
{
    operation->setTimeout(m_timeoutMs);
    m_operation = operation;
    return operation;
}

void LxdOnboarding::run()
{
    if (!m_running)
        return;
    if (!m_token && m_password.isEmpty()) {
        finish(Error(LxdError::InvalidToken, QStringLiteral("no trust token or trust password")));
        return;
    }
    if (m_token && !m_token->fingerprint.isEmpty()) {
        const auto pinned = m_store.lookup(m_transport->host(), m_transport->port());
        if (!pinned) {
            finish(pinned.error());
            return;
        }
        if (pinned->has_value() && **pinned != m_token->fingerprint) {
            finish(
                Error(LxdError::CertificateMismatch,
                      QStringLiteral("the token names the server certificate %1, but %2 is "
                                     "pinned for %3 in %4; remove that line first if the "
                                     "server really changed its certificate")
                          .arg(CertificatePin::format(m_token->fingerprint),
                               CertificatePin::format(**pinned),
                               LxdServerCertificates::key(m_transport->host(), m_transport->port()),
                               m_store.path())));
            return;
        }
        m_transport->setPin(m_token->fingerprint);
    }
    checkTrusted(false);
}

void LxdOnboarding::checkTrusted(bool afterPost)
{
    LxdOperation* op = track(m_client->request("GET", QStringLiteral("/1.0")));
    connect(op, &LxdOperation::finished, this, [this, op, afterPost] {
        op->deleteLater();
        if (!m_running)
            return;
        const Result<QJsonValue>& result = op->result();
        if (!result) {
            finish(result.error());
            return;
        }
        const QString auth = result->toObject().value(QStringLiteral("auth")).toString();
        if (auth != QLatin1String("trusted")) {
            if (afterPost) {
                finish(Error(LxdError::Forbidden,
                             QStringLiteral("LXD accepted the certificate but does not trust "
                                            "this console (auth: %1)")
                                 .arg(auth)));
                return;
            }
            post();
            return;
        }
        m_alreadyTrusted = !afterPost;
        const auto pin = m_transport->pin();
        if (pin && pin->has_value()) {
            m_serverFingerprint = **pin;
            const auto added =
                m_store.add(m_transport->host(), m_transport->port(), m_serverFingerprint);
            if (!added) {
                finish(added.error());
                return;
            }
        }
        finish(Result<void>::success());
    });
    op->start();
}

void LxdOnboarding::post()
{
    QJsonObject body{{QStringLiteral("type"), QStringLiteral("client")},
                     {QStringLiteral("name"), m_name}};
    if (m_token) {
        const QString token = QString::fromLatin1(m_token->text);
        body.insert(QStringLiteral("password"), token);
        body.insert(QStringLiteral("trust_token"), token);
    } else {
        body.insert(QStringLiteral("password"),
                    QString::fromUtf8(m_password.constData(), m_password.size()));
    }
    qCInfo(lcLxd) << "asking" << m_transport->describe() << "to trust the certificate" << m_name;
    LxdOperation* op = track(m_client->request("POST", QStringLiteral("/1.0/certificates"), body));
    connect(op, &LxdOperation::finished, this, [this, op] {
        op->deleteLater();
        if (!m_running)
            return;
        if (!op->result()) {
            finish(op->result().error());
            return;
        }
        checkTrusted(true);
    });
    op->start();
}

void LxdOnboarding::finish(Result<void> result)
{
    if (!m_running)
        return;
    m_running = false;
    m_result = std::move(result);
    emit finished();
}

} // namespace relais
