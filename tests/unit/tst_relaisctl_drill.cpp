#include "../support/ProcessRun.h"
#include "common/Database.h"
#include "common/Paths.h"
#include "plan/DrillJournal.h"
#include "plan/DrillPlanner.h"
#include "site/SiteDocument.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using relais::test::ProcessRun;

namespace {

const QString PlanSite = QStringLiteral(RELAIS_TEST_DATA_DIR "/site/good/plan.json");

} // namespace

class TestRelaisctlDrill : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;

    ProcessRun relaisctl(const QStringList& arguments)
    {
        return test::runProcess(QStringLiteral(RELAIS_RELAISCTL), arguments, 60000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        // relaisctl inherits this: its journal is the test's.
        qputenv("RELAIS_DATA_DIR", m_data.path().toUtf8());
    }

    void planListsTheStepsInOrder()
    {
        const ProcessRun run =
            relaisctl({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("drill"),
                       QStringLiteral("plan"), QStringLiteral("--site"), PlanSite,
                       QStringLiteral("--mode"), QStringLiteral("failback")});
        QCOMPARE(run.exitCode, 0);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.startsWith(QStringLiteral("Failback of Site with a recovery plan: 11 steps")),
                 qPrintable(out));
        QVERIFY(out.indexOf(QStringLiteral("Stop web on backup")) <
                out.indexOf(QStringLiteral("Stop db on backup")));
        QVERIFY(out.contains(QStringLiteral("after: /usr/local/bin/adapt-data")));
    }

    void planAsJson()
    {
        const ProcessRun run =
            relaisctl({QStringLiteral("drill"), QStringLiteral("plan"), QStringLiteral("--site"),
                       PlanSite, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("rehearsal"));
        const QJsonArray steps = o.value(QStringLiteral("steps")).toArray();
        QCOMPARE(steps.size(), 11);
        QCOMPARE(steps.first().toObject().value(QStringLiteral("action")).toString(),
                 QStringLiteral("clone-for-drill"));
        QCOMPARE(o.value(QStringLiteral("decisions")).toArray().size(), 1);
    }

    void badInputGetsAClearError()
    {
        ProcessRun run =
            relaisctl({QStringLiteral("drill"), QStringLiteral("plan"), QStringLiteral("--site"),
                       PlanSite, QStringLiteral("--mode"), QStringLiteral("chaos")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("Unknown mode \"chaos\""));
        run = relaisctl({QStringLiteral("drill"), QStringLiteral("plan"), QStringLiteral("--site"),
                         QStringLiteral(RELAIS_TEST_DATA_DIR "/site/good/lab.json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("no recovery plan"));
        run = relaisctl({QStringLiteral("drill"), QStringLiteral("plan")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--site"));
        run = relaisctl({QStringLiteral("drill"), QStringLiteral("report"),
                         QStringLiteral("--site"), PlanSite, QStringLiteral("99")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("No drill 99"));
    }

    void historyAndReportReadTheJournal()
    {
        qint64 id = -1;
        {
            auto db = Database::open(Paths::databaseFile());
            QVERIFY(db.ok());
            DrillJournal journal(**db, QFileInfo(PlanSite).absoluteFilePath());
            DrillRecord record;
            record.mode = DrillMode::Rehearsal;
            record.startedAt = QDateTime(QDate(2026, 11, 22), QTime(8, 0), Qt::UTC);
            DrillStepRecord step;
            step.step.action = DrillAction::Notify;
            step.step.message = QStringLiteral("<done>");
            record.steps = {step};
            QVERIFY(journal.begin(record).ok());
            record.state = DrillRecord::State::Succeeded;
            record.endedAt = record.startedAt.addSecs(200);
            record.rtoMs = 150000;
            record.rpoSeconds = 3600;
            QVERIFY(journal.finish(record).ok());
            id = record.id;
        }
        ProcessRun run = relaisctl({QStringLiteral("drill"), QStringLiteral("history"),
                                    QStringLiteral("--site"), PlanSite, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(list.size(), 1);
        const QJsonObject drill = list.first().toObject();
        QCOMPARE(drill.value(QStringLiteral("id")).toInt(), id);
        QCOMPARE(drill.value(QStringLiteral("rto_ms")).toInt(), 150000);
        QCOMPARE(drill.value(QStringLiteral("rto_met")).toBool(), true); // target 15 min
        QCOMPARE(drill.value(QStringLiteral("rpo_met")).toBool(), false);

        const QString output = m_data.filePath(QStringLiteral("report.html"));
        run =
            relaisctl({QStringLiteral("drill"), QStringLiteral("report"), QStringLiteral("--site"),
                       PlanSite, QString::number(id), QStringLiteral("--output"), output});
        QCOMPARE(run.exitCode, 0);
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray html = file.readAll();
        QVERIFY(html.contains("Notify: &lt;done&gt;"));
        QVERIFY(html.contains("MISSED"));

        // Evidence as PDF (and HTML) in one call, without any display.
        const QString pdf = m_data.filePath(QStringLiteral("report.pdf"));
        const QString html2 = m_data.filePath(QStringLiteral("report2.html"));
        run = relaisctl({QStringLiteral("drill"), QStringLiteral("report"),
                         QStringLiteral("--site"), PlanSite, QString::number(id),
                         QStringLiteral("--pdf"), pdf, QStringLiteral("--html"), html2});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray pdfBytes = pdfFile.readAll();
        QVERIFY(pdfBytes.startsWith("%PDF-"));
        QVERIFY(pdfBytes.size() > 1000);
        QVERIFY(QFile::exists(html2));

        // An unwritable place: a clear error, nothing left behind.
        const QString bad = m_data.filePath(QStringLiteral("report.html/r.pdf"));
        run =
            relaisctl({QStringLiteral("drill"), QStringLiteral("report"), QStringLiteral("--site"),
                       PlanSite, QString::number(id), QStringLiteral("--pdf"), bad});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("Cannot write the report"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestRelaisctlDrill)
#include "tst_relaisctl_drill.moc"
