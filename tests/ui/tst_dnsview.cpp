#include "../support/OvhFake.h"
#include "../unit/support/DnsTestServer.h"
#include "../unit/support/ScriptedDnsProvider.h"
#include "DnsHistoryModel.h"
#include "DnsServerModel.h"
#include "DnsSwitchDialog.h"
#include "DnsView.h"
#include "common/Database.h"
#include "dns/DnsSwitchHistory.h"
#include "vault/SecretBytes.h"

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using namespace Qt::StringLiterals;

// The DNS view driving the real switch job, with a scripted provider (the
// record in memory) and a scripted DNS server on 127.0.0.1 as the
// authoritative server the switch is verified at.
class TestDnsView : public QObject
{
    Q_OBJECT

    const QHostAddress m_main{u"192.0.2.10"_s};
    const QHostAddress m_backup{u"192.0.2.20"_s};
    QTemporaryDir m_dir;
    DnsRecordState m_record;
    int m_providers = 0;

    Site site(quint16 port) const
    {
        Site s;
        s.name = u"test"_s;
        s.main.address = m_main.toString();
        s.backup.address = m_backup.toString();
        Service www;
        www.name = u"www"_s;
        DnsBinding binding;
        binding.zone = u"example.test"_s;
        binding.record = u"www"_s;
        binding.ttl = 60;
        binding.server = u"127.0.0.1"_s;
        binding.port = port;
        binding.verifyServers = {u"127.0.0.1:%1"_s.arg(port)};
        www.dns = binding;
        Service mail; // no DNS record: not listed
        mail.name = u"mail"_s;
        s.services = {www, mail};
        return s;
    }

    DnsView::ProviderFactory factory()
    {
        return [this](const DnsBinding&, Vault*) -> Result<std::unique_ptr<DnsProvider>> {
            ++m_providers;
            auto provider = std::make_unique<ScriptedDnsProvider>();
            provider->record = m_record;
            provider->onChange = [this](const DnsRecordChange& change) -> std::optional<Error> {
                if (change.expected == m_record.addresses) {
                    m_record.addresses = change.addresses;
                    m_record.ttl = change.ttl;
                }
                return std::nullopt;
            };
            return std::unique_ptr<DnsProvider>(std::move(provider));
        };
    }

