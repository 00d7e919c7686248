// The console's containers view against the lab's LXD, through the same
// path as the window (SiteConnections: SSH to each host, LXD's Unix
// socket): main lists `web` running with its address and its backup copy
// age; on a container of the test's own (relais-test-PID-view, from the
// lab's busybox image, deleted at the end) a snapshot taken from the view
// shows in the count and on the timeline, a restore confirmed in the
// dialog leaves a safety snapshot, stop and start change the status, the
// snapshot schedule is saved, and a running action can be cancelled.
#include "../support/ProcessRun.h"
#include "ContainerActionRunner.h"
#include "ContainersView.h"
#include "ErrorText.h"
#include "InstanceTableModel.h"
#include "SnapshotSettingsDialog.h"
#include "SnapshotTimeline.h"
#include "common/Database.h"
#include "common/SystemClock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdReplicationHistory.h"
#include "lxd/LxdReplicationJob.h"
#include "lxd/LxdSnapshotSettings.h"
#include "plan/SiteConnections.h"
#include "site/SiteDocument.h"
#include "ssh/RejectAllVerifier.h"
#include "vault/Vault.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <unistd.h>

using namespace relais;
using relais::test::labctl;

class TestContainersViewLab : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QJsonObject m_status;
    std::optional<Vault> m_vault;
    RejectAllVerifier m_verifier;
    std::optional<Site> m_site;
    std::unique_ptr<SiteConnections> m_connections;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<LxdReplicationHistory> m_history;
    std::unique_ptr<LxdClient> m_direct; ///< main's socket, to set up and check
    std::unique_ptr<LxdClient> m_backup; ///< backup's socket, to remove the copy
    std::unique_ptr<ContainersView> m_view;
    QString m_name;

    static QByteArray read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static Result<QJsonValue> run(LxdOperation* op, int timeoutMs = 120000)
    {
        std::optional<Result<QJsonValue>> result;
        QObject::connect(op, &LxdOperation::finished, op, [&] { result = op->result(); });
        op->start();
        (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
        op->deleteLater();
        if (!result)
            return Error(LxdError::Timeout, QStringLiteral("no result in time"));
        return *result;
    }

    static QByteArray why(const Result<QJsonValue>& r)
    {
        return r ? QByteArray() : r.error().toString().toUtf8();
    }

    QString cell(const QString& instance, int column) const
    {
        const InstanceTableModel* model = m_view->model();
        return model->data(model->index(model->rowOf(instance), column)).toString();
    }

    /// Runs @p trigger, waits for the action to end and for the listing
    /// that follows; the action's outcome.
    bool act(const std::function<void()>& trigger, int timeoutMs = 120000)
    {
        QSignalSpy finished(m_view.get(), &ContainersView::actionFinished);
        QSignalSpy refreshed(m_view.get(), &ContainersView::refreshed);
        QElapsedTimer timer;
        timer.start();
        trigger();
        if (!QTest::qWaitFor([&] { return !finished.isEmpty(); }, timeoutMs))
            return false;
        qInfo().noquote() << m_view->runner()->description() << "took" << timer.elapsed()
                          << "ms";
        (void)QTest::qWaitFor([&] { return !refreshed.isEmpty(); }, 60000);
        return finished.first().first().toBool();
    }

    QString why() const { return m_view->statusLabel()->text(); }

    QString lxdSocket(const char* host) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(host))
            .toObject()
            .value(QStringLiteral("lxd_socket"))
            .toString();
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root; run the suite as root");
        QVERIFY(m_tmp.isValid());
        qputenv("RELAIS_DATA_DIR", m_tmp.path().toUtf8());
        const test::ProcessRun up = labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status =
            labctl({QStringLiteral("status"), QStringLiteral("--json")}, 60000);
        m_status = QJsonDocument::fromJson(status.out.mid(status.out.indexOf('{'))).object();
        QCOMPARE(m_status.value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        const QString state = m_status.value(QStringLiteral("state_dir")).toString();
        QVERIFY(QFile::copy(state + QStringLiteral("/ssh/known_hosts"),
                            m_tmp.filePath(QStringLiteral("known_hosts"))));

        Result<Vault> vault = Vault::create(m_tmp.filePath(QStringLiteral("vault")),
                                            SecretBytes(QByteArrayView("containers view test")),
                                            KdfParams{10, 8, 1}, SystemClock::instance());
        QVERIFY(vault.ok());
        VaultEntry sshKey;
        sshKey.id = QStringLiteral("lab-ssh");
        sshKey.kind = VaultEntry::Kind::SshPrivateKey;
        sshKey.label = QStringLiteral("lab SSH key");
        const QByteArray labKey = read(m_status.value(QStringLiteral("secrets_dir")).toString() +
                                       QStringLiteral("/lab-ssh"));
        QVERIFY(labKey.contains("PRIVATE KEY"));
        sshKey.secret = SecretBytes(QByteArrayView(labKey));
        QVERIFY(vault->add(std::move(sshKey)).ok());
        m_vault = std::move(vault).value();
        Result<Site> site = SiteDocument::load(m_status.value(QStringLiteral("site")).toString());
        QVERIFY(site.ok());
        m_site = *site;
        m_connections = std::make_unique<SiteConnections>(*m_site, *m_vault, &m_verifier);

        // web was copied to the backup 5 minutes ago; the test's container never.
        auto db = Database::open(m_tmp.filePath(QStringLiteral("relais.db")));
        QVERIFY(db.ok());
        m_database = std::move(db).value();
        m_history = std::make_unique<LxdReplicationHistory>(*m_database, QStringLiteral("lab"));
        LxdReplicationRecord copy;
        copy.instance = QStringLiteral("web");
        copy.endedAt = QDateTime::currentDateTimeUtc().addSecs(-5 * 60 - 10);
        copy.startedAt = copy.endedAt.addSecs(-2);
        copy.outcome = LxdReplicationRecord::Outcome::Success;
        QVERIFY(m_history->record(copy).ok());

        m_direct = std::make_unique<LxdClient>(new LxdLocalTransport(lxdSocket("main")));
        m_backup = std::make_unique<LxdClient>(new LxdLocalTransport(lxdSocket("backup")));
        m_name = QStringLiteral("relais-test-%1-view").arg(::getpid());
        auto r = run(m_direct->createInstance(m_name, QStringLiteral("relais-busybox")));
        QVERIFY2(r, why(r).constData());
        r = run(m_direct->startInstance(m_name));
        QVERIFY2(r, why(r).constData());

        m_view = std::make_unique<ContainersView>(SystemClock::instance());
        m_view->setRefreshIntervalMs(10 * 60 * 1000); // the test refreshes by itself
        m_view->resize(900, 600);
        m_view->setReplicationHistory(m_history.get());
        SiteConnections* connections = m_connections.get();
        m_view->setClientProvider([connections](HostRole role) { return connections->lxd(role); });
        QSignalSpy refreshed(m_view.get(), &ContainersView::refreshed);
        m_view->show();
        QVERIFY(QTest::qWaitFor([&] { return !refreshed.isEmpty(); }, 60000));
        QVERIFY2(refreshed.first().first().toBool(), qPrintable(why()));
    }

    void cleanupTestCase()
    {
        m_view.reset();
        if (m_direct && !m_name.isEmpty()) {
            (void)run(m_direct->stopInstance(m_name, 0, true));
            (void)run(m_direct->deleteInstance(m_name));
        }
        if (m_backup && !m_name.isEmpty()) {
            for (const QString& name : {m_name, LxdReplicationJob::stagingName(m_name),
                                        LxdReplicationJob::previousName(m_name)}) {
                (void)run(m_backup->stopInstance(name, 0, true));
                (void)run(m_backup->deleteInstance(name));
            }
        }
        m_direct.reset();
        m_backup.reset();
        m_connections.reset();
        m_history.reset();
        m_database.reset();
        if (::geteuid() == 0)
            labctl({QStringLiteral("down")});
    }

    void listsWebOnMainRunningWithAnAddress()
    {
        QCOMPARE(m_view->host(), HostRole::Main);
        QVERIFY(m_view->model()->rowOf(QStringLiteral("web")) >= 0);
        QCOMPARE(cell(QStringLiteral("web"), InstanceTableModel::StatusColumn),
                 QStringLiteral("Running"));
        const QString ipv4 = cell(QStringLiteral("web"), InstanceTableModel::Ipv4Column);
        QVERIFY2(ipv4.count(QLatin1Char('.')) == 3, qPrintable(ipv4));
        QCOMPARE(cell(QStringLiteral("web"), InstanceTableModel::BackupCopyColumn),
                 QStringLiteral("5 min"));
        QCOMPARE(cell(m_name, InstanceTableModel::BackupCopyColumn), QStringLiteral("never"));
        QCOMPARE(cell(m_name, InstanceTableModel::StatusColumn), QStringLiteral("Running"));
        QVERIFY(!m_view->table()->isColumnHidden(InstanceTableModel::BackupCopyColumn));
    }

    void snapshotFromTheViewShowsOnTheTimeline()
    {
        QVERIFY(m_view->selectInstance(m_name));
        const int before = cell(m_name, InstanceTableModel::SnapshotsColumn).toInt();
        QVERIFY2(act([this] { m_view->takeSnapshot(QStringLiteral("view-s1")); }),
                 qPrintable(why()));
        QCOMPARE(cell(m_name, InstanceTableModel::SnapshotsColumn).toInt(), before + 1);
        QCOMPARE(m_view->selectedInstance(), m_name);
        const QList<LxdSnapshot>& marks = m_view->timeline()->snapshots();
        int index = -1;
        for (int i = 0; i < marks.size(); ++i) {
            if (marks.at(i).name == QLatin1String("view-s1"))
                index = i;
        }
        QVERIFY(index >= 0);
        const QRectF mark = m_view->timeline()->markRect(index);
        QVERIFY(m_view->timeline()->rect().contains(mark.center().toPoint()));
        QCOMPARE(m_view->timeline()->snapshotAt(mark.center().toPoint()), index);
        QVERIFY(m_view->timeline()->toolTipFor(index).contains(QLatin1String("view-s1")));
        QVERIFY(m_view->snapshotSelector()->findData(QStringLiteral("view-s1")) >= 0);
    }

    void restoreThroughTheViewTakesASafetySnapshot()
    {
        QVERIFY(m_view->selectInstance(m_name));
        QVERIFY(m_view->selectSnapshot(QStringLiteral("view-s1")));
        const int before = cell(m_name, InstanceTableModel::SnapshotsColumn).toInt();
        QVERIFY2(act([this] {
                     m_view->restoreSelected();
                     auto* box = m_view->findChild<QMessageBox*>(QStringLiteral("restoreConfirm"));
                     QVERIFY(box);
                     // Cancel is what Enter does.
                     QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
                     auto* restore =
                         box->findChild<QPushButton*>(QStringLiteral("restoreConfirmButton"));
                     QVERIFY(restore);
                     restore->click();
                 }),
                 qPrintable(why()));
        const QString safety = m_view->runner()->result()->value();
        QVERIFY2(safety.startsWith(QLatin1String("relais-before-restore-")), qPrintable(safety));
        QVERIFY2(why().contains(safety), qPrintable(why()));
        QCOMPARE(cell(m_name, InstanceTableModel::SnapshotsColumn).toInt(), before + 1);
        QVERIFY(m_view->snapshotSelector()->findData(safety) >= 0);
    }

    void stopAndStartChangeTheStatus()
    {
        QVERIFY(m_view->selectInstance(m_name));
        QVERIFY2(act([this] { m_view->forceStopSelected(); }), qPrintable(why()));
        QCOMPARE(cell(m_name, InstanceTableModel::StatusColumn), QStringLiteral("Stopped"));
        QVERIFY(m_view->selectInstance(m_name));
        QVERIFY2(act([this] { m_view->startSelected(); }), qPrintable(why()));
        QCOMPARE(cell(m_name, InstanceTableModel::StatusColumn), QStringLiteral("Running"));
    }

    void snapshotScheduleIsSaved()
    {
        QVERIFY(m_view->selectInstance(m_name));
        m_view->editSnapshotSettings();
        SnapshotSettingsDialog* dialog = nullptr;
        QVERIFY(QTest::qWaitFor(
            [&] {
                dialog = m_view->findChild<SnapshotSettingsDialog*>();
                return dialog != nullptr;
            },
            30000));
        dialog->scheduleEdit()->setText(QStringLiteral("@weekly"));
        dialog->expiryEdit()->setText(QStringLiteral("3d"));
        QVERIFY2(act([dialog] { dialog->accept(); }), qPrintable(why()));
        const auto r = run(m_direct->instance(m_name));
        QVERIFY2(r, why(r).constData());
        const auto settings = LxdSnapshotSettings::fromInstanceJson(*r);
        QVERIFY(settings);
        QCOMPARE(settings->schedule, QStringLiteral("@weekly"));
        QCOMPARE(settings->expiry, QStringLiteral("3d"));
    }

    void replicationShowsTheBackupCopyAge()
    {
        QVERIFY(m_view->selectInstance(m_name));
        QCOMPARE(cell(m_name, InstanceTableModel::BackupCopyColumn), QStringLiteral("never"));
        QVERIFY2(act([this] { m_view->replicateSelected(); }, 300000), qPrintable(why()));
        const QString age = cell(m_name, InstanceTableModel::BackupCopyColumn);
        QVERIFY2(age.endsWith(QLatin1String(" s")), qPrintable(age));
        const auto last = m_history->lastSuccess(m_name);
        QVERIFY(last && last->has_value());
        // The copy is on the backup, stopped.
        const auto copy = run(m_backup->instance(m_name));
        QVERIFY2(copy, why(copy).constData());
        QCOMPARE(copy->toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("Stopped"));

        // The backup's own list shows it, without a backup copy column.
        QSignalSpy refreshed(m_view.get(), &ContainersView::refreshed);
        m_view->setHost(HostRole::Backup);
        QVERIFY(QTest::qWaitFor([&] { return !refreshed.isEmpty(); }, 60000));
        QVERIFY2(refreshed.first().first().toBool(), qPrintable(why()));
        QCOMPARE(cell(m_name, InstanceTableModel::StatusColumn), QStringLiteral("Stopped"));
        QVERIFY(m_view->table()->isColumnHidden(InstanceTableModel::BackupCopyColumn));
        refreshed.clear();
        m_view->setHost(HostRole::Main);
        QVERIFY(QTest::qWaitFor([&] { return !refreshed.isEmpty(); }, 60000));
        QVERIFY(m_view->model()->rowOf(m_name) >= 0);
    }

    void aRunningActionCanBeCancelled()
    {
        QVERIFY(m_view->selectInstance(m_name));
        QVERIFY(m_view->runner() && !m_view->runner()->isRunning());
        QSignalSpy finished(m_view.get(), &ContainersView::actionFinished);
        m_view->stopSelected();
        QVERIFY(m_view->runner()->isRunning());
        QVERIFY(m_view->cancelButton()->isVisible());
        QTest::mouseClick(m_view->cancelButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 30000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(m_view->runner()->result()->error().is(LxdError::Cancelled));
        QVERIFY2(why().contains(ErrorText::summary(Error(LxdError::Cancelled))), qPrintable(why()));
        QVERIFY(!m_view->cancelButton()->isVisible());
        QTest::qWait(100);
        QCOMPARE(finished.size(), 1);
    }
};

int main(int argc, char** argv)
{
    // Widgets without a display, like the ui tests.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestContainersViewLab test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_containersview_lab.moc"
