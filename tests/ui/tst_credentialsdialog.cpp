#include "CredentialDialog.h"
#include "CredentialsDialog.h"
#include "ErrorText.h"
#include "VaultEntryModel.h"
#include "common/ManualClock.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace relais;

namespace {

const KdfParams Fast{10, 8, 1};
const char Passphrase[] = "credentials test passphrase";

SecretBytes secret(const char* text)
{
    return SecretBytes(QByteArrayView(text));
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString& path, QByteArrayView data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const bool written = file.write(data.data(), data.size()) == data.size();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return written;
}

/// ssh-keygen's standard output, or nothing when it failed.
std::optional<QString> sshKeygen(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral("ssh-keygen"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        return std::nullopt;
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

QString keyPart(const QString& line)
{
    return line.section(QLatin1Char(' '), 0, 1);
}

VaultEntry makeEntry(const QString& id, const char* value)
{
    VaultEntry entry;
    entry.id = id;
    entry.kind = VaultEntry::Kind::Password;
    entry.label = QStringLiteral("Label of %1").arg(id);
    entry.secret = secret(value);
    return entry;
}

template <typename T> T* child(QObject& parent, const char* name)
{
    return parent.findChild<T*>(QLatin1String(name));
}

/// The credential dialog the manager opened (waits for it).
CredentialDialog* credentialDialog(CredentialsDialog& manager)
{
    CredentialDialog* found = nullptr;
    const bool appeared = QTest::qWaitFor(
        [&] {
            for (CredentialDialog* d : manager.findChildren<CredentialDialog*>()) {
                if (d->isVisible())
                    found = d;
            }
            return found != nullptr;
        },
        5000);
    return appeared ? found : nullptr;
}

QMessageBox* confirmBox(CredentialsDialog& manager)
{
    QMessageBox* found = nullptr;
    const bool appeared = QTest::qWaitFor(
        [&] {
            found = child<QMessageBox>(manager, "deleteConfirm");
            return found && found->isVisible();
        },
        5000);
    return appeared ? found : nullptr;
}

} // namespace

class TestCredentialsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    int m_count = 0;
    QString m_file;
    std::unique_ptr<Vault> m_vault;

    /// The entries in the vault file itself, as another Relais would read it.
    QList<VaultEntry> onDisk()
    {
        Result<Vault> reopened = Vault::open(m_file, secret(Passphrase), m_clock);
        if (!reopened.ok())
            return {};
        return *reopened->entries();
    }

    static QStringList ids(const QList<VaultEntry>& entries)
    {
        QStringList all;
        for (const VaultEntry& entry : entries)
            all << entry.id;
        return all;
    }

    void select(CredentialsDialog& manager, const QString& id)
    {
        const int row = manager.model()->rowOf(id);
        QVERIFY(row >= 0);
        manager.table()->selectRow(row);
    }

    /// Makes .bak a directory: every save fails, even as root.
    void breakSaving()
    {
        const QString backup = m_file + QStringLiteral(".bak");
        QFile::remove(backup);
        QVERIFY(QDir().mkpath(backup + QStringLiteral("/inside")));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        m_file = m_dir.filePath(QStringLiteral("vault-%1").arg(++m_count));
        Result<Vault> vault = Vault::create(m_file, secret(Passphrase), Fast, m_clock);
        QVERIFY(vault.ok());
        QVERIFY(vault->add(makeEntry(QStringLiteral("db-root"), "first secret")).ok());
        QVERIFY(vault->add(makeEntry(QStringLiteral("ovh-token"), "second secret")).ok());
        QVERIFY(vault->save().ok());
        m_vault = std::make_unique<Vault>(std::move(vault).value());
    }

    void cleanup() { m_vault.reset(); }

    void listsTheEntriesWithoutSecrets()
    {
        CredentialsDialog manager(*m_vault);
        manager.show();
        QCOMPARE(manager.model()->rowCount(), 2);
        QCOMPARE(manager.model()->idAt(0), QStringLiteral("db-root"));
        QVERIFY(!child<QPushButton>(manager, "revealButton")->isEnabled());
        QVERIFY(!child<QPushButton>(manager, "deleteButton")->isEnabled());
        select(manager, QStringLiteral("ovh-token"));
        QVERIFY(child<QPushButton>(manager, "revealButton")->isEnabled());
        QVERIFY(child<QPushButton>(manager, "deleteButton")->isEnabled());
        QVERIFY(!manager.isSecretShown());
        // Every action has a mnemonic.
        for (const char* name :
             {"addButton", "importButton", "generateButton", "revealButton", "deleteButton"}) {
            QVERIFY2(child<QPushButton>(manager, name)->text().contains(QLatin1Char('&')), name);
        }
    }

    void addsATypedSecret()
    {
        CredentialsDialog manager(*m_vault);
        manager.show();
        QTest::mouseClick(child<QPushButton>(manager, "addButton"), Qt::LeftButton);
        CredentialDialog* dialog = credentialDialog(manager);
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), CredentialDialog::Mode::Add);
        QComboBox* kind = child<QComboBox>(*dialog, "kind");
        kind->setCurrentIndex(kind->findData(int(VaultEntry::Kind::ApiToken)));
        QLineEdit* secretField = child<QLineEdit>(*dialog, "secret");
        QCOMPARE(secretField->echoMode(), QLineEdit::Password);
        QPushButton* ok = child<QPushButton>(*dialog, "credentialOk");

