#include "ErrorText.h"
#include "ReplicationKeyDialog.h"
#include "ssh/SshError.h"
#include "sync/ReplicationKeySetup.h"
#include "sync/SyncError.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace relais;

// The Sync tab's key set-up dialog: what it says it will do, the request it
// builds from its fields (flow, files), a failing or cancelled set-up's
// text, Enter and Esc. The set-up comes from an injected starter: here a
// ReplicationKeySetup with no session (it fails as it does when a host is
// out of reach) or an error at once; the lab test drives a real one.
class TestReplicationKeyDialog : public QObject
{
    Q_OBJECT

    static Site site()
    {
        Site s;
        s.name = QStringLiteral("lab");
        s.main.name = QStringLiteral("main");
        s.main.address = QStringLiteral("10.0.0.1");
        s.backup.name = QStringLiteral("backup");
        s.backup.address = QStringLiteral("10.0.0.2");
        s.backup.ssh.port = 2222;
        return s;
    }

    static SyncJob push()
    {
        SyncJob job;
        job.name = QStringLiteral("www");
        job.sources = {QStringLiteral("/srv/www/")};
        job.destination = QStringLiteral("/srv/www");
        return job;
    }

    static SyncJob pullOfTwo()
    {
        SyncJob job;
        job.name = QStringLiteral("mail");
        job.direction = SyncJob::Direction::Pull;
        job.sources = {QStringLiteral("/var/mail/"), QStringLiteral("/etc/postfix/")};
        job.destination = QStringLiteral("/var/backups/mail");
        return job;
    }

    template <typename T> static T* child(const QDialog& dialog, const char* name)
    {
        T* found = dialog.findChild<T*>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    static QString status(const QDialog& dialog)
    {
        return child<QLabel>(dialog, "keyStatus")->text();
    }

private slots:
    void describesWhatAndWhere()
    {
        ReplicationKeyDialog dialog(site(), push());
        auto* description = child<QLabel>(dialog, "keyDescription");
        const QString forward = description->text();
        QVERIFY2(forward.contains(QStringLiteral("on main (10.0.0.1)")), qPrintable(forward));
        QVERIFY(forward.contains(QStringLiteral("~/.ssh/relais-sync/www,")));
        QVERIFY(forward.contains(QStringLiteral("~/.ssh/relais-sync/www.known_hosts")));
        QVERIFY(forward.contains(QStringLiteral("On backup (10.0.0.2)")));
        QVERIFY(forward.contains(QStringLiteral("~/.ssh/authorized_keys")));
        QVERIFY(forward.contains(RsyncCommand::forcedCommand(push())));

        child<QRadioButton>(dialog, "keyReverse")->setChecked(true);
        const QString reverse = description->text();
        QVERIFY(reverse.contains(QStringLiteral("~/.ssh/relais-sync/www.reverse")));
        QVERIFY(reverse.contains(RsyncCommand::forcedCommand(push(), RsyncCommand::Flow::Reverse)));

        child<QLineEdit>(dialog, "keyAuthorizedKeys")
            ->setText(QStringLiteral("/etc/ssh/authorized_keys/root"));
        QVERIFY(description->text().contains(QStringLiteral("/etc/ssh/authorized_keys/root")));

        // A pull: backup starts the copies, main holds the key's line; two
        // sources cannot flow back.
        ReplicationKeyDialog pull(site(), pullOfTwo());
        const QString pulled = child<QLabel>(pull, "keyDescription")->text();
        QVERIFY2(pulled.contains(QStringLiteral("on backup (10.0.0.2)")), qPrintable(pulled));
        QVERIFY(pulled.contains(QStringLiteral("On main (10.0.0.1)")));
        QVERIFY(!child<QRadioButton>(pull, "keyReverse")->isEnabled());
        QVERIFY(!child<QRadioButton>(pull, "keyReverse")->toolTip().isEmpty());
        QCOMPARE(pull.request().flow, RsyncCommand::Flow::Forward);
    }

    void buildsTheRequest()
    {
        ReplicationKeyDialog dialog(site(), push());
        dialog.setKeyDirectory(QStringLiteral("/root/relais-keys"));
        QList<ReplicationKeyRequest> asked;
        dialog.setStarter([&asked](const ReplicationKeyRequest& request) {
            asked.append(request);
            return Result<ReplicationKeySetup*>(
                Error(SshError::AuthFailed, QStringLiteral("backup refused the key")));
        });

        ReplicationKeyRequest forward;
        forward.job = QStringLiteral("www");
        forward.keyDirectory = QStringLiteral("/root/relais-keys");
        QCOMPARE(dialog.request(), forward);

        child<QRadioButton>(dialog, "keyReverse")->setChecked(true);
        child<QLineEdit>(dialog, "keyAuthorizedKeys")
            ->setText(QStringLiteral(" /etc/ssh/authorized_keys/root "));
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Enter starts it (the default button).
        QSignalSpy finished(&dialog, &ReplicationKeyDialog::setupFinished);
        QTest::keyClick(child<QLineEdit>(dialog, "keyAuthorizedKeys"), Qt::Key_Return);
        QCOMPARE(asked.size(), 1);
        ReplicationKeyRequest reverse = forward;
        reverse.flow = RsyncCommand::Flow::Reverse;
        reverse.authorizedKeysPath = QStringLiteral("/etc/ssh/authorized_keys/root");
        QCOMPARE(asked.first(), reverse);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        // An error before any step: ErrorText's sentence and the details.
        QVERIFY2(
            status(dialog).contains(ErrorText::summary(Error(SshError::AuthFailed, QString()))),
            qPrintable(status(dialog)));
        QVERIFY(status(dialog).contains(QStringLiteral("Details: backup refused the key")));

        // An empty field is the default file.
        child<QLineEdit>(dialog, "keyAuthorizedKeys")->clear();
        QCOMPARE(dialog.request().authorizedKeysPath, QStringLiteral("~/.ssh/authorized_keys"));
    }

    void failingSetupShowsTheError()
    {
        ReplicationKeyDialog dialog(site(), push());
        ReplicationKeySetup* made = nullptr;
        dialog.setStarter([&made](const ReplicationKeyRequest& request) {
            SyncJob job = push();
            // No sessions: it fails the way it does when no host answers.
            made = new ReplicationKeySetup(job, nullptr, nullptr, QStringLiteral("10.0.0.2"), 2222,
                                           {});
            made->setFlow(request.flow);
            made->setAuthorizedKeysPath(request.authorizedKeysPath);
            made->setTrustedKeysFile(QStringLiteral("/nonexistent/known_hosts"));
            return Result<ReplicationKeySetup*>(made);
        });
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy finished(&dialog, &ReplicationKeyDialog::setupFinished);
        auto* start = child<QPushButton>(dialog, "keyStartButton");
        auto* close = child<QPushButton>(dialog, "keyCloseButton");
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QVERIFY(made && made->parent() == &dialog);
        QVERIFY(!start->isEnabled());
        QVERIFY(!child<QRadioButton>(dialog, "keyForward")->isEnabled());
        QVERIFY(child<QProgressBar>(dialog, "keyProgress")->isVisible());
        QCOMPARE(close->text(), QStringLiteral("Cancel"));

        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!dialog.isRunning());
        const QString text = dialog.outcomeText();
        QVERIFY2(text.startsWith(QStringLiteral("The replication key of www was not set up.")),
                 qPrintable(text));
        QVERIFY(text.contains(
            ReplicationKeyDialog::errorText(Error(SyncError::NotConnected, QString()))));
        QVERIFY(text.contains(QStringLiteral("Details: no session to the hosts")));
        QVERIFY(start->isEnabled());
        QVERIFY(child<QProgressBar>(dialog, "keyProgress")->isHidden());
        QCOMPARE(close->text(), QStringLiteral("Close"));
        QVERIFY(dialog.isVisible());

        // Esc now closes it.
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void escCancelsARunningSetup()
    {
        ReplicationKeyDialog dialog(site(), push());
        QPointer<ReplicationKeySetup> made;
        dialog.setStarter([&made](const ReplicationKeyRequest&) {
            made = new ReplicationKeySetup(push(), nullptr, nullptr, QStringLiteral("10.0.0.2"),
                                           2222, {});
            return Result<ReplicationKeySetup*>(made.data());
        });
        dialog.open();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy finished(&dialog, &ReplicationKeyDialog::setupFinished);
        dialog.startSetup();
        QVERIFY(dialog.isRunning());
        // Esc while it runs stops the set-up; the dialog stays to say so.
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(finished.size(), 1);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.isRunning());
        QVERIFY2(dialog.outcomeText().contains(
                     ReplicationKeyDialog::errorText(Error(SyncError::Cancelled, QString()))),
                 qPrintable(dialog.outcomeText()));
        // Its own timer never comes back to a dialog that moved on.
        QTRY_VERIFY(made.isNull());
        QCOMPARE(finished.size(), 1);
    }

