#include "vault/KeychainStore.h"
#include "vault/VaultError.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <optional>

using namespace relais;

namespace {

struct Outcome
{
    std::optional<Error> error;
    SecretBytes key;
};

/// Waits for @p job (the test's own event loop; product code connects to
/// finished() instead).
std::optional<Outcome> waitFor(KeychainJob* job, int timeoutMs = 30000)
{
    std::optional<Outcome> outcome;
    QObject::connect(job, &KeychainJob::finished, job, [&outcome](KeychainJob* done) {
        outcome =
            Outcome{done->ok() ? std::nullopt : std::optional<Error>(done->error()), done->key()};
    });
    for (int waited = 0; !outcome && waited < timeoutMs; waited += 10)
        QTest::qWait(10);
    return outcome;
}

} // namespace

class TestKeychainStore : public QObject
{
    Q_OBJECT

private:
    KeychainStore m_store{QStringLiteral("relais-test-%1").arg(QCoreApplication::applicationPid())};
    const QString m_vault = QStringLiteral("/tmp/relais-keychain-test.vault");

private slots:
    void finishedComesLater()
    {
        bool finished = false;
        KeychainJob* job = m_store.recall(m_vault);
        connect(job, &KeychainJob::finished, this, [&finished] { finished = true; });
        QVERIFY(!finished); // never from the call that started the job
        QSignalSpy destroyed(job, &QObject::destroyed);
        QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
        QTRY_COMPARE(destroyed.size(), 1); // the job deletes itself
    }

    void accountIsTheAbsolutePath()
    {
        QVERIFY(KeychainStore::accountFor(QStringLiteral("relative/vault")).startsWith(u'/'));
    }

    void roundTrip()
    {
        const SecretBytes key(QByteArrayView("0123456789abcdef0123456789abcdef"));
        const std::optional<Outcome> remembered = waitFor(m_store.remember(m_vault, key));
        QVERIFY(remembered.has_value());
        if (remembered->error && remembered->error->is(VaultError::KeychainUnavailable) &&
            !qEnvironmentVariableIsSet("RELAIS_REQUIRE_KEYRING")) {
            QSKIP(qPrintable(QStringLiteral("no Secret Service: %1 (run under "
                                            "tests/unit/run-with-keyring.sh)")
                                 .arg(remembered->error->message())));
        }
        QVERIFY2(!remembered->error, qPrintable(remembered->error->message()));

        const std::optional<Outcome> recalled = waitFor(m_store.recall(m_vault));
        QVERIFY(recalled.has_value());
        QVERIFY2(!recalled->error, qPrintable(recalled->error->message()));
        QVERIFY(recalled->key == key);

        const std::optional<Outcome> forgotten = waitFor(m_store.forget(m_vault));
        QVERIFY(forgotten.has_value());
        QVERIFY2(!forgotten->error, qPrintable(forgotten->error->message()));

        const std::optional<Outcome> gone = waitFor(m_store.recall(m_vault));
        QVERIFY(gone.has_value());
        QVERIFY(gone->error.has_value());
        QVERIFY2(gone->error->is(VaultError::EntryNotFound), qPrintable(gone->error->message()));
    }
};

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "tst_keychainstore.moc"