        // A bad id, then a taken one, are refused in the dialog.
        QTest::keyClicks(child<QLineEdit>(*dialog, "entryId"), QStringLiteral("Bad Id"));
        QTest::keyClicks(secretField, QStringLiteral("tok-123"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(*dialog, "credentialError")->isVisibleTo(dialog));
        child<QLineEdit>(*dialog, "entryId")->setText(QStringLiteral("db-root"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(
            child<QLabel>(*dialog, "credentialError")->text().contains(QStringLiteral("db-root")));

        child<QLineEdit>(*dialog, "entryId")->setText(QStringLiteral("gandi-token"));
        QTest::keyClicks(child<QLineEdit>(*dialog, "entryLabel"), QStringLiteral("Gandi API"));
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE(manager.model()->rowCount(), 3);
        QCOMPARE(manager.model()->idAt(2), QStringLiteral("gandi-token"));

        const QList<VaultEntry> saved = onDisk();
        QCOMPARE(ids(saved), (QStringList{QStringLiteral("db-root"), QStringLiteral("ovh-token"),
                                          QStringLiteral("gandi-token")}));
        QCOMPARE(saved.at(2).kind, VaultEntry::Kind::ApiToken);
        QCOMPARE(saved.at(2).label, QStringLiteral("Gandi API"));
        QVERIFY(saved.at(2).secret == secret("tok-123"));
        QVERIFY(!child<QLabel>(manager, "credentialsError")->isVisibleTo(&manager));
    }

    void addsASecretReadFromAFile()
    {
        const QString tsig = m_dir.filePath(QStringLiteral("tsig.key"));
        QVERIFY(writeAll(tsig, "lab-key:hmac-sha256:c2VjcmV0"));
        CredentialsDialog manager(*m_vault);
        manager.show();
        manager.showAddDialog();
        CredentialDialog* dialog = credentialDialog(manager);
        QVERIFY(dialog);
        QComboBox* kind = child<QComboBox>(*dialog, "kind");
        kind->setCurrentIndex(kind->findData(int(VaultEntry::Kind::TsigKey)));
        QVERIFY(!dialog->readSecretFile(m_dir.filePath(QStringLiteral("missing"))));
        QVERIFY(child<QLabel>(*dialog, "credentialError")->isVisibleTo(dialog));
        QVERIFY(dialog->readSecretFile(tsig));
        QVERIFY(!child<QLineEdit>(*dialog, "secret")->isEnabled());
        QVERIFY(
            child<QLabel>(*dialog, "secretSource")->text().contains(QStringLiteral("tsig.key")));
        child<QLineEdit>(*dialog, "entryId")->setText(QStringLiteral("lab-tsig"));
        QTest::mouseClick(child<QPushButton>(*dialog, "credentialOk"), Qt::LeftButton);
        QTRY_COMPARE(manager.model()->rowCount(), 3);
        const QList<VaultEntry> saved = onDisk();
        QCOMPARE(saved.last().id, QStringLiteral("lab-tsig"));
        QCOMPARE(saved.last().kind, VaultEntry::Kind::TsigKey);
        QCOMPARE(saved.last().label, QStringLiteral("lab-tsig")); // the id when none given
        QVERIFY(saved.last().secret == secret("lab-key:hmac-sha256:c2VjcmV0"));
    }

    void importsAKeyMadeBySshKeygen()
    {
        const QString key = m_dir.filePath(QStringLiteral("id_ed25519-%1").arg(m_count));
        QVERIFY(sshKeygen({QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                           QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                           QStringLiteral("me@laptop"), QStringLiteral("-f"), key})
                    .has_value());
        CredentialsDialog manager(*m_vault);
        manager.show();
        manager.importKeyFile(key);
        CredentialDialog* dialog = credentialDialog(manager);
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), CredentialDialog::Mode::ImportKey);
        QVERIFY(!child<QComboBox>(*dialog, "kind")->isEnabled());
        QCOMPARE(child<QLineEdit>(*dialog, "entryId")->text(),
                 QStringLiteral("id_ed25519-%1").arg(m_count));
        QVERIFY(child<QLabel>(*dialog, "secretSource")->text().contains(QStringLiteral("SHA256:")));
        child<QLineEdit>(*dialog, "entryId")->setText(QStringLiteral("main-ssh"));
        QTest::mouseClick(child<QPushButton>(*dialog, "credentialOk"), Qt::LeftButton);
        QTRY_COMPARE(manager.model()->rowCount(), 3);

        const QList<VaultEntry> saved = onDisk();
        QCOMPARE(saved.last().id, QStringLiteral("main-ssh"));
        QCOMPARE(saved.last().kind, VaultEntry::Kind::SshPrivateKey);
        QVERIFY(saved.last().secret == SecretBytes(readAll(key)));
        QVERIFY(child<QWidget>(manager, "publicKeyBox")->isVisibleTo(&manager));
        QCOMPARE(keyPart(manager.publicLine()),
                 keyPart(QString::fromUtf8(readAll(key + QStringLiteral(".pub")))));
    }

