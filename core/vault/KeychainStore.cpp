#include "KeychainStore.h"

#include <QFileInfo>

namespace relais {

KeychainStore::KeychainStore(QString service)
    : m_service(std::move(service))
{}

QString KeychainStore::accountFor(const QString& vaultPath)
{
    return QFileInfo(vaultPath).absoluteFilePath();
}

KeychainJob* KeychainStore::remember(const QString& vaultPath, const SecretBytes& key,
                                     QObject* parent) const
{
    return start(KeychainJob::Operation::Remember, vaultPath, key, parent);
}

KeychainJob* KeychainStore::recall(const QString& vaultPath, QObject* parent) const
{
    return start(KeychainJob::Operation::Recall, vaultPath, {}, parent);
}

KeychainJob* KeychainStore::forget(const QString& vaultPath, QObject* parent) const
{
    return start(KeychainJob::Operation::Forget, vaultPath, {}, parent);
}

KeychainJob* KeychainStore::start(KeychainJob::Operation operation, const QString& vaultPath,
                                  SecretBytes key, QObject* parent) const
{
    auto* job =
        new KeychainJob(operation, m_service, accountFor(vaultPath), std::move(key), parent);
    job->start();
    return job;
}

} // namespace relais
