#include "GuiHostKeyVerifier.h"
#include "HostKeyDialog.h"
#include "LocalSite.h"
#include "ssh/KnownHosts.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshError.h"
#include "ssh/SshKeys.h"
#include "ssh/SshSession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using namespace relais::test;

namespace {

bool writeAll(const QString& path, QByteArrayView data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const bool written = file.write(data.data(), data.size()) == data.size();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return written;
}

QString userName()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("root") : user;
}

} // namespace

/// The GUI's host-key question against a real OpenSSH server: a private
/// sshd on 127.0.0.1 (its own host key, config and authorized key, stopped
/// by its process), the key made by SshKeys as the vault would keep it.
/// Every login runs one forced command, so the server can do nothing else.
class TestHostKeySession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_sshd;
    quint16 m_port = 0;
    QString m_hostFingerprint;
    QByteArray m_clientKey;
    int m_count = 0;

    SshSessionOptions options(const QString& knownHosts) const
    {
        SshSessionOptions options;
        options.target.address = QStringLiteral("127.0.0.1");
        options.target.port = m_port;
        options.target.user = userName();
        options.target.privateKey = m_clientKey;
        options.knownHostsPath = knownHosts;
        options.connectTimeoutMs = 5000;
        options.keepaliveIntervalMs = 0;
        return options;
    }

    QString freshKnownHosts()
    {
        return m_dir.filePath(QStringLiteral("known_hosts-%1").arg(++m_count));
    }