    void refusesToImportWhatIsNotAKey()
    {
        const QString notAKey = m_dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(writeAll(notAKey, "not a key\n"));
        CredentialsDialog manager(*m_vault);
        manager.show();
        manager.importKeyFile(notAKey);
        QLabel* error = child<QLabel>(manager, "credentialsError");
        QVERIFY(error->isVisibleTo(&manager));
        QVERIFY(error->text().contains(QStringLiteral("notes.txt")));
        QTest::qWait(50);
        QVERIFY(!manager.findChild<CredentialDialog*>());
        QCOMPARE(manager.model()->rowCount(), 2);
        QCOMPARE(onDisk().size(), 2);

        manager.importKeyFile(m_dir.filePath(QStringLiteral("no-such-file")));
        QVERIFY(error->text().contains(QStringLiteral("no-such-file")));
    }

    void generatesAnEd25519KeyAndShowsItsPublicLine()
    {
        CredentialsDialog manager(*m_vault);
        manager.show();
        QTest::mouseClick(child<QPushButton>(manager, "generateButton"), Qt::LeftButton);
        CredentialDialog* dialog = credentialDialog(manager);
        QVERIFY(dialog);
        QCOMPARE(dialog->mode(), CredentialDialog::Mode::GenerateKey);
        QVERIFY(!child<QLineEdit>(*dialog, "secret"));
        QTest::keyClicks(child<QLineEdit>(*dialog, "entryId"), QStringLiteral("relais-key"));
        QTest::keyClicks(child<QLineEdit>(*dialog, "entryLabel"), QStringLiteral("Relais key"));
        QTest::mouseClick(child<QPushButton>(*dialog, "credentialOk"), Qt::LeftButton);
        QTRY_COMPARE(manager.model()->rowCount(), 3);

        const QString line = manager.publicLine();
        QVERIFY(line.startsWith(QStringLiteral("ssh-ed25519 AAAA")));
        QVERIFY(child<QLineEdit>(manager, "publicLine")->isReadOnly());
        const QString pub = m_dir.filePath(QStringLiteral("generated.pub"));
        QVERIFY(writeAll(pub, (line + QLatin1Char('\n')).toUtf8()));
        const QString listed =
            sshKeygen({QStringLiteral("-l"), QStringLiteral("-f"), pub}).value_or(QString());
        QVERIFY2(listed.startsWith(QStringLiteral("256 SHA256:")), qPrintable(listed));
        QVERIFY(listed.endsWith(QStringLiteral("(ED25519)")));

        // The stored private key is the one behind the public line.
        const QList<VaultEntry> saved = onDisk();
        QCOMPARE(saved.last().id, QStringLiteral("relais-key"));
        QCOMPARE(saved.last().kind, VaultEntry::Kind::SshPrivateKey);
        const QString priv = m_dir.filePath(QStringLiteral("generated"));
        QVERIFY(writeAll(priv, saved.last().secret.view()));
        const QString derived =
            sshKeygen({QStringLiteral("-y"), QStringLiteral("-f"), priv}).value_or(QString());
        QCOMPARE(keyPart(derived), keyPart(line));
        QFile::remove(priv);

        QTest::mouseClick(child<QPushButton>(manager, "copyPublicLine"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), line);
    }

