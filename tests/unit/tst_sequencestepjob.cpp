#include "plan/PlanError.h"
#include "plan/SequenceStepJob.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace relais;
using namespace Qt::StringLiterals;

namespace {

/// Says its name, then finishes (later) with its result; cancel() ends it
/// at once with Cancelled.
class ScriptedJob : public StepJob
{
public:
    ScriptedJob(QString name, bool ok, QStringList* log, int delayMs = 0)
        : m_name(std::move(name))
        , m_ok(ok)
        , m_log(log)
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(delayMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_ok)
                emit finished(Result<void>::success());
            else
                emit finished(Error(PlanError::StepFailed, m_name + u" failed"_s));
        });
    }

    void start() override
    {
        m_log->append(u"start "_s + m_name);
        emit output(m_name + u" says hello"_s);
        m_timer.start();
    }

    void cancel() override
    {
        m_log->append(u"cancel "_s + m_name);
        m_timer.stop();
        emit finished(Error(PlanError::Cancelled, u"cancelled"_s));
    }

private:
    QString m_name;
    bool m_ok;
    QStringList* m_log;
    QTimer m_timer;
};

} // namespace

class TestSequenceStepJob : public QObject
{
    Q_OBJECT

private slots:
    void runsEachInOrder()
    {
        QStringList log;
        SequenceStepJob job(
            {new ScriptedJob(u"a"_s, true, &log), new ScriptedJob(u"b"_s, true, &log)});
        QSignalSpy finished(&job, &StepJob::finished);
        QSignalSpy output(&job, &StepJob::output);
        job.start();
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.first().first().value<Result<void>>());
        QCOMPARE(log, (QStringList{u"start a"_s, u"start b"_s}));
        QCOMPARE(output.count(), 2);
        QCOMPARE(output.at(1).first().toString(), u"b says hello"_s);
    }

    void stopsAtTheFirstFailure()
    {
        QStringList log;
        SequenceStepJob job(
            {new ScriptedJob(u"a"_s, false, &log), new ScriptedJob(u"b"_s, true, &log)});
        QSignalSpy finished(&job, &StepJob::finished);
        job.start();
        QVERIFY(finished.wait(2000));
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        const auto result = finished.first().first().value<Result<void>>();
        QVERIFY(!result);
        QCOMPARE(result.error().message(), u"a failed"_s);
        QCOMPARE(log, QStringList{u"start a"_s});
    }

    void cancelStopsTheRunningOneAndTheRest()
    {
        QStringList log;
        SequenceStepJob job(
            {new ScriptedJob(u"a"_s, true, &log, 10000), new ScriptedJob(u"b"_s, true, &log)});
        QSignalSpy finished(&job, &StepJob::finished);
        job.start();
        job.cancel();
        QVERIFY(finished.count() == 1 || finished.wait(2000));
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.first().first().value<Result<void>>().error().is(PlanError::Cancelled));
        QCOMPARE(log, (QStringList{u"start a"_s, u"cancel a"_s}));
    }

    void anEmptySequenceSucceeds()
    {
        SequenceStepJob job({});
        QSignalSpy finished(&job, &StepJob::finished);
        job.start();
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.first().first().value<Result<void>>());
    }
};

QTEST_GUILESS_MAIN(TestSequenceStepJob)
#include "tst_sequencestepjob.moc"