private slots:
    void initTestCase()
    {
        const QString sshd = QStringLiteral("/usr/sbin/sshd");
        if (!QFileInfo(sshd).isExecutable())
            QSKIP("no /usr/sbin/sshd on this machine");
        QVERIFY(m_dir.isValid());
        // sshd refuses to start without its privilege separation directory,
        // which only its system service creates (a fresh boot has none).
        const QString privsep = QStringLiteral("/run/sshd");
        if (!QFileInfo(privsep).isDir() && !QDir().mkpath(privsep))
            QSKIP("no /run/sshd and it cannot be made: sshd cannot start here");

        // The server's host key, and its fingerprint as ssh-keygen prints it.
        const QString hostKey = m_dir.filePath(QStringLiteral("ssh_host_ed25519_key"));
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"),
                                   {QStringLiteral("-q"), QStringLiteral("-t"),
                                    QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                                    QStringLiteral("-f"), hostKey}),
                 0);
        QProcess listing;
        listing.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-l"), QStringLiteral("-f"),
                                                     hostKey + QStringLiteral(".pub")});
        QVERIFY(listing.waitForFinished(30000));
        m_hostFingerprint =
            QString::fromUtf8(listing.readAllStandardOutput()).section(QLatin1Char(' '), 1, 1);
        QVERIFY(m_hostFingerprint.startsWith(QStringLiteral("SHA256:")));

        // The client key, made as the credentials manager makes it.
        Result<SshKeyPair> client = SshKeys::generateEd25519(QStringLiteral("relais-test"));
        QVERIFY(client.ok());
        m_clientKey = QByteArray(client->privateKey.constData(), client->privateKey.size());
        const QString authorized = m_dir.filePath(QStringLiteral("authorized_keys"));
        QVERIFY(writeAll(authorized, (client->publicLine + QLatin1Char('\n')).toUtf8()));

        LocalPort port;
        QVERIFY(port.open());
        m_port = port.port();
        port.close();
        const QString config = m_dir.filePath(QStringLiteral("sshd_config"));
        const QString text =
            QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nAuthorizedKeysFile %3\n"
                           "PidFile %4\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n"
                           "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
                           "AllowUsers %5\nForceCommand echo relais-ok\nLogLevel ERROR\n")
                .arg(m_port)
                .arg(hostKey, authorized, m_dir.filePath(QStringLiteral("sshd.pid")), userName());
        QVERIFY(writeAll(config, text.toUtf8()));
        m_sshd.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_sshd.start(sshd,
                     {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config});
        QVERIFY(m_sshd.waitForStarted(10000));
        // Ready once it accepts connections.
        QVERIFY(QTest::qWaitFor(
            [this] {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, m_port);
                return socket.waitForConnected(200);
            },
            10000));
    }

    void cleanupTestCase()
    {
        if (m_sshd.state() != QProcess::NotRunning) {
            m_sshd.terminate(); // its own PID, nothing else
            if (!m_sshd.waitForFinished(5000))
                m_sshd.kill();
        }
    }

    void trustingTheKeyConnectsAndRemembersIt()
    {
        const QString knownHosts = freshKnownHosts();
        QWidget window;
        GuiHostKeyVerifier verifier(&window);
        SshSession session(options(knownHosts), &verifier);
        SshCommandJob job(&session, QStringLiteral("true"), 20000);
        QSignalSpy finished(&job, &SshCommandJob::finished);
        job.start();

        QTRY_VERIFY_WITH_TIMEOUT(verifier.lastDialog(), 10000);
        HostKeyDialog* dialog = verifier.lastDialog();
        QCOMPARE(dialog->question().host, QStringLiteral("127.0.0.1"));
        QCOMPARE(dialog->question().port, int(m_port));
        QCOMPARE(dialog->question().keyType, QStringLiteral("ssh-ed25519"));
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("hostKeyFingerprint"))->text(),
                 m_hostFingerprint);
        QVERIFY(!QFile::exists(knownHosts));
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);

        QVERIFY(finished.wait(20000));
        QVERIFY2(job.result().ok(),
                 qPrintable(job.result().ok() ? QString() : job.result().error().message()));
        QCOMPARE(*job.result(), 0);
        QCOMPARE(job.standardOutput().trimmed(), QByteArray("relais-ok"));
        Result<QList<KnownHostsEntry>> entries = KnownHosts(knownHosts).entries();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 1);

        // Known now: a new session does not ask again.
        GuiHostKeyVerifier second(&window);
        SshSession again(options(knownHosts), &second);
        SshCommandJob next(&again, QStringLiteral("true"), 20000);
        QSignalSpy nextFinished(&next, &SshCommandJob::finished);
        next.start();
        QVERIFY(nextFinished.wait(20000));
        QVERIFY(next.result().ok());
        QVERIFY(!second.lastDialog());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("cancel") << "cancel";
        QTest::newRow("window closed") << "window";
    }

    void refusals()
    {
        QFETCH(QString, how);
        const QString knownHosts = freshKnownHosts();
        auto* window = new QWidget;
        GuiHostKeyVerifier verifier(window);
        SshSession session(options(knownHosts), &verifier);
        SshCommandJob job(&session, QStringLiteral("true"), 20000);
        QSignalSpy finished(&job, &SshCommandJob::finished);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(verifier.lastDialog(), 10000);
        if (how == QLatin1String("cancel")) {
            QTest::mouseClick(verifier.lastDialog()->cancelButton(), Qt::LeftButton);
            delete window;
        } else {
            delete window; // the dialog goes with it, unanswered
        }
        QVERIFY(finished.wait(20000));
        QVERIFY(!job.result().ok());
        QVERIFY2(job.result().error().is(SshError::HostKeyRejected),
                 qPrintable(job.result().error().message()));
        QVERIFY(!QFile::exists(knownHosts) || KnownHosts(knownHosts).entries()->isEmpty());
    }

    // Refused once, the key is refused at the next connection (the next
    // health round) without a dialog, until the console asks again.
    void aRefusedKeyIsNotAskedAboutAgain()
    {
        const QString knownHosts = freshKnownHosts();
        QWidget window;
        GuiHostKeyVerifier verifier(&window);
        for (const char* round : {"asked", "not asked", "asked again"}) {
            const bool asked = qstrcmp(round, "not asked") != 0;
            if (qstrcmp(round, "asked again") == 0)
                verifier.forgetRefusals();
            SshSession session(options(knownHosts), &verifier);
            SshCommandJob job(&session, QStringLiteral("true"), 20000);
            QSignalSpy finished(&job, &SshCommandJob::finished);
            job.start();
            if (asked) {
                QTRY_VERIFY2_WITH_TIMEOUT(verifier.lastDialog(), round, 10000);
                QTest::mouseClick(verifier.lastDialog()->cancelButton(), Qt::LeftButton);
            }
            QVERIFY2(finished.wait(20000), round);
            QVERIFY2(job.result().error().is(SshError::HostKeyRejected),
                     qPrintable(job.result().error().message()));
            if (!asked) {
                QVERIFY(!verifier.lastDialog());
                QVERIFY(window.findChildren<HostKeyDialog*>().isEmpty());
            }
            QTRY_VERIFY(!verifier.lastDialog());
        }
        QVERIFY(!QFile::exists(knownHosts) || KnownHosts(knownHosts).entries()->isEmpty());
    }
};

QTEST_MAIN(TestHostKeySession)
#include "tst_hostkeysession.moc"
