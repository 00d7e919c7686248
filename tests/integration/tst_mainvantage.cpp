#include "../support/ProcessRun.h"
#include "plan/MainVantageProbe.h"
#include "plan/PlanError.h"
#include "plan/SiteConnections.h"
#include "site/SiteDocument.h"
#include "ssh/RejectAllVerifier.h"
#include "vault/Vault.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace relais;
using namespace Qt::StringLiterals;

// The automatic failover's second opinion against the lab: over the real
// sshd of backup, whether main's ports accept connections from there.
class TestMainVantage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QJsonObject m_status;
    std::optional<Vault> m_vault;
    std::optional<Site> m_site;
    RejectAllVerifier m_verifier;

    Result<bool> ask(const QList<int>& ports)
    {
        SiteConnections connections(*m_site, *m_vault, &m_verifier);
        Result<SshSession*> backup = connections.session(HostRole::Backup);
        if (!backup)
            return backup.error();
        MainVantageProbe probe(**backup, m_site->main.address, ports);
        std::optional<Result<bool>> result;
        connect(&probe, &MainVantageProbe::finished, this,
                [&](const Result<bool>& answers) { result.emplace(answers); });
        probe.start();
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            return Error(PlanError::StepTimedOut, u"no answer"_s);
        return *result;
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        QVERIFY(m_tmp.isValid());
        qputenv("RELAIS_DATA_DIR", m_tmp.path().toUtf8());
        const test::ProcessRun up = test::labctl({u"up"_s});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status = test::labctl({u"status"_s, u"--json"_s}, 60000);
        m_status = QJsonDocument::fromJson(status.out).object();
        QVERIFY(QFile::copy(m_status.value(u"state_dir"_s).toString() + u"/ssh/known_hosts"_s,
                            m_tmp.filePath(u"known_hosts"_s)));
        QFile passphrase(m_status.value(u"vault_passphrase_file"_s).toString());
        QVERIFY(passphrase.open(QIODevice::ReadOnly));
        const QByteArray line = passphrase.readLine().trimmed();
        Result<Vault> vault =
            Vault::open(m_status.value(u"vault"_s).toString(), SecretBytes(QByteArrayView(line)));
        QVERIFY2(vault.ok(), vault.ok() ? "" : qPrintable(vault.error().toString()));
        m_vault = std::move(vault).value();
        Result<Site> site = SiteDocument::load(m_status.value(u"site"_s).toString());
        QVERIFY(site.ok());
        m_site = *site;
    }

    void cleanupTestCase()
    {
        if (::geteuid() == 0)
            test::labctl({u"down"_s});
    }

    void mainAnswersFromBackup()
    {
        const QList<int> ports = MainVantageProbe::portsOf(*m_site);
        QVERIFY(ports.contains(m_site->main.ssh.port));
        const Result<bool> answers = ask(ports);
        QVERIFY2(answers.ok(), answers.ok() ? "" : qPrintable(answers.error().toString()));
        QVERIFY(*answers);
    }

    void aClosedPortIsNoAnswer()
    {
        // Nothing listens on main at these ports: main does not answer there.
        const Result<bool> answers = ask({1, 9});
        QVERIFY2(answers.ok(), answers.ok() ? "" : qPrintable(answers.error().toString()));
        QVERIFY(!*answers);
    }
};

QTEST_GUILESS_MAIN(TestMainVantage)
#include "tst_mainvantage.moc"
