#include "KeychainJob.h"

#include "VaultError.h"
#include "common/Logging.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

namespace relais {

namespace {

Error keychainError(const QKeychain::Job& job, const QString& account)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return Error(VaultError::EntryNotFound,
                     QStringLiteral("no key remembered for %1 on this computer; unlock with the "
                                    "passphrase")
                         .arg(account));
    case QKeychain::AccessDeniedByUser:
        return Error(VaultError::KeychainUnavailable,
                     QStringLiteral("access to the keychain was refused (%1); unlock with the "
                                    "passphrase")
                         .arg(job.errorString()));
    default:
        return Error(VaultError::KeychainUnavailable,
                     QStringLiteral("no keychain answered (%1); unlock with the passphrase, and "
                                    "start a Secret Service (GNOME Keyring, KWallet) to be "
                                    "remembered")
                         .arg(job.errorString()));
    }
}

} // namespace

KeychainJob::KeychainJob(Operation operation, QString service, QString account, SecretBytes key,
                         QObject* parent)
    : QObject(parent)
    , m_operation(operation)
    , m_service(std::move(service))
    , m_account(std::move(account))
    , m_key(std::move(key))
{}

KeychainJob::~KeychainJob() = default;

void KeychainJob::start()
{
    ++m_attempts;
    QKeychain::Job* job = nullptr;
    switch (m_operation) {
    case Operation::Remember: {
        auto* write = new QKeychain::WritePasswordJob(m_service, this);
        QByteArray copy(m_key.constData(), m_key.size());
        write->setBinaryData(copy);
        SecretBytes::wipe(copy);
        job = write;
        break;
    }
    case Operation::Recall:
        job = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case Operation::Forget:
        job = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    job->setKey(m_account);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* done) {
        if (done->error() != QKeychain::NoError) {
            Error error = keychainError(*done, m_account);
            qCInfo(lcVault) << "keychain:" << error.message();
            // A Secret Service being started by D-Bus activation may miss
            // the first request: try once more before telling the caller.
            if (error.is(VaultError::KeychainUnavailable) && m_attempts < MaxAttempts) {
                QTimer::singleShot(0, this, &KeychainJob::start);
                return;
            }
            finish(std::move(error));
            return;
        }
        if (m_operation == Operation::Recall) {
            QByteArray data = static_cast<QKeychain::ReadPasswordJob*>(done)->binaryData();
            m_key = SecretBytes::takeFrom(data);
        }
        finish(std::nullopt);
    });
    job->start();
}

void KeychainJob::finish(std::optional<Error> error)
{
    m_error = std::move(error);
    if (m_operation != Operation::Recall)
        m_key.wipe();
    // Queued, so that finished() never comes from inside start() even if a
    // backend answers at once.
    QTimer::singleShot(0, this, [this] {
        emit finished(this);
        deleteLater();
    });
}

} // namespace relais
