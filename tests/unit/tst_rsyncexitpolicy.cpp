#include "sync/RsyncExitPolicy.h"

#include <QSet>
#include <QTest>

using namespace relais;
using Outcome = RsyncExitPolicy::Outcome;

class TestRsyncExitPolicy : public QObject
{
    Q_OBJECT

private slots:
    void classify_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("outcome");
        QTest::newRow("0 success") << 0 << int(Outcome::Success);
        QTest::newRow("24 vanished") << 24 << int(Outcome::Warning);
        QTest::newRow("10 socket") << 10 << int(Outcome::Retry);
        QTest::newRow("12 stream") << 12 << int(Outcome::Retry);
        QTest::newRow("30 timeout") << 30 << int(Outcome::Retry);
        QTest::newRow("35 daemon timeout") << 35 << int(Outcome::Retry);
        QTest::newRow("255 ssh") << 255 << int(Outcome::Retry);
        for (int status : {1, 2, 3, 4, 5, 6, 11, 13, 14, 20, 21, 22, 23, 25, 99})
            QTest::newRow(qPrintable(QString::number(status))) << status << int(Outcome::Fail);
    }

    void classify()
    {
        QFETCH(int, status);
        QFETCH(int, outcome);
        const RsyncExitPolicy::Verdict verdict = RsyncExitPolicy::classify(status);
        QCOMPARE(int(verdict.outcome), outcome);
        QVERIFY(verdict.message.size() > 20);
    }

    // Each failure the user can act on has its own sentence.
    void distinctMessages()
    {
        QSet<QString> seen;
        for (int status : {0, 3, 5, 10, 11, 12, 20, 22, 23, 24, 25, 30, 255})
            seen.insert(RsyncExitPolicy::classify(status).message);
        QCOMPARE(seen.size(), 13);
        QVERIFY(RsyncExitPolicy::classify(99).message.contains(QStringLiteral("99")));
    }

    // rsync can exit 0 after throwing completed files away.
    void discardedFilesFail()
    {
        const QStringList messages = {
            QStringLiteral("Unable to create partial-dir for f1 -- discarding completed file.")};
        QCOMPARE(RsyncExitPolicy::judge(0, messages).outcome, Outcome::Fail);
        QVERIFY(RsyncExitPolicy::judge(0, messages).message.contains(QStringLiteral("f1")));
        QCOMPARE(RsyncExitPolicy::judge(0, {QStringLiteral("something else")}).outcome,
                 Outcome::Success);
        QCOMPARE(RsyncExitPolicy::judge(24, {}).outcome, Outcome::Warning);
    }

    void backOff()
    {
        QCOMPARE(RsyncExitPolicy::retryDelaySeconds(1), 30);
        QCOMPARE(RsyncExitPolicy::retryDelaySeconds(2), 60);
        QCOMPARE(RsyncExitPolicy::retryDelaySeconds(3), 120);
        QCOMPARE(RsyncExitPolicy::retryDelaySeconds(6), 900);
        QCOMPARE(RsyncExitPolicy::retryDelaySeconds(50), 900);
        QCOMPARE(RsyncExitPolicy::retryDelaySeconds(0), 30);
    }
};

QTEST_GUILESS_MAIN(TestRsyncExitPolicy)
#include "tst_rsyncexitpolicy.moc"
