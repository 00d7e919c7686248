#pragma once

#include "SecretBytes.h"
#include "common/Error.h"

#include <QObject>
#include <QString>
#include <optional>

namespace relais {

/// One asynchronous request to the OS keychain, made by KeychainStore.
/// finished() comes exactly once, from the event loop (never from the call
/// that started the job); the job deletes itself afterwards. When no
/// keychain answers, the request is tried once more before failing.
class KeychainJob : public QObject
{
    Q_OBJECT

public:
    enum class Operation
    {
        Remember,
        Recall,
        Forget,
    };

    ~KeychainJob() override;

    Operation operation() const { return m_operation; }
    QString account() const { return m_account; }

    bool ok() const { return !m_error.has_value(); }
    /// KeychainUnavailable when no keychain answered (the caller then asks
    /// for the passphrase), EntryNotFound when no key is remembered.
    /// Only valid when !ok().
    const Error& error() const { return *m_error; }
    /// The recalled key (Recall only, when ok()).
    const SecretBytes& key() const { return m_key; }

signals:
    void finished(relais::KeychainJob* job);

private:
    friend class KeychainStore;
    KeychainJob(Operation operation, QString service, QString account, SecretBytes key,
                QObject* parent);
    void start();
    void finish(std::optional<Error> error);

    Operation m_operation;
    QString m_service;
    QString m_account;
    SecretBytes m_key;
    std::optional<Error> m_error;
    int m_attempts = 0;
    static constexpr int MaxAttempts = 2;
};

} // namespace relais
