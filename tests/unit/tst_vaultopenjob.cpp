#include "common/ManualClock.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"
#include "vault/VaultOpenJob.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace relais;

namespace {

const KdfParams Fast{10, 8, 1};

SecretBytes secret(const char* text)
{
    return SecretBytes(QByteArrayView(text));
}

} // namespace

class TestVaultOpenJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;

    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

    /// Runs @p job to its end; returns the number of finished() signals.
    int run(VaultOpenJob& job)
    {
        QSignalSpy finished(&job, &VaultOpenJob::finished);
        job.start();
        if (!finished.wait(20000))
            return 0;
        QTest::qWait(50); // a second finished() would come now
        return int(finished.size());
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createsThenOpensOffTheCallingThread()
    {
        const QString file = path("created.vault");
        VaultOpenJob create(VaultOpenJob::Mode::Create, file, secret("long passphrase"), m_clock);
        create.setKdfParams(Fast);
        QCOMPARE(run(create), 1);
        QVERIFY(create.result().has_value());
        QVERIFY(create.result()->ok());
        QCOMPARE((*create.result())->kdfParams(), Fast);
        QVERIFY(QFile::exists(file));

        VaultOpenJob open(VaultOpenJob::Mode::OpenWithPassphrase, file, secret("long passphrase"),
                          m_clock);
        QCOMPARE(run(open), 1);
        QVERIFY(open.result()->ok());
        Result<Vault>& vault = *open.result();
        QVERIFY(!vault->isLocked());
        Result<SecretBytes> key = vault->key();
        QVERIFY(key.ok());

        VaultOpenJob withKey(VaultOpenJob::Mode::OpenWithKey, file, *key, m_clock);
        QCOMPARE(run(withKey), 1);
        QVERIFY(withKey.result()->ok());
    }

    void wrongPassphraseIsAnError()
    {
        const QString file = path("wrong.vault");
        QVERIFY(Vault::create(file, secret("right one"), Fast, m_clock).ok());
        QFile before(file);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray bytes = before.readAll();
        VaultOpenJob open(VaultOpenJob::Mode::OpenWithPassphrase, file, secret("wrong one"),
                          m_clock);
        QCOMPARE(run(open), 1);
        QVERIFY(!open.isCancelled());
        QVERIFY(!open.result()->ok());
        QVERIFY(open.result()->error().is(VaultError::WrongPassphrase));
        QFile after(file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), bytes);
    }

    void createRefusesAnExistingFile()
    {
        const QString file = path("exists.vault");
        QVERIFY(Vault::create(file, secret("one"), Fast, m_clock).ok());
        VaultOpenJob create(VaultOpenJob::Mode::Create, file, secret("two"), m_clock);
        create.setKdfParams(Fast);
        QCOMPARE(run(create), 1);
        QVERIFY(create.result()->error().is(VaultError::WriteFailed));
    }

    void cancelFinishesOnceWithoutAVault()
    {
        const QString file = path("cancel.vault");
        QVERIFY(Vault::create(file, secret("pass"), Fast, m_clock).ok());
        VaultOpenJob open(VaultOpenJob::Mode::OpenWithPassphrase, file, secret("pass"), m_clock);
        QSignalSpy finished(&open, &VaultOpenJob::finished);
        open.start();
        QVERIFY(open.isRunning());
        open.cancel();
        QCOMPARE(finished.size(), 0); // never from inside cancel()
        QVERIFY(finished.wait(5000));
        QTest::qWait(300); // the derivation ends in the background, unseen
        QCOMPARE(finished.size(), 1);
        QVERIFY(open.isCancelled());
        QVERIFY(!open.result().has_value());
        QVERIFY(!open.isRunning());
        open.cancel();
        QTest::qWait(20);
        QCOMPARE(finished.size(), 1);
    }

    void deletedWhileRunningIsHarmless()
    {
        const QString file = path("deleted.vault");
        QVERIFY(Vault::create(file, secret("pass"), Fast, m_clock).ok());
        auto* open =
            new VaultOpenJob(VaultOpenJob::Mode::OpenWithPassphrase, file, secret("pass"), m_clock);
        QSignalSpy finished(open, &VaultOpenJob::finished);
        open->start();
        delete open;
        QTest::qWait(300);
        QCOMPARE(finished.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestVaultOpenJob)
#include "tst_vaultopenjob.moc"
