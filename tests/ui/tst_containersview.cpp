#include "ContainerActionRunner.h"
#include "ContainersView.h"
#include "ErrorText.h"
#include "InstanceTableModel.h"
#include "NewSnapshotDialog.h"
#include "SnapshotSettingsDialog.h"
#include "SnapshotTimeline.h"
#include "common/Database.h"
#include "common/ManualClock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdReplicationHistory.h"
#include "lxd/LxdReplicationJob.h"
#include "lxd/LxdSafeRestoreJob.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolTip>

using namespace relais;

namespace {

/// A stand-in for LXD's Unix socket: answers the instance list with the
/// JSON fixture, and the requests given in answers (by their first line)
/// with their JSON, those given in failures with LXD's error; leaves every
/// other request unanswered (an operation that runs until cancelled).
class FakeLxd : public QObject
{
public:
    explicit FakeLxd(const QString& path)
    {
        QFile file(QStringLiteral(RELAIS_TEST_DATA_DIR "/lxd/instances-recursion2.json"));
        if (file.open(QIODevice::ReadOnly))
            m_list = file.readAll();
        m_server.listen(path);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, socket, [this, socket] { read(socket); });
            }
        });
    }

    bool isListening() const { return m_server.isListening(); }
    /// How many times the instance list was asked for.
    qsizetype listings() const
    {
        return std::count_if(requests.cbegin(), requests.cend(), [](const QByteArray& r) {
            return r.startsWith("GET /1.0/instances?recursion=2 ");
        });
    }

    /// Each request's first line, and its body.
    QList<QByteArray> requests;
    QList<QByteArray> bodies;
    /// A sync answer's metadata, by request line ("GET /1.0/instances/db HTTP/1.1").
    QHash<QByteArray, QJsonValue> answers;
    /// An error answer (HTTP status and LXD's text), by request line.
    QHash<QByteArray, QPair<int, QString>> failures;

private:
    void read(QLocalSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray& line : buffer.left(headEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        const QByteArray request = buffer.left(headEnd + 4 + length);
        buffer.remove(0, request.size());
        const QByteArray line = request.left(request.indexOf("\r\n"));
        requests << line;
        bodies << request.mid(headEnd + 4);
        QByteArray answer;
        QByteArray status = "200 OK";
        if (failures.contains(line)) {
            const QPair<int, QString> failure = failures.value(line);
            status = QByteArray::number(failure.first) + " Error";
            answer = QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                                               {QStringLiteral("error"), failure.second},
                                               {QStringLiteral("error_code"), failure.first}})
                         .toJson(QJsonDocument::Compact);
        } else if (line.startsWith("GET /1.0/instances?recursion=2 ")) {
            answer = m_list;
        } else if (answers.contains(line)) {
            answer =
                QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("sync")},
                                          {QStringLiteral("status"), QStringLiteral("Success")},
                                          {QStringLiteral("status_code"), 200},
                                          {QStringLiteral("metadata"), answers.value(line)}})
                    .toJson(QJsonDocument::Compact);
        }
        if (answer.isEmpty())
            return;
        socket->write("HTTP/1.1 " + status +
                      "\r\nContent-Type: application/json\r\n"
                      "Content-Length: " +
                      QByteArray::number(answer.size()) + "\r\nConnection: close\r\n\r\n" + answer);
        socket->disconnectFromServer();
    }

    QLocalServer m_server;
    QByteArray m_list;
    QHash<QLocalSocket*, QByteArray> m_buffers;
};

} // namespace

// The containers view's parts without a real LXD: the instance table from
// LXD's JSON, ages and "never", the snapshot timeline's geometry and
// tooltips, the snapshot dialogs, and the view when the vault is locked or
// LXD cannot be reached.
class TestContainersView : public QObject
{
    Q_OBJECT

    const QDateTime m_now{QDate(2026, 11, 22), QTime(5, 0), Qt::UTC};