    void abandonDropsTheSetupAtOnce()
    {
        ReplicationKeyDialog dialog(site(), push());
        QPointer<ReplicationKeySetup> made;
        dialog.setStarter([&made](const ReplicationKeyRequest&) {
            made = new ReplicationKeySetup(push(), nullptr, nullptr, QStringLiteral("10.0.0.2"),
                                           2222, {});
            return Result<ReplicationKeySetup*>(made.data());
        });
        dialog.open();
        QSignalSpy finished(&dialog, &ReplicationKeyDialog::setupFinished);
        dialog.startSetup();
        QVERIFY(made);
        dialog.abandon();
        QVERIFY(made.isNull());
        QVERIFY(!dialog.isVisible());
        QTest::qWait(50);
        QCOMPARE(finished.size(), 0);
    }

    void errorTexts_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("contains");
        QTest::newRow("cancelled") << int(SyncError::Cancelled) << QStringLiteral("cancelled");
        QTest::newRow("not connected")
            << int(SyncError::NotConnected) << QStringLiteral("does not trust the other host");
        QTest::newRow("refused") << int(SyncError::RsyncFailed) << QStringLiteral("install rrsync");
    }

    void errorTexts()
    {
        QFETCH(int, code);
        QFETCH(QString, contains);
        const QString text =
            ReplicationKeyDialog::errorText(Error(SyncError(code), QStringLiteral("x")));
        QVERIFY2(text.contains(contains), qPrintable(text));
        // Not the copy's sentences.
        QVERIFY(!text.contains(QStringLiteral("The copy")));
        // Anything else: ErrorText's sentence.
        const Error ssh(SshError::HostKeyChanged, QStringLiteral("x"));
        QCOMPARE(ReplicationKeyDialog::errorText(ssh), ErrorText::summary(ssh));
    }
};

QTEST_MAIN(TestReplicationKeyDialog)
#include "tst_replicationkeydialog.moc"
