#include "ErrorText.h"
#include "UnlockDialog.h"
#include "common/ManualClock.h"
#include "vault/KeychainStore.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace relais;

namespace {

/// Small scrypt parameters (1 MiB) so that tests are fast.
const KdfParams Fast{10, 8, 1};

SecretBytes secret(const char* text)
{
    return SecretBytes(QByteArrayView(text));
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

template <typename T> T* child(QWidget& parent, const char* name)
{
    return parent.findChild<T*>(QLatin1String(name));
}

} // namespace

class TestUnlockDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    int m_count = 0;

    /// A new vault file holding one password; its path.
    QString makeVault(const char* passphrase)
    {
        const QString file = m_dir.filePath(QStringLiteral("vault-%1").arg(++m_count));
        Result<Vault> vault = Vault::create(file, secret(passphrase), Fast, m_clock);
        if (!vault.ok())
            return {};
        VaultEntry entry;
        entry.id = QStringLiteral("root");
        entry.kind = VaultEntry::Kind::Password;
        entry.secret = secret("hunter2");
        if (!vault->add(entry).ok() || !vault->save().ok())
            return {};
        return file;
    }

    static void type(UnlockDialog& dialog, const char* field, const QString& text)
    {
        QLineEdit* edit = child<QLineEdit>(dialog, field);
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void unlocksWithTheRightPassphrase()
    {
        const QString file = makeVault("the right passphrase");
        QVERIFY(!file.isEmpty());
        UnlockDialog dialog(file, nullptr, m_clock);
        QCOMPARE(dialog.mode(), UnlockDialog::Mode::Unlock);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        QLineEdit* passphrase = child<QLineEdit>(dialog, "passphrase");
        QCOMPARE(passphrase->echoMode(), QLineEdit::Password);
        QVERIFY(!child<QCheckBox>(dialog, "remember")->isVisibleTo(&dialog));
        QVERIFY(!child<QLineEdit>(dialog, "confirmPassphrase"));
        type(dialog, "passphrase", QStringLiteral("the right passphrase"));
        QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
        // Busy while scrypt runs in the background.
        QVERIFY(dialog.isBusy());
        QVERIFY(child<QProgressBar>(dialog, "unlockProgress")->isVisibleTo(&dialog));
        QVERIFY(!passphrase->isEnabled());
        QVERIFY(accepted.wait(10000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(passphrase->text().isEmpty());
        std::unique_ptr<Vault> vault = dialog.takeVault();
        QVERIFY(vault);
        Result<VaultEntry> root = vault->entry(QStringLiteral("root"));
        QVERIFY(root.ok());
        QVERIFY(root->secret == secret("hunter2"));
        QVERIFY(!dialog.takeVault());
    }

    void wrongPassphraseIsSaidAndNothingWritten()
    {
        const QString file = makeVault("the right passphrase");
        const QByteArray before = readAll(file);
        const QByteArray backupBefore = readAll(file + QStringLiteral(".bak"));
        UnlockDialog dialog(file, nullptr, m_clock);
        QSignalSpy finished(&dialog, &QDialog::finished);
        dialog.show();
        type(dialog, "passphrase", QStringLiteral("a wrong passphrase"));
        QTest::keyClick(child<QLineEdit>(dialog, "passphrase"), Qt::Key_Return);
        QVERIFY(dialog.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 10000);
        QLabel* error = child<QLabel>(dialog, "unlockError");
        QVERIFY(error->isVisibleTo(&dialog));
        QCOMPARE(error->text(), ErrorText::summary(Error(VaultError::WrongPassphrase)));
        QLineEdit* passphrase = child<QLineEdit>(dialog, "passphrase");
        QVERIFY(passphrase->isEnabled());
        QCOMPARE(dialog.focusWidget(), passphrase);
        QVERIFY(dialog.isVisible());
        QCOMPARE(finished.size(), 0);
        QVERIFY(!dialog.takeVault());
        QCOMPARE(readAll(file), before);
        QCOMPARE(readAll(file + QStringLiteral(".bak")), backupBefore);

        // Then the right one.
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        type(dialog, "passphrase", QStringLiteral("the right passphrase"));
        QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
        QVERIFY(accepted.wait(10000));
        QVERIFY(dialog.takeVault());
    }

    void emptyPassphraseIsNotTried()
    {
        const QString file = makeVault("pass phrase 1");
        UnlockDialog dialog(file, nullptr, m_clock);
        dialog.show();
        QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
        QVERIFY(!dialog.isBusy());
        QVERIFY(child<QLabel>(dialog, "unlockError")->isVisibleTo(&dialog));
    }

    void cancelWhileBusyClosesWithoutAVault()
    {
        const QString file = makeVault("pass phrase 2");
        UnlockDialog dialog(file, nullptr, m_clock);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        dialog.show();
        type(dialog, "passphrase", QStringLiteral("pass phrase 2"));
        QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
        QVERIFY(dialog.isBusy());
        QPushButton* cancel = child<QPushButton>(dialog, "cancelButton");
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(rejected.size(), 1);
        QTest::qWait(300);
        QCOMPARE(accepted.size(), 0);
        QVERIFY(!dialog.takeVault());
    }

    void createsAVaultWhenThereIsNone()
    {
        const QString file = m_dir.filePath(QStringLiteral("new/vault"));
        UnlockDialog dialog(file, nullptr, m_clock);
        dialog.setKdfParams(Fast);
        QCOMPARE(dialog.mode(), UnlockDialog::Mode::Create);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        QLineEdit* confirm = child<QLineEdit>(dialog, "confirmPassphrase");
        QVERIFY(confirm);
        QCOMPARE(confirm->echoMode(), QLineEdit::Password);
        QLabel* hint = child<QLabel>(dialog, "strengthHint");
        type(dialog, "passphrase", QStringLiteral("short"));
        const QString shortHint = hint->text();
        type(dialog, "passphrase", QStringLiteral("correct horse battery staple"));
        QVERIFY(hint->text() != shortHint);
        type(dialog, "confirmPassphrase", QStringLiteral("correct horse battery staple"));
        QVERIFY(!hint->text().contains(QStringLiteral("differ")));
        QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
        QVERIFY(accepted.wait(10000));
        std::unique_ptr<Vault> vault = dialog.takeVault();
        QVERIFY(vault);
        QVERIFY(vault->entries()->isEmpty());
        QCOMPARE(vault->kdfParams(), Fast);
        QVERIFY(QFile::exists(file));
        QVERIFY(Vault::open(file, secret("correct horse battery staple"), m_clock).ok());
    }

    void creationRefusesShortOrDifferingPassphrases()
    {
        const QString file = m_dir.filePath(QStringLiteral("refused.vault"));
        UnlockDialog dialog(file, nullptr, m_clock);
        dialog.setKdfParams(Fast);
        dialog.show();
        QLabel* error = child<QLabel>(dialog, "unlockError");
        QPushButton* create = child<QPushButton>(dialog, "unlockButton");

        type(dialog, "passphrase", QStringLiteral("too short"));
        type(dialog, "confirmPassphrase", QStringLiteral("too short"));
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(!dialog.isBusy());
        QVERIFY(error->isVisibleTo(&dialog));
        QVERIFY(error->text().contains(QStringLiteral("12")));

        type(dialog, "passphrase", QStringLiteral("correct horse battery staple"));
        type(dialog, "confirmPassphrase", QStringLiteral("correct horse battery stapel"));
        QVERIFY(child<QLabel>(dialog, "strengthHint")->text().contains(QStringLiteral("differ")));
        error->clear();
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(!dialog.isBusy());
        QVERIFY(error->text().contains(QStringLiteral("differ")));
        QCOMPARE(dialog.focusWidget(), child<QLineEdit>(dialog, "confirmPassphrase"));
        QTest::qWait(100);
        QVERIFY(!QFile::exists(file));
        QVERIFY(dialog.isVisible());
    }

    void theGuiKeepsRunningDuringTheRealKdf()
    {
        // The default scrypt parameters (N = 2^17, 128 MiB): the slow case.
        const QString file = m_dir.filePath(QStringLiteral("default-kdf.vault"));
        QVERIFY(Vault::create(file, secret("default kdf pass"), KdfParams{}, m_clock).ok());
        UnlockDialog dialog(file, nullptr, m_clock);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        type(dialog, "passphrase", QStringLiteral("default kdf pass"));

        QElapsedTimer sinceTick;
        qint64 longestGapMs = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this,
                [&] { longestGapMs = qMax(longestGapMs, sinceTick.restart()); });
        QElapsedTimer unlocking;
        unlocking.start();
        sinceTick.start();
        ticker.start();
        QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
        QVERIFY(accepted.wait(30000));
        const qint64 unlockMs = unlocking.elapsed();
        ticker.stop();
        qInfo("unlock with the default KDF: %lld ms; longest GUI-thread gap: %lld ms", unlockMs,
              longestGapMs);
        QVERIFY(dialog.takeVault());
        // scrypt took hundreds of milliseconds, yet the event loop never stalled.
        QVERIFY2(unlockMs > 3 * longestGapMs, qPrintable(QString::number(unlockMs)));
    }

    void noKeychainMeansThePassphrase()
    {
        if (qEnvironmentVariableIsSet("RELAIS_REQUIRE_KEYRING"))
            QSKIP("a keyring answers in this run");
        // No session bus at all: no Secret Service can answer.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/relais-test-bus");
        const QString file = makeVault("pass phrase 3");
        KeychainStore keychain(QStringLiteral("relais-test-ui"));
        UnlockDialog dialog(file, &keychain, m_clock);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        QCheckBox* remember = child<QCheckBox>(dialog, "remember");
        QVERIFY(remember->isVisibleTo(&dialog));
        // The passphrase can be typed while the keychain is asked.
        QVERIFY(dialog.isRecalling());
        QVERIFY(child<QLineEdit>(dialog, "passphrase")->isEnabled());
        QVERIFY(child<QPushButton>(dialog, "unlockButton")->isEnabled());
        QLabel* note = child<QLabel>(dialog, "keychainNote");
        QTRY_VERIFY_WITH_TIMEOUT(note->isVisibleTo(&dialog), 30000);
        QVERIFY(!dialog.isRecalling());
        QVERIFY(note->text().contains(QStringLiteral("keychain")));
        QVERIFY(!remember->isEnabled());
        QVERIFY(!remember->isChecked());
        QVERIFY(!dialog.isBusy());
        type(dialog, "passphrase", QStringLiteral("pass phrase 3"));
        QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
        QVERIFY(accepted.wait(10000));
        QVERIFY(dialog.takeVault());
    }

    void rememberedKeyUnlocksWithoutAsking()
    {
        if (!qEnvironmentVariableIsSet("RELAIS_REQUIRE_KEYRING"))
            QSKIP("needs a Secret Service: run under tests/unit/run-with-keyring.sh");
        const QString file = makeVault("pass phrase 4");
        KeychainStore keychain(QStringLiteral("relais-test-ui"));
        {
            UnlockDialog dialog(file, &keychain, m_clock);
            QSignalSpy accepted(&dialog, &QDialog::accepted);
            dialog.show();
            QVERIFY(dialog.isRecalling());
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRecalling(), 30000);
            QCheckBox* remember = child<QCheckBox>(dialog, "remember");
            QVERIFY(remember->isEnabled());
            remember->setChecked(true);
            type(dialog, "passphrase", QStringLiteral("pass phrase 4"));
            QTest::mouseClick(child<QPushButton>(dialog, "unlockButton"), Qt::LeftButton);
            QVERIFY(accepted.wait(30000));
            QVERIFY(dialog.takeVault());
        }
        // Next time the key comes from the keychain: no passphrase typed.
        UnlockDialog again(file, &keychain, m_clock);
        QSignalSpy accepted(&again, &QDialog::accepted);
        again.show();
        QVERIFY(accepted.wait(30000));
        std::unique_ptr<Vault> vault = again.takeVault();
        QVERIFY(vault);
        QVERIFY(vault->entry(QStringLiteral("root")).ok());

        // Typing the passphrase before the keychain answers stops asking it.
        {
            UnlockDialog typed(file, &keychain, m_clock);
            QSignalSpy typedAccepted(&typed, &QDialog::accepted);
            typed.show();
            QVERIFY(typed.isRecalling());
            type(typed, "passphrase", QStringLiteral("pass phrase 4"));
            QTest::mouseClick(child<QPushButton>(typed, "unlockButton"), Qt::LeftButton);
            QVERIFY(!typed.isRecalling());
            QVERIFY(typedAccepted.wait(30000));
            QCOMPARE(typedAccepted.size(), 1);
            QVERIFY(typed.takeVault());
        }

        // A remembered key that no longer opens the vault is forgotten.
        QVERIFY(vault->changePassphrase(secret("a new pass phrase")).ok());
        UnlockDialog stale(file, &keychain, m_clock);
        stale.show();
        QLabel* note = child<QLabel>(stale, "keychainNote");
        QTRY_VERIFY_WITH_TIMEOUT(note->isVisibleTo(&stale), 30000);
        QVERIFY(!stale.isBusy());
        QVERIFY(stale.isVisible());
        QVERIFY(!stale.takeVault());
    }
};

QTEST_MAIN(TestUnlockDialog)
#include "tst_unlockdialog.moc"