    static QList<LxdInstance> fixture()
    {
        QFile file(QStringLiteral(RELAIS_TEST_DATA_DIR "/lxd/instances-recursion2.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QJsonValue metadata =
            QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("metadata"));
        auto list = LxdInstance::listFromJson(metadata);
        return list ? *list : QList<LxdInstance>();
    }

    static QString cell(const InstanceTableModel& model, int row, int column,
                        int role = Qt::DisplayRole)
    {
        return model.data(model.index(row, column), role).toString();
    }

    static QAction* action(QWidget& view, const char* name)
    {
        return view.findChild<QAction*>(QLatin1String(name));
    }

    /// db's config as LXD gives it, and an answer to the PATCH of it.
    static void answerDbSettings(FakeLxd& lxd)
    {
        lxd.answers.insert(
            "GET /1.0/instances/db HTTP/1.1",
            QJsonObject{{QStringLiteral("name"), QStringLiteral("db")},
                        {QStringLiteral("config"),
                         QJsonObject{{QStringLiteral("snapshots.expiry"), QStringLiteral("2w")}}},
                        {QStringLiteral("expanded_config"),
                         QJsonObject{{QStringLiteral("snapshots.expiry"), QStringLiteral("2w")}}}});
        lxd.answers.insert("PATCH /1.0/instances/db HTTP/1.1", QJsonObject());
    }

    static qsizetype patches(const FakeLxd& lxd)
    {
        return std::count_if(lxd.requests.cbegin(), lxd.requests.cend(), [](const QByteArray& r) {
            return r.startsWith("PATCH /1.0/instances/db ");
        });
    }

    static QJsonObject lastPatch(const FakeLxd& lxd)
    {
        for (qsizetype i = lxd.requests.size() - 1; i >= 0; --i) {
            if (lxd.requests.at(i).startsWith("PATCH "))
                return QJsonDocument::fromJson(lxd.bodies.at(i))
                    .object()
                    .value(QStringLiteral("config"))
                    .toObject();
        }
        return {};
    }

private slots:
    void rowsFromLxdJson()
    {
        const QList<LxdInstance> instances = fixture();
        QCOMPARE(instances.size(), 2);
        InstanceTableModel model;
        model.setInstances(instances, m_now);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(InstanceTableModel::ColumnCount));
        QCOMPARE(model.rowOf(QStringLiteral("db")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("mail")), -1);

        // web: running, one global IPv4, only a link-local IPv6 (not shown).
        QCOMPARE(cell(model, 0, InstanceTableModel::NameColumn), QStringLiteral("web"));
        QCOMPARE(cell(model, 0, InstanceTableModel::StatusColumn), QStringLiteral("Running"));
        QCOMPARE(cell(model, 0, InstanceTableModel::Ipv4Column), QStringLiteral("10.231.1.250"));
        QCOMPARE(cell(model, 0, InstanceTableModel::Ipv6Column), QString());
        QCOMPARE(cell(model, 0, InstanceTableModel::SnapshotsColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, 0, InstanceTableModel::NewestSnapshotColumn), QStringLiteral("none"));

        // db: stopped, two snapshots, the newest (auto-1) taken 2026-11-21 03:00:00.123.
        QCOMPARE(cell(model, 1, InstanceTableModel::StatusColumn), QStringLiteral("Stopped"));
        QCOMPARE(cell(model, 1, InstanceTableModel::Ipv4Column), QString());
        QCOMPARE(cell(model, 1, InstanceTableModel::SnapshotsColumn), QStringLiteral("2"));
        QCOMPARE(cell(model, 1, InstanceTableModel::NewestSnapshotColumn), QStringLiteral("25 h"));
        QVERIFY(cell(model, 1, InstanceTableModel::NewestSnapshotColumn, Qt::ToolTipRole)
                    .contains(QLatin1String("auto-1")));
        QCOMPARE(model.headerData(InstanceTableModel::BackupCopyColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Backup copy"));
    }

    void backupCopyAgeOrNever()
    {
        InstanceTableModel model;
        model.setInstances(fixture(), m_now);
        // Unknown (no history, or the backup's own rows): nothing said.
        QCOMPARE(cell(model, 0, InstanceTableModel::BackupCopyColumn), QString());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setBackupCopies(
            QHash<QString, QDateTime>{{QStringLiteral("web"), m_now.addSecs(-600)}});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cell(model, 0, InstanceTableModel::BackupCopyColumn), QStringLiteral("10 min"));
        QCOMPARE(cell(model, 1, InstanceTableModel::BackupCopyColumn), QStringLiteral("never"));
        QVERIFY(cell(model, 1, InstanceTableModel::BackupCopyColumn, Qt::ToolTipRole)
                    .contains(QLatin1String("Never")));

        model.setBackupCopies(std::nullopt);
        QCOMPARE(cell(model, 1, InstanceTableModel::BackupCopyColumn), QString());
    }

    void ages_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("future") << qint64(-5) << QStringLiteral("0 s");
        QTest::newRow("now") << qint64(0) << QStringLiteral("0 s");
        QTest::newRow("59 s") << qint64(59) << QStringLiteral("59 s");
        QTest::newRow("1 min") << qint64(60) << QStringLiteral("1 min");
        QTest::newRow("59 min") << qint64(3599) << QStringLiteral("59 min");
        QTest::newRow("1 h") << qint64(3600) << QStringLiteral("1 h");
        QTest::newRow("47 h") << qint64(47 * 3600 + 59) << QStringLiteral("47 h");
        QTest::newRow("2 d") << qint64(2 * 86400) << QStringLiteral("2 d");
        QTest::newRow("30 d") << qint64(30 * 86400 + 7) << QStringLiteral("30 d");
    }