    void hold(const QHostAddress& address, qint64 ttl)
    {
        m_record.name = u"www.example.test"_s;
        m_record.addresses = {address};
        m_record.ttl = ttl;
    }

private slots:
    void serverModelPassesTheTester()
    {
        DnsServerModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSides(m_main, m_backup);
        DnsServerAnswer a;
        a.server = {u"127.0.0.1"_s, 53531};
        a.addresses = {m_main};
        a.ttl = 60;
        DnsServerAnswer b;
        b.server = {u"127.0.0.1"_s, 53532};
        b.error = u"no answer from 127.0.0.1:53532 within 2000 ms"_s;
        model.setServers({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, DnsServerModel::SideColumn).data().toString(), u"main"_s);
        QCOMPARE(model.index(0, DnsServerModel::TtlColumn).data().toString(), u"60 s"_s);
        QCOMPARE(model.index(1, DnsServerModel::AnswerColumn).data().toString(), u"no answer"_s);
        QVERIFY(model.index(1, DnsServerModel::AnswerColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"within 2000 ms"_s));
        a.addresses = {m_backup};
        a.converged = true;
        a.convergedAfterMs = 42;
        model.updateServer(a);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, DnsServerModel::SideColumn).data().toString(), u"backup"_s);
        QCOMPARE(model.index(0, DnsServerModel::ConvergedColumn).data().toString(),
                 u"yes, after 42 ms"_s);
        DnsServerAnswer c;
        c.server = {u"::1"_s, 53};
        c.addresses = {QHostAddress(u"198.51.100.1"_s)};
        model.updateServer(c);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, DnsServerModel::SideColumn).data().toString(), u"neither side"_s);
        model.setServers({});
        QCOMPARE(model.rowCount(), 0);
    }

    void historyModelPassesTheTester()
    {
        DnsHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        DnsSwitchRecord r;
        r.service = u"www"_s;
        r.from = DnsSwitchRequest::Side::Main;
        r.to = DnsSwitchRequest::Side::Backup;
        r.mode = DnsSwitchRequest::Mode::Emergency;
        r.startedAt = QDateTime::currentDateTimeUtc();
        r.endedAt = r.startedAt;
        r.convergenceMs = 1500;
        r.outcome = DnsSwitchRecord::Outcome::Success;
        model.setRecords({r});
        QCOMPARE(model.index(0, DnsHistoryModel::SwitchColumn).data().toString(),
                 u"main → backup"_s);
        QCOMPARE(model.index(0, DnsHistoryModel::ModeColumn).data().toString(), u"emergency"_s);
        QCOMPARE(model.index(0, DnsHistoryModel::ConvergenceColumn).data().toString(), u"1.5 s"_s);
        r.outcome = DnsSwitchRecord::Outcome::Cancelled;
        r.from.reset();
        for (int i = 0; i < DnsHistoryModel::MaxRows + 2; ++i)
            model.prepend(r);
        QCOMPARE(model.rowCount(), DnsHistoryModel::MaxRows);
        QCOMPARE(model.index(0, DnsHistoryModel::ResultColumn).data().toString(), u"cancelled"_s);
        QCOMPARE(model.index(0, DnsHistoryModel::SwitchColumn).data().toString(),
                 u"neither side → backup"_s);
    }

    void switchesWithConfirmationAndRecordsIt()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords({u"www.example.test. 60 IN A 192.0.2.10"_s});
        hold(m_main, 60);
        auto db = Database::open(m_dir.filePath(u"a.db"_s));
        QVERIFY(db.ok());
        DnsSwitchHistory history(**db, u"site"_s);

        DnsView view;
        view.setProviderFactory(factory());
        view.setSite(site(server.port()), &history);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.currentService(), u"www"_s);
        QTRY_COMPARE(view.stateText(), u"Points to main (192.0.2.10), TTL 60 s"_s);
        QTRY_COMPARE(view.serverModel()->index(0, DnsServerModel::AnswerColumn).data().toString(),
                     u"192.0.2.10"_s);
        QCOMPARE(view.serverModel()->index(0, DnsServerModel::SideColumn).data().toString(),
                 u"main"_s);

        // Keyboard: Alt+B is "Switch to backup"; the dialog defaults to a planned switch.
        QTest::keyClick(&view, Qt::Key_B, Qt::AltModifier);
        QTRY_VERIFY(view.switchDialog() && view.switchDialog()->isVisible());
        DnsSwitchDialog* dialog = view.switchDialog();
        QVERIFY(dialog->findChild<QRadioButton*>(u"plannedChoice"_s)->isChecked());
        QCOMPARE(dialog->mode(), DnsSwitchRequest::Mode::Planned);
        dialog->findChild<QRadioButton*>(u"emergencyChoice"_s)->setChecked(true);
        // The server answers the new address once the record changed.
        server.setRecords({u"www.example.test. 60 IN A 192.0.2.20"_s});
        std::optional<Result<DnsSwitchReport>> finished;
        connect(&view, &DnsView::switchFinished, this,
                [&](const Result<DnsSwitchReport>& r) { finished.emplace(r); });
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"confirmSwitch"_s), Qt::LeftButton);
        QTRY_VERIFY(finished.has_value());
        QVERIFY2(finished->ok(),
                 qPrintable(finished->ok() ? QString() : finished->error().message()));
        QCOMPARE(m_record.addresses, QList<QHostAddress>{m_backup});
        QVERIFY2(
            view.progressText().startsWith(u"Switched to backup: 1 server(s) answer 192.0.2.20"_s),
            qPrintable(view.progressText()));
        QCOMPARE(view.serverModel()->servers().first().converged, true);
        QCOMPARE(view.historyModel()->rowCount(), 1);
        QCOMPARE(view.historyModel()->index(0, DnsHistoryModel::ResultColumn).data().toString(),
                 u"switched"_s);
        QCOMPARE(view.historyModel()->index(0, DnsHistoryModel::ModeColumn).data().toString(),
                 u"emergency"_s);
        QTRY_COMPARE(view.stateText(), u"Points to backup (192.0.2.20), TTL 60 s"_s);
        QVERIFY(view.findChild<QPushButton*>(u"switchToMain"_s)->isEnabled());
        QVERIFY(!view.findChild<QPushButton*>(u"cancelSwitch"_s)->isEnabled());

        // Switching to backup again: already there.
        finished.reset();
        view.startSwitch(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Planned);
        QTRY_VERIFY(finished.has_value());
        QVERIFY(finished->ok() && (*finished)->alreadySwitched);
        QVERIFY2(view.progressText().startsWith(u"Already switched"_s),
                 qPrintable(view.progressText()));
        QCOMPARE(view.historyModel()->rowCount(), 2);
    }

    void cancelDuringTheCountdown()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords({u"www.example.test. 45 IN A 192.0.2.10"_s});
        hold(m_main, 45);
        DnsView view;
        view.setProviderFactory(factory());
        view.setSite(site(server.port()), nullptr);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        std::optional<Result<DnsSwitchReport>> finished;
        connect(&view, &DnsView::switchFinished, this,
                [&](const Result<DnsSwitchReport>& r) { finished.emplace(r); });
        view.startSwitch(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Planned);
        QTRY_VERIFY2(view.progressText().contains(u"the address changes in 45 second(s)"_s),
                     qPrintable(view.progressText()));
        auto* cancel = view.findChild<QPushButton*>(u"cancelSwitch"_s);
        QVERIFY(cancel->isEnabled());
        QVERIFY(!view.findChild<QPushButton*>(u"switchToBackup"_s)->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.has_value() && !finished->ok());
        QVERIFY2(
            view.progressText().contains(
                u"Switch cancelled: cancelled; TTL lowered to 30 s; the address was not changed"_s),
            qPrintable(view.progressText()));
        QCOMPARE(m_record.addresses, QList<QHostAddress>{m_main});
        QCOMPARE(m_record.ttl, 30);
        QVERIFY(!cancel->isEnabled());
    }

    void movesTheFailoverIpAfterTheRecord()
    {
        relais::test::OvhFake ovh;
        QVERIFY(ovh.server.isListening());
        const QString block = u"203.0.113.5/32"_s;
        const QString mainService = u"ns1111.ip-198-51-100.eu"_s;
        const QString backupService = u"ns2222.ip-198-51-100.eu"_s;
        ovh.routedTo.insert(block, mainService);
        ovh.taskPollsLeft = 1;
        DnsTestServer server;
        QVERIFY(server.listen());
        server.setRecords({u"www.example.test. 60 IN A 192.0.2.10"_s});
        hold(m_main, 60);
        auto db = Database::open(m_dir.filePath(u"ip.db"_s));
        QVERIFY(db.ok());
        DnsSwitchHistory history(**db, u"site"_s);

        Site s = site(server.port());
        FailoverIp failoverIp;
        failoverIp.ip = u"203.0.113.5"_s;
        failoverIp.mainService = mainService;
        failoverIp.backupService = backupService;
        failoverIp.apiUrl = ovh.endpoint();
        failoverIp.credentialsId = u"ovh"_s;
        s.services[0].failoverIp = failoverIp;

        DnsView view;
        view.setProviderFactory(factory());
        view.setMoveFactory(
            [&ovh](const FailoverIp& f, Vault*) -> Result<std::unique_ptr<OvhFailoverIpMove>> {
                Result<std::unique_ptr<OvhFailoverIpMove>> made =
                    OvhFailoverIpMove::create(QUrl(f.apiUrl), SecretBytes(ovh.credentials()));
                if (!made)
                    return made.error();
                (*made)->addCaCertificates({relais::test::TestCertificates::instance().ca});
                (*made)->setPollIntervalMs(20);
                return std::move(made).value();
            });
        view.setSite(s, &history);
        QTRY_VERIFY2(
            view.failoverIpText().contains(u"routed to ns1111.ip-198-51-100.eu, points to main"_s),
            qPrintable(view.failoverIpText()));

        server.setRecords({u"www.example.test. 60 IN A 192.0.2.20"_s});
        std::optional<Result<OvhFailoverIpMoveResult>> moved;
        connect(&view, &DnsView::failoverIpMoved, this,
                [&](const Result<OvhFailoverIpMoveResult>& r) { moved.emplace(r); });
        view.startSwitch(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Emergency);
        QVERIFY(!view.findChild<QPushButton*>(u"switchToMain"_s)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(moved.has_value(), 15000);
        QVERIFY2(moved->ok(), qPrintable(moved->ok() ? QString() : moved->error().message()));
        QCOMPARE(m_record.addresses, QList<QHostAddress>{m_backup});
        QCOMPARE(ovh.routedTo.value(block), backupService);
        QVERIFY2(view.progressText().contains(u"Switched to backup"_s),
                 qPrintable(view.progressText()));
        QVERIFY2(view.progressText().contains(
                     u"Moved the failover IP 203.0.113.5 to ns2222.ip-198-51-100.eu (backup)"_s),
                 qPrintable(view.progressText()));
        QCOMPARE(view.historyModel()->rowCount(), 2);
        QTRY_VERIFY2(view.failoverIpText().contains(u"points to backup"_s),
                     qPrintable(view.failoverIpText()));
        QVERIFY(view.findChild<QPushButton*>(u"switchToMain"_s)->isEnabled());

        // A failed OVH task is said, and the IP stays where it was.
        moved.reset();
        ovh.taskFinalStatus = u"ovhError"_s;
        ovh.taskPollsLeft = 0;
        server.setRecords({u"www.example.test. 60 IN A 192.0.2.10"_s});
        view.startSwitch(DnsSwitchRequest::Side::Main, DnsSwitchRequest::Mode::Emergency);
        QTRY_VERIFY_WITH_TIMEOUT(moved.has_value(), 15000);
        QVERIFY(!moved->ok());
        QCOMPARE(ovh.routedTo.value(block), backupService);
        QVERIFY2(view.progressText().contains(u"Move of the failover IP failed"_s),
                 qPrintable(view.progressText()));
        QCOMPARE(view.historyModel()->rowCount(), 4);
    }

    void locksSwitchUntilTheVaultIsOpen()
    {
        DnsTestServer server;
        QVERIFY(server.listen());
        DnsView view;
        view.setSite(site(server.port()), nullptr); // the real factory: RFC 2136
        bool asked = false;
        connect(&view, &DnsView::vaultNeeded, this, [&] { asked = true; });
        view.startSwitch(DnsSwitchRequest::Side::Backup, DnsSwitchRequest::Mode::Emergency);
        QVERIFY(asked);
        QVERIFY(!view.job());
        QVERIFY2(view.progressText().contains(u"Unlock the vault"_s),
                 qPrintable(view.progressText()));
    }
};

QTEST_MAIN(TestDnsView)
#include "tst_dnsview.moc"