    void revealsOnDemandAndHidesAgain()
    {
        CredentialsDialog manager(*m_vault);
        manager.show();
        QPlainTextEdit* shown = child<QPlainTextEdit>(manager, "revealedSecret");
        QVERIFY(shown->isReadOnly());
        select(manager, QStringLiteral("db-root"));
        QTest::mouseClick(child<QPushButton>(manager, "revealButton"), Qt::LeftButton);
        QVERIFY(manager.isSecretShown());
        QCOMPARE(shown->toPlainText(), QStringLiteral("first secret"));

        // Another selection hides it.
        select(manager, QStringLiteral("ovh-token"));
        QVERIFY(!manager.isSecretShown());
        QVERIFY(shown->toPlainText().isEmpty());

        // So does time.
        manager.setRevealTimeoutMs(200);
        manager.revealSelected();
        QCOMPARE(shown->toPlainText(), QStringLiteral("second secret"));
        QTRY_VERIFY_WITH_TIMEOUT(!manager.isSecretShown(), 5000);
        QVERIFY(shown->toPlainText().isEmpty());

        // And closing the window.
        manager.setRevealTimeoutMs(CredentialsDialog::DefaultRevealMs);
        manager.revealSelected();
        QVERIFY(manager.isSecretShown());
        QTest::keyClick(&manager, Qt::Key_Escape);
        QVERIFY(!manager.isVisible());
        QVERIFY(shown->toPlainText().isEmpty());
    }