    void ages()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(InstanceTableModel::ageText(seconds), text);
    }

    void timelinePlacesSnapshotsAndExpiries()
    {
        const LxdInstance db = fixture().value(1);
        QCOMPARE(db.snapshots.size(), 2);
        SnapshotTimeline timeline;
        timeline.resize(400, 60);
        timeline.setSnapshots(db.name, db.snapshots, m_now);
        QCOMPARE(timeline.snapshots().size(), 2);

        // auto-1 expires on 2026-12-05, after now: the axis reaches it.
        QCOMPARE(timeline.spanEnd(), QDateTime(QDate(2026, 12, 5), QTime(3, 0), Qt::UTC));
        QVERIFY(timeline.spanStart() < db.snapshots.at(0).createdAt);
        const QRectF oldest = timeline.markRect(0);
        const QRectF newest = timeline.markRect(1);
        QVERIFY(!oldest.isEmpty());
        QVERIFY(oldest.center().x() < newest.center().x());
        QVERIFY(timeline.xOf(m_now) > newest.center().x());
        QVERIFY(timeline.xOf(timeline.spanEnd()) > timeline.xOf(m_now));
        QVERIFY(timeline.rect().contains(oldest.toAlignedRect()));
        QVERIFY(timeline.markRect(2).isNull());

        QCOMPARE(timeline.snapshotAt(newest.center().toPoint()), 1);
        QCOMPARE(timeline.snapshotAt(oldest.center().toPoint()), 0);
        QCOMPARE(timeline.snapshotAt(QPoint(int(timeline.xOf(m_now)) + 20, 30)), -1);

        const QString tip = timeline.toolTipFor(1);
        QVERIFY2(tip.contains(QLatin1String("auto-1")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("expires")), qPrintable(tip));
        QVERIFY(timeline.toolTipFor(0).contains(QLatin1String("before-upgrade")));
        QVERIFY(timeline.toolTipFor(0).contains(QLatin1String("never expires")));

        // A click on a mark selects its snapshot.
        QSignalSpy clicked(&timeline, &SnapshotTimeline::snapshotClicked);
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, oldest.center().toPoint());
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).toString(), QStringLiteral("before-upgrade"));
        QCOMPARE(timeline.selected(), 0);
        QVERIFY(!timeline.grab().isNull());
    }

    void timelineWithoutSnapshots()
    {
        SnapshotTimeline timeline;
        timeline.resize(300, 60);
        timeline.setSnapshots(QStringLiteral("web"), {}, m_now);
        QCOMPARE(timeline.snapshotAt(QPoint(150, 30)), -1);
        QVERIFY(timeline.markRect(0).isNull());
        QVERIFY(timeline.accessibleDescription().contains(QLatin1String("web")));
        QVERIFY(!timeline.grab().isNull());
        timeline.clear();
        QVERIFY(timeline.snapshots().isEmpty());
    }

    void snapshotNameFromPattern()
    {
        const QDateTime t(QDate(2026, 11, 22), QTime(6, 30, 15), QTimeZone(3600));
        QCOMPARE(NewSnapshotDialog::expandPattern(QStringLiteral("relais-%Y%m%d-%H%M%S"), t),
                 QStringLiteral("relais-20261122-053015"));
        QCOMPARE(NewSnapshotDialog::expandPattern(QStringLiteral("a%%b%q%"), t),
                 QStringLiteral("a%b%q%"));

        NewSnapshotDialog dialog(QStringLiteral("web"), t);
        QCOMPARE(dialog.snapshotName(), QStringLiteral("relais-20261122-053015"));
        QVERIFY(!dialog.expiresAt().isValid());
        dialog.expiresCheck()->setChecked(true);
        dialog.daysSpin()->setValue(3);
        QCOMPARE(dialog.expiresAt(), t.addDays(3));
        dialog.nameEdit()->setText(QStringLiteral("a/b"));
        QVERIFY(!dialog.nameEdit()->hasAcceptableInput());
    }

    void snapshotSettingsEdited()
    {
        // The container sets only the expiry; a profile gives the schedule
        // and the pattern.
        const LxdSnapshotSettings own{QString(), QStringLiteral("2w"), QString()};
        const LxdSnapshotSettings effective{QStringLiteral("@daily"), QStringLiteral("2w"),
                                            QStringLiteral("auto-%d")};
        SnapshotSettingsDialog dialog(QStringLiteral("db"), own, effective);
        QCOMPARE(dialog.settings(), own);
        QCOMPARE(dialog.scheduleEdit()->text(), QString());
        QVERIFY2(dialog.scheduleEdit()->placeholderText().contains(QLatin1String("@daily")),
                 qPrintable(dialog.scheduleEdit()->placeholderText()));
        QVERIFY(dialog.patternEdit()->placeholderText().contains(QLatin1String("auto-%d")));
        QCOMPARE(dialog.expiryEdit()->text(), QStringLiteral("2w"));
        // Saved unchanged, nothing is written: the profile's values stay its own.
        QVERIFY(dialog.changedConfig().isEmpty());

        dialog.scheduleEdit()->setText(QStringLiteral(" 0 */6 * * * "));
        dialog.expiryEdit()->clear();
        QCOMPARE(dialog.settings(),
                 (LxdSnapshotSettings{QStringLiteral("0 */6 * * *"), QString(), QString()}));
        // Only the keys changed; an emptied one is removed.
        const QJsonObject changes = dialog.changedConfig();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.value(QStringLiteral("snapshots.schedule")).toString(),
                 QStringLiteral("0 */6 * * *"));
        QVERIFY(changes.contains(QStringLiteral("snapshots.expiry")));
        QCOMPARE(changes.value(QStringLiteral("snapshots.expiry")).toString(), QString());
        QVERIFY(!changes.contains(QStringLiteral("snapshots.pattern")));
    }

    // The schedule dialog of the view: the container's own keys in the
    // fields, the profile's in the placeholders, only the changes sent.
    void snapshotSettingsKeepTheProfilesValues()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        lxd.answers.insert(
            "GET /1.0/instances/db HTTP/1.1",
            QJsonObject{
                {QStringLiteral("name"), QStringLiteral("db")},
                {QStringLiteral("config"),
                 QJsonObject{{QStringLiteral("snapshots.expiry"), QStringLiteral("2w")}}},
                {QStringLiteral("expanded_config"),
                 QJsonObject{{QStringLiteral("snapshots.schedule"), QStringLiteral("@daily")},
                             {QStringLiteral("snapshots.expiry"), QStringLiteral("2w")},
                             {QStringLiteral("snapshots.pattern"), QStringLiteral("auto-%d")}}}});
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        ManualClock clock(m_now);
        ContainersView view(clock);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        view.setClientProvider([&client](HostRole) -> Result<LxdClient*> { return &client; });
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));

        view.editSnapshotSettings();
        SnapshotSettingsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = view.findChild<SnapshotSettingsDialog*>()) != nullptr);
        QCOMPARE(dialog->scheduleEdit()->text(), QString());
        QVERIFY(dialog->scheduleEdit()->placeholderText().contains(QLatin1String("@daily")));
        QCOMPARE(dialog->expiryEdit()->text(), QStringLiteral("2w"));
        QCOMPARE(dialog->patternEdit()->text(), QString());

        dialog->expiryEdit()->setText(QStringLiteral("3d"));
        dialog->accept();
        QTRY_VERIFY(lxd.requests.last().startsWith("PATCH /1.0/instances/db "));
        const QJsonObject body = QJsonDocument::fromJson(lxd.bodies.last()).object();
        QCOMPARE(body.value(QStringLiteral("config")).toObject(),
                 (QJsonObject{{QStringLiteral("snapshots.expiry"), QStringLiteral("3d")}}));
        view.setClientProvider({});
    }

    void lockedViewAsksForTheVault()
    {
        ManualClock clock(m_now);
        ContainersView view(clock);
        view.show();
        auto* locked = view.findChild<QLabel*>(QStringLiteral("containersLocked"));
        QVERIFY(locked);
        QVERIFY(locked->isVisible());
        QVERIFY(locked->text().contains(QLatin1String("Unlock the vault")));
        for (const char* name : {"containerStart", "containerStop", "containerSnapshot",
                                 "containerRestore", "containerReplicate", "containersRefresh"}) {
            QVERIFY2(action(view, name), name);
            QVERIFY2(!action(view, name)->isEnabled(), name);
        }
        QSignalSpy needed(&view, &ContainersView::vaultNeeded);
        auto* unlock = view.findChild<QPushButton*>(QStringLiteral("containersUnlock"));
        QVERIFY(unlock);
        unlock->click();
        QCOMPARE(needed.size(), 1);
    }

    void providerErrorIsShown()
    {
        ManualClock clock(m_now);
        ContainersView view(clock);
        view.setClientProvider([](HostRole role) -> Result<LxdClient*> {
            return Error(LxdError::Unreachable,
                         QStringLiteral("no endpoint for %1").arg(int(role)));
        });
        view.show();
        QVERIFY(!view.findChild<QLabel*>(QStringLiteral("containersLocked"))->isVisible());
        QVERIFY(action(view, "containersRefresh")->isEnabled());
        const QString text = view.statusLabel()->text();
        QVERIFY2(text.contains(ErrorText::summary(Error(LxdError::Unreachable))), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("no endpoint for 0")), qPrintable(text));
        // Nothing selected, nothing to act on.
        QVERIFY(!action(view, "containerStart")->isEnabled());

        // Back to locked: the view says so again.
        view.setClientProvider({});
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("containersLocked"))->isVisible());
    }

    void unreachableLxdIsSaidWithItsWords()
    {
        QTemporaryDir dir;
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("no.socket"))));
        ManualClock clock(m_now);
        ContainersView view(clock);
        view.setRefreshIntervalMs(60000);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        view.setClientProvider([&client](HostRole) -> Result<LxdClient*> { return &client; });
        view.show();
        QVERIFY(refreshed.wait(10000) || refreshed.size() == 1);
        QCOMPARE(refreshed.at(0).at(0).toBool(), false);
        QVERIFY(!view.isRefreshing());
        QVERIFY2(
            view.statusLabel()->text().contains(ErrorText::summary(Error(LxdError::Unreachable))),
            qPrintable(view.statusLabel()->text()));
        QCOMPARE(view.model()->rowCount(), 0);
        // The backup column is for main's rows only.
        view.setHost(HostRole::Backup);
        QVERIFY(view.table()->isColumnHidden(InstanceTableModel::BackupCopyColumn));
        QVERIFY(refreshed.wait(10000) || refreshed.size() == 2);
    }

    void actionsFollowTheSelectedInstance()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        QVERIFY(lxd.isListening());
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        ManualClock clock(m_now);
        ContainersView view(clock);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        view.setClientProvider([&client](HostRole) -> Result<LxdClient*> { return &client; });
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY2(refreshed.at(0).at(0).toBool(), qPrintable(view.statusLabel()->text()));
        QCOMPARE(view.model()->rowCount(), 2);

        // Running web: stop, not start; no snapshot to restore.
        QVERIFY(view.selectInstance(QStringLiteral("web")));
        QVERIFY(!action(view, "containerStart")->isEnabled());
        QVERIFY(action(view, "containerStop")->isEnabled());
        QVERIFY(action(view, "containerForceStop")->isEnabled());
        QVERIFY(!action(view, "containerRestore")->isEnabled());
        QVERIFY(action(view, "containerReplicate")->isEnabled());
        QVERIFY(view.timeline()->snapshots().isEmpty());

        // Stopped db: start; its newest snapshot is chosen, and on the timeline.
        QVERIFY(view.selectInstance(QStringLiteral("db")));
        QVERIFY(action(view, "containerStart")->isEnabled());
        QVERIFY(!action(view, "containerStop")->isEnabled());
        QCOMPARE(view.selectedSnapshot(), QStringLiteral("auto-1"));
        QCOMPARE(view.timeline()->snapshots().size(), 2);
        QCOMPARE(view.timeline()->selected(), 1);
        QVERIFY(action(view, "containerRestore")->isEnabled());
        QVERIFY(view.selectSnapshot(QStringLiteral("before-upgrade")));
        QCOMPARE(view.timeline()->selected(), 0);

        // The restore asks first, Cancel being the default: cancelled, nothing is sent.
        const qsizetype before = lxd.requests.size();
        view.restoreSelected();
        auto* box = view.findChild<QMessageBox*>(QStringLiteral("restoreConfirm"));
        QVERIFY(box);
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QVERIFY(box->text().contains(QLatin1String("before-upgrade")));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(50);
        QVERIFY(!view.runner()->isRunning());
        QCOMPARE(lxd.requests.size(), before);
    }

    void keysMenuProgressAndTooltips()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        ManualClock clock(m_now);
        ContainersView view(clock);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        view.setClientProvider([&client](HostRole) -> Result<LxdClient*> { return &client; });
        view.resize(900, 600);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));

        // The keyboard, with the focus in the view: Ctrl+Shift+N asks for a snapshot.
        view.table()->setFocus();
        QTest::keyClick(view.table(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        auto* dialog = view.findChild<NewSnapshotDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->snapshotName().startsWith(QLatin1String("relais-20261122-0500")));
        dialog->reject();

        // The table's context menu offers the actions.
        const QRect row = view.table()->visualRect(view.model()->index(0, 0));
        emit view.table()->customContextMenuRequested(row.center());
        auto* menu = view.findChild<QMenu*>(QStringLiteral("containersMenu"));
        QVERIFY(menu);
        QVERIFY(menu->actions().contains(action(view, "containerRestore")));
        QVERIFY(menu->actions().contains(action(view, "containerForceStop")));
        QCOMPARE(view.selectedInstance(), QStringLiteral("web")); // the row clicked
        menu->close();

        // LXD's progress: its text after the action's, its percentage on the bar.
        view.startSelected();
        QVERIFY(view.runner()->isRunning());
        auto* bar = view.findChild<QProgressBar*>(QStringLiteral("containersProgress"));
        QVERIFY(bar && bar->isVisible());
        emit view.runner()->progress(QStringLiteral("rootfs: 40% (12MB/s)"), 40);
        QCOMPARE(bar->maximum(), 100);
        QCOMPARE(bar->value(), 40);
        QVERIFY(view.statusLabel()->text().contains(QLatin1String("rootfs: 40%")));
        QVERIFY(view.statusLabel()->text().contains(QLatin1String("web")));
        view.cancelAction();
        QVERIFY(!bar->isVisible());

        // A mark's tooltip, through Qt's tooltip event.
        QVERIFY(view.selectInstance(QStringLiteral("db")));
        SnapshotTimeline* timeline = view.timeline();
        const QPoint at = timeline->markRect(1).center().toPoint();
        QHelpEvent help(QEvent::ToolTip, at, timeline->mapToGlobal(at));
        QApplication::sendEvent(timeline, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QLatin1String("auto-1")), qPrintable(QToolTip::text()));
        QToolTip::hideText();
    }

    void aLockWaitsForTheRunningAction()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        ManualClock clock(m_now);
        ContainersView view(clock);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        view.setClientProvider([&client](HostRole) -> Result<LxdClient*> { return &client; });
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));

        // The start never ends on this LXD: it runs until cancelled.
        QSignalSpy finished(&view, &ContainersView::actionFinished);
        QSignalSpy released(&view, &ContainersView::clientProviderReleased);
        view.startSelected();
        QVERIFY(view.runner()->isRunning());
        QVERIFY(view.cancelButton()->isVisible());
        QVERIFY(!action(view, "containerSnapshot")->isEnabled());
        QTRY_VERIFY(lxd.requests.size() >= 2);
        QVERIFY(lxd.requests.last().startsWith("PUT /1.0/instances/db/state"));

        // The vault locks: the action goes on with its client...
        view.releaseClientProviderWhenIdle();
        QVERIFY(view.isReleasePending());
        QVERIFY(view.hasClientProvider());
        QCOMPARE(released.size(), 0);
        QVERIFY(!view.findChild<QLabel*>(QStringLiteral("containersLocked"))->isVisible());

        // ...until it ends (here cancelled): then the view lets go.
        QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(view.runner()->result()->error().is(LxdError::Cancelled));
        QCOMPARE(released.size(), 1);
        QVERIFY(!view.hasClientProvider());
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("containersLocked"))->isVisible());

        // Idle, a lock lets go at once.
        view.setClientProvider([&client](HostRole) -> Result<LxdClient*> { return &client; });
        view.releaseClientProviderWhenIdle();
        QCOMPARE(released.size(), 2);
        QVERIFY(!view.hasClientProvider());
    }

    // A lock that waited for an action: once unlocked again, the list is
    // read every interval again; while the release waits, nothing lists.
    void theListRefreshesAgainAfterALockThatWaited()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        const auto provider = [&client](HostRole) -> Result<LxdClient*> {
            return &client;
        };
        ManualClock clock(m_now);
        ContainersView view(clock);
        view.setRefreshIntervalMs(60000);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        view.setClientProvider(provider);
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.isAutoRefreshing());
        QVERIFY(view.selectInstance(QStringLiteral("db")));

        view.startSelected();
        QVERIFY(view.runner()->isRunning());
        view.releaseClientProviderWhenIdle();
        QVERIFY(view.isReleasePending());
        QVERIFY(!view.isAutoRefreshing());
        QVERIFY(!view.refreshAction()->isEnabled());
        const qsizetype listings = lxd.listings();
        view.refresh();
        QVERIFY(!view.isRefreshing());
        QTest::qWait(50);
        QCOMPARE(lxd.listings(), listings);

        // Unlocked again before the action ends: the same provider stays.
        view.setClientProvider(provider);
        QVERIFY(!view.isReleasePending());
        QVERIFY(view.isAutoRefreshing());
        QVERIFY(view.refreshAction()->isEnabled());

        // Locked again, the action ends, then unlocked.
        view.releaseClientProviderWhenIdle();
        view.cancelAction();
        QVERIFY(!view.hasClientProvider());
        QVERIFY(!view.isAutoRefreshing());
        view.setClientProvider(provider);
        QVERIFY(view.isAutoRefreshing());
        QVERIFY(view.isRefreshing());
    }

    // An action that ends while a listing runs: that listing may not show
    // what it changed, so the host is listed again.
    void anActionsEndListsAgainAfterARunningListing()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        ManualClock clock(m_now);
        ContainersView view(clock);
        view.setRefreshIntervalMs(60000);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        view.setClientProvider([&client](HostRole) -> Result<LxdClient*> { return &client; });
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));

        view.startSelected();
        const qsizetype listings = lxd.listings();
        view.refresh(); // the periodic listing, say
        QVERIFY(view.isRefreshing());
        view.cancelAction();
        QVERIFY(!view.runner()->isRunning());
        // The listing on its way is followed by a new one, whose list shows.
        QTRY_COMPARE(lxd.listings(), listings + 2);
        QTRY_VERIFY(!view.isRefreshing());
        QCOMPARE(refreshed.size(), 2);
        QTest::qWait(50);
        QCOMPARE(lxd.listings(), listings + 2);
    }

    // Cancel is offered only where it works: not for what LXD refuses to
    // cancel (a snapshot, a restore under way) nor while the replication
    // puts the new copy in place. The button says why.
    void cancelOnlyWhereItWorks()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        const auto provider = [&client](HostRole) -> Result<LxdClient*> {
            return &client;
        };
        ManualClock clock(m_now);
        ContainersView view(clock);
        view.setRefreshIntervalMs(60000);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        QSignalSpy finished(&view, &ContainersView::actionFinished);
        view.setClientProvider(provider);
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));

        // A snapshot: LXD goes on whatever is asked.
        view.takeSnapshot(QStringLiteral("s1"));
        QVERIFY(view.runner()->isRunning());
        QVERIFY(!view.runner()->canCancel());
        QVERIFY(view.cancelButton()->isVisible());
        QVERIFY(!view.cancelButton()->isEnabled());
        QVERIFY(!view.cancelButton()->toolTip().isEmpty());
        view.cancelAction();
        QVERIFY(view.runner()->isRunning());
        QVERIFY(view.statusLabel()->text().contains(QLatin1String("s1")));
        // The site closes: the action is let go all the same.
        view.setClientProvider({});
        QVERIFY(!view.runner()->isRunning());
        QCOMPARE(finished.size(), 1);

        // A safe restore: cancellable until the restore itself begins.
        view.setClientProvider(provider);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));
        view.restoreSelected();
        auto* box = view.findChild<QMessageBox*>(QStringLiteral("restoreConfirm"));
        QVERIFY(box);
        box->findChild<QPushButton*>(QStringLiteral("restoreConfirmButton"))->click();
        QTRY_VERIFY(view.runner()->isRunning());
        QVERIFY(view.runner()->canCancel());
        QVERIFY(view.cancelButton()->isEnabled());
        QVERIFY(view.cancelButton()->toolTip().isEmpty());
        auto* restore = view.runner()->findChild<LxdSafeRestoreJob*>();
        QVERIFY(restore);
        emit restore->stepChanged(LxdSafeRestoreJob::Step::Restore);
        QVERIFY(!view.runner()->canCancel());
        QVERIFY(!view.cancelButton()->isEnabled());
        QVERIFY2(view.cancelButton()->toolTip().contains(QLatin1String("restore")),
                 qPrintable(view.cancelButton()->toolTip()));
        view.cancelAction();
        QVERIFY(view.runner()->isRunning());
        QCOMPARE(finished.size(), 1);
        view.setClientProvider({});
        QVERIFY(!view.runner()->isRunning());

        // A replication: cancellable, but not once the copies are swapped.
        view.setClientProvider(provider);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));
        view.replicateSelected();
        QVERIFY(view.runner()->isRunning());
        QVERIFY(view.cancelButton()->isEnabled());
        auto* replication = view.runner()->findChild<LxdReplicationJob*>();
        QVERIFY(replication);
        emit replication->stageChanged(LxdReplicationJob::Stage::Swapping);
        QVERIFY(!view.runner()->canCancel());
        QVERIFY(!view.cancelButton()->isEnabled());
        QVERIFY(!view.cancelButton()->toolTip().isEmpty());
        view.setClientProvider({});
        QVERIFY(!view.runner()->isRunning());

        // A new action may be cancelled again.
        view.setClientProvider(provider);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));
        view.startSelected();
        QVERIFY(view.runner()->canCancel());
        QVERIFY(view.cancelButton()->isEnabled());
        view.cancelAction();
        QVERIFY(view.runner()->result()->error().is(LxdError::Cancelled));
    }

    // The Cancel button keeps its Alt key and has Escape as well.
    void cancelHasItsMnemonicAndEscape()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        ManualClock clock(m_now);
        ContainersView view(clock);
        QCOMPARE(view.cancelButton()->shortcut(),
                 QKeySequence::mnemonic(view.cancelButton()->text()));
        QVERIFY(!view.cancelButton()->shortcut().isEmpty());
        auto* escape = view.findChild<QShortcut*>(QStringLiteral("containersCancelShortcut"));
        QVERIFY(escape);
        QCOMPARE(escape->key(), QKeySequence(Qt::Key_Escape));
        QVERIFY(!escape->isEnabled()); // nothing to cancel

        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        view.setClientProvider([&client](HostRole) -> Result<LxdClient*> { return &client; });
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));
        view.startSelected();
        QVERIFY(view.runner()->isRunning());
        QVERIFY(escape->isEnabled());
        view.table()->setFocus();
        QTest::keyClick(view.table(), Qt::Key_Escape);
        QVERIFY(!view.runner()->isRunning());
        QVERIFY(view.runner()->result()->error().is(LxdError::Cancelled));
        QVERIFY(!escape->isEnabled());
    }

    // The site closes during a replication that waits for the backup to
    // stop: the job goes at once, the view is free again, and neither the
    // clients nor the history are touched afterwards.
    void closingDuringAReplicationLetsItGo()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        auto main = std::make_unique<LxdClient>(
            new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        auto backup = std::make_unique<LxdClient>(
            new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        ManualClock clock(m_now);
        auto db = Database::open(dir.filePath(QStringLiteral("relais.db")), clock);
        QVERIFY(db.ok());
        auto history = std::make_unique<LxdReplicationHistory>(**db, QStringLiteral("site"));
        ContainersView view(clock);
        view.setRefreshIntervalMs(60000);
        view.setReplicationHistory(history.get());
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        QSignalSpy finished(&view, &ContainersView::actionFinished);
        view.setClientProvider([&main, &backup](HostRole role) -> Result<LxdClient*> {
            return role == HostRole::Main ? main.get() : backup.get();
        });
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("web")));

        view.replicateSelected();
        QVERIFY(view.runner()->isRunning());
        QPointer<LxdReplicationJob> job = view.runner()->findChild<LxdReplicationJob*>();
        QVERIFY(job);
        // Both sides are being read; LXD never answers here.
        QTRY_VERIFY(lxd.requests.contains("GET /1.0/instances?recursion=1 HTTP/1.1"));
        // A cancel waits for the backup's request to end.
        view.cancelAction();
        QVERIFY(view.runner()->isRunning());
        QCOMPARE(finished.size(), 0);

        // The site closes: its clients and history go right after.
        view.setClientProvider({});
        QVERIFY(!view.runner()->isRunning());
        QVERIFY(job.isNull());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(view.runner()->result()->error().is(LxdError::Cancelled));
        view.setReplicationHistory(nullptr);
        main.reset();
        backup.reset();
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        const auto recent = history->recent();
        QVERIFY(recent.ok());
        QVERIFY(recent->isEmpty());
        history.reset();
        QTest::qWait(50);
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("containersLocked"))->isVisible());
    }

    // Settings saved while an action runs (it started with the dialog
    // open) wait for its end, then go to LXD: never dropped. The action's
    // outcome stays in sight.
    void snapshotSettingsSavedDuringAnActionWaitForItsEnd()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        answerDbSettings(lxd);
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        ManualClock clock(m_now);
        ContainersView view(clock);
        view.setRefreshIntervalMs(60000);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        QSignalSpy finished(&view, &ContainersView::actionFinished);
        view.setClientProvider([&client](HostRole) -> Result<LxdClient*> { return &client; });
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));

        view.editSnapshotSettings();
        SnapshotSettingsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = view.findChild<SnapshotSettingsDialog*>()) != nullptr);
        // An action starts while the dialog is open; it runs until cancelled.
        view.startSelected();
        QVERIFY(view.runner()->isRunning());
        dialog->expiryEdit()->setText(QStringLiteral("3d"));
        dialog->accept();
        QCOMPARE(view.queuedSettingsSaves(), 1);
        QVERIFY(view.hasUnsavedSettings(HostRole::Main, QStringLiteral("db")));
        QString text = view.statusLabel()->text();
        QVERIFY2(text.contains(QLatin1String("will be saved when the running action ends")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Starting db")), qPrintable(text));
        // Progress of the action keeps the note.
        emit view.runner()->progress(QStringLiteral("rootfs: 40%"), 40);
        QVERIFY(view.statusLabel()->text().contains(QLatin1String("will be saved")));
        QTest::qWait(50);
        QCOMPARE(patches(lxd), 0);

        // The action ends (cancelled here): the settings are written then.
        view.cancelAction();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QTRY_COMPARE(patches(lxd), 1);
        QCOMPARE(lastPatch(lxd),
                 (QJsonObject{{QStringLiteral("snapshots.expiry"), QStringLiteral("3d")}}));
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(finished.at(1).at(0).toBool());
        QCOMPARE(view.queuedSettingsSaves(), 0);
        QVERIFY(!view.hasUnsavedSettings(HostRole::Main, QStringLiteral("db")));
        text = view.statusLabel()->text();
        QVERIFY2(text.contains(QLatin1String("Saving the snapshot settings of db: done.")),
                 qPrintable(text));
        // What happened to the action the save waited for is still said.
        QVERIFY2(text.contains(QLatin1String("Starting db")), qPrintable(text));
        QVERIFY2(text.contains(ErrorText::summary(Error(LxdError::Cancelled))), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("will be saved")), qPrintable(text));
        view.setClientProvider({});
    }

    // Settings that cannot be written (the vault locked while the dialog was
    // open) are said not saved, and what was typed comes back in the dialog.
    void snapshotSettingsNotSavedAreSaidAndKept()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        answerDbSettings(lxd);
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        const auto provider = [&client](HostRole) -> Result<LxdClient*> {
            return &client;
        };
        ManualClock clock(m_now);
        ContainersView view(clock);
        view.setRefreshIntervalMs(60000);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        view.setClientProvider(provider);
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));

        view.editSnapshotSettings();
        QPointer<SnapshotSettingsDialog> dialog;
        QTRY_VERIFY((dialog = view.findChild<SnapshotSettingsDialog*>()) != nullptr);
        QVERIFY(!dialog->unsavedNote()->isVisibleTo(dialog));
        view.setClientProvider({}); // the vault locks
        dialog->expiryEdit()->setText(QStringLiteral("3d"));
        dialog->scheduleEdit()->setText(QStringLiteral("@hourly"));
        dialog->accept();
        QTest::qWait(50);
        QCOMPARE(patches(lxd), 0);
        QVERIFY(view.hasUnsavedSettings(HostRole::Main, QStringLiteral("db")));
        QTRY_VERIFY(dialog.isNull());

        // Unlocked: the view says so, and the dialog shows what was typed.
        view.setClientProvider(provider);
        QVERIFY(refreshed.wait(10000));
        const QString text = view.statusLabel()->text();
        QVERIFY2(text.contains(QLatin1String("The snapshot settings of db were not saved")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("the vault was locked")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("What you typed is kept")), qPrintable(text));
        QVERIFY(view.selectInstance(QStringLiteral("db")));
        view.editSnapshotSettings();
        QTRY_VERIFY((dialog = view.findChild<SnapshotSettingsDialog*>()) != nullptr);
        QCOMPARE(dialog->expiryEdit()->text(), QStringLiteral("3d"));
        QCOMPARE(dialog->scheduleEdit()->text(), QStringLiteral("@hourly"));
        QVERIFY(dialog->unsavedNote()->isVisibleTo(dialog));
        dialog->accept();
        QTRY_COMPARE(patches(lxd), 1);
        QCOMPARE(lastPatch(lxd),
                 (QJsonObject{{QStringLiteral("snapshots.expiry"), QStringLiteral("3d")},
                              {QStringLiteral("snapshots.schedule"), QStringLiteral("@hourly")}}));
        QTRY_VERIFY(!view.hasUnsavedSettings(HostRole::Main, QStringLiteral("db")));
        QTRY_VERIFY(view.statusLabel()->text().contains(
            QLatin1String("Saving the snapshot settings of db: done.")));
        view.setClientProvider({});
    }

    // An action fails, then the listing after it fails too: both are said,
    // the action's failure first; a listing that works again clears only
    // its own error.
    void aFailedActionStaysInSightWhenTheListingFailsToo()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        ManualClock clock(m_now);
        ContainersView view(clock);
        view.setRefreshIntervalMs(60000);
        QSignalSpy refreshed(&view, &ContainersView::refreshed);
        QSignalSpy finished(&view, &ContainersView::actionFinished);
        view.setClientProvider([&client](HostRole) -> Result<LxdClient*> { return &client; });
        view.show();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(view.selectInstance(QStringLiteral("db")));

        const QByteArray list = "GET /1.0/instances?recursion=2 HTTP/1.1";
        lxd.failures.insert("PUT /1.0/instances/db/state HTTP/1.1",
                            {409, QStringLiteral("The instance is busy with another operation")});
        lxd.failures.insert(list, {500, QStringLiteral("database is locked")});
        refreshed.clear();
        view.startSelected();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(refreshed.wait(10000)); // the listing after the action
        QCOMPARE(refreshed.last().at(0).toBool(), false);
        QString text = view.statusLabel()->text();
        QVERIFY2(text.contains(QLatin1String("Starting db")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("The instance is busy with another operation")),
                 qPrintable(text));
        QVERIFY2(text.contains(ErrorText::summary(Error(LxdError::Rejected))), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Cannot list the containers of Main.")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("database is locked")), qPrintable(text));
        QVERIFY(text.indexOf(QLatin1String("busy")) < text.indexOf(QLatin1String("database")));

        // The listing works again: its error goes, the action's failure stays.
        lxd.failures.remove(list);
        view.refresh();
        QVERIFY(refreshed.wait(10000));
        QVERIFY(refreshed.last().at(0).toBool());
        text = view.statusLabel()->text();
        QVERIFY2(text.contains(QLatin1String("The instance is busy with another operation")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("database is locked")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("Cannot list")), qPrintable(text));
    }

    void runnerAbortEndsAtOnce()
    {
        QTemporaryDir dir;
        FakeLxd lxd(dir.filePath(QStringLiteral("lxd.socket")));
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("lxd.socket"))));
        ContainerActionRunner runner;
        QSignalSpy finished(&runner, &ContainerActionRunner::finished);
        runner.abort(); // idle: nothing
        QCOMPARE(finished.size(), 0);
        runner.run(QStringLiteral("Starting web…"), client.startInstance(QStringLiteral("web")));
        QPointer<QObject> op = runner.findChild<LxdOperation*>();
        QVERIFY(op);
        runner.abort();
        QVERIFY(!runner.isRunning());
        QVERIFY(op.isNull());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(runner.result()->error().is(LxdError::Cancelled));
        runner.abort();
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
    }

    void runnerReportsFailureAndCancel()
    {
        QTemporaryDir dir;
        LxdClient client(new LxdLocalTransport(dir.filePath(QStringLiteral("no.socket"))));
        ContainerActionRunner runner;
        QSignalSpy started(&runner, &ContainerActionRunner::started);
        QSignalSpy finished(&runner, &ContainerActionRunner::finished);
        runner.run(QStringLiteral("Starting web…"), client.startInstance(QStringLiteral("web")));
        QVERIFY(runner.isRunning());
        QCOMPARE(started.size(), 1);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!runner.isRunning());
        QVERIFY(runner.result()->error().is(LxdError::Unreachable));

        runner.run(QStringLiteral("Stopping web…"), client.stopInstance(QStringLiteral("web"), 30));
        runner.cancel();
        QVERIFY(finished.size() == 2 || finished.wait(10000));
        QVERIFY(runner.result()->error().is(LxdError::Cancelled));
        QTest::qWait(50); // a second finished() would show here
        QCOMPARE(finished.size(), 2);
    }
};

QTEST_MAIN(TestContainersView)
#include "tst_containersview.moc"