    void deleteAsksFirst()
    {
        CredentialsDialog manager(*m_vault);
        manager.show();
        manager.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&manager));
        manager.table()->setFocus();
        select(manager, QStringLiteral("ovh-token"));
        // The Delete key asks, naming the entry; declining keeps it.
        QTest::keyClick(manager.table(), Qt::Key_Delete);
        QMessageBox* box = confirmBox(manager);
        QVERIFY(box);
        QVERIFY(box->text().contains(QStringLiteral("Label of ovh-token")));
        QVERIFY(box->text().contains(QStringLiteral("ovh-token")));
        QCOMPARE(box->defaultButton(), child<QPushButton>(*box, "cancelDelete"));
        QTest::mouseClick(child<QPushButton>(*box, "cancelDelete"), Qt::LeftButton);
        QTest::qWait(50);
        QCOMPARE(manager.model()->rowCount(), 2);
        QCOMPARE(onDisk().size(), 2);

        // Accepting deletes it, from the file too.
        QTest::mouseClick(child<QPushButton>(manager, "deleteButton"), Qt::LeftButton);
        box = confirmBox(manager);
        QVERIFY(box);
        QTest::mouseClick(child<QPushButton>(*box, "confirmDelete"), Qt::LeftButton);
        QTRY_COMPARE(manager.model()->rowCount(), 1);
        QCOMPARE(ids(onDisk()), QStringList{QStringLiteral("db-root")});
        QVERIFY(!m_vault->entry(QStringLiteral("ovh-token")).ok());
    }

    void failedSavesChangeNothing()
    {
        CredentialsDialog manager(*m_vault);
        manager.show();
        breakSaving();
        const QByteArray before = readAll(m_file);
        QLabel* error = child<QLabel>(manager, "credentialsError");
        const QString writeFailed = ErrorText::summary(Error(VaultError::WriteFailed));

        // An addition that cannot be saved is undone.
        manager.showAddDialog();
        CredentialDialog* dialog = credentialDialog(manager);
        QVERIFY(dialog);
        child<QLineEdit>(*dialog, "entryId")->setText(QStringLiteral("unsaved"));
        child<QLineEdit>(*dialog, "secret")->setText(QStringLiteral("x"));
        QTest::mouseClick(child<QPushButton>(*dialog, "credentialOk"), Qt::LeftButton);
        QTRY_VERIFY(error->isVisibleTo(&manager));
        QVERIFY2(error->text().contains(writeFailed), qPrintable(error->text()));
        QCOMPARE(manager.model()->rowCount(), 2);
        QVERIFY(m_vault->entry(QStringLiteral("unsaved")).error().is(VaultError::EntryNotFound));
        QCOMPARE(readAll(m_file), before);

        // So is a deletion: the entry comes back as it was.
        const Result<VaultEntry> kept = m_vault->entry(QStringLiteral("db-root"));
        QVERIFY(kept.ok());
        error->clear();
        select(manager, QStringLiteral("db-root"));
        QTest::mouseClick(child<QPushButton>(manager, "deleteButton"), Qt::LeftButton);
        QMessageBox* box = confirmBox(manager);
        QVERIFY(box);
        QTest::mouseClick(child<QPushButton>(*box, "confirmDelete"), Qt::LeftButton);
        QTRY_VERIFY(error->text().contains(writeFailed));
        QCOMPARE(manager.model()->rowCount(), 2);
        QCOMPARE(manager.model()->idAt(0), QStringLiteral("db-root"));
        const Result<VaultEntry> back = m_vault->entry(QStringLiteral("db-root"));
        QVERIFY(back.ok());
        QCOMPARE(back->created, kept->created);
        QCOMPARE(back->updated, kept->updated);
        QVERIFY(back->secret == kept->secret);
        QCOMPARE(readAll(m_file), before);
    }

    void forgettingTheVaultClearsEverything()
    {
        CredentialsDialog manager(*m_vault);
        manager.show();
        select(manager, QStringLiteral("db-root"));
        manager.revealSelected();
        QVERIFY(manager.isSecretShown());
        manager.forgetVault();
        m_vault.reset();
        QVERIFY(!manager.isSecretShown());
        QCOMPARE(manager.model()->rowCount(), 0);
        QVERIFY(!child<QPushButton>(manager, "addButton")->isEnabled());
        manager.refresh();
        manager.revealSelected();
        QCOMPARE(manager.model()->rowCount(), 0);
    }

    void aLockedVaultIsReported()
    {
        CredentialsDialog manager(*m_vault);
        QSignalSpy locked(&manager, &CredentialsDialog::vaultLocked);
        manager.show();
        m_vault->lock();
        manager.refresh();
        QCOMPARE(locked.size(), 1);
        QCOMPARE(manager.model()->rowCount(), 0);
        QVERIFY(child<QLabel>(manager, "credentialsError")
                    ->text()
                    .contains(ErrorText::summary(Error(VaultError::Locked))));
    }
};

QTEST_MAIN(TestCredentialsDialog)
#include "tst_credentialsdialog.moc"
