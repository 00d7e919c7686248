#include "common/ManualClock.h"
#include "health/HealthState.h"
#include "health/Hysteresis.h"
#include "health/HysteresisPolicy.h"
#include "health/StateChange.h"

#include <QtTest>

using namespace relais;

namespace relais {

// Readable values in QCOMPARE failures (found by argument-dependent lookup).
char* toString(HealthState state)
{
    return qstrdup(healthStateName(state));
}

char* toString(const StateChange& change)
{
    const QString text = change.at.toString(Qt::ISODateWithMs) + QLatin1Char(' ') +
                         QLatin1StringView(healthStateName(change.from)) + QLatin1Char('>') +
                         QLatin1StringView(healthStateName(change.to)) +
                         (change.flapping ? QLatin1StringView(" flapping") : QLatin1StringView()) +
                         QLatin1StringView(" \"") + change.reason + QLatin1Char('"');
    return qstrdup(text.toUtf8().constData());
}

} // namespace relais

namespace {

constexpr qint64 StepSeconds = 10;

HysteresisPolicy policy(int fail, int recover, int window, int changes)
{
    HysteresisPolicy p;
    p.failThreshold = fail;
    p.recoverThreshold = recover;
    p.flapWindowChecks = window;
    p.flapChanges = changes;
    return p;
}

/// One letter per state in the expected strings: '?' unknown, 'U' up,
/// 'D' down (degraded never comes out of Hysteresis).
QChar letter(HealthState state)
{
    switch (state) {
    case HealthState::Unknown:
        return u'?';
    case HealthState::Up:
        return u'U';
    case HealthState::Degraded:
        return u'G';
    case HealthState::Down:
        return u'D';
    }
    return u'!';
}

/// "5:down>up flapping": the step (from 1), the states, the flag when set.
QString describe(int step, const StateChange& change)
{
    return QString::number(step) + QLatin1Char(':') +
           QLatin1StringView(healthStateName(change.from)) + QLatin1Char('>') +
           QLatin1StringView(healthStateName(change.to)) +
           (change.flapping ? QLatin1StringView(" flapping") : QLatin1StringView());
}

/// Feeds @p sequence ('S' success, 'F' failure) one check every StepSeconds.
std::vector<std::optional<StateChange>> feed(Hysteresis& hysteresis, ManualClock& clock,
                                             QStringView sequence)
{
    std::vector<std::optional<StateChange>> changes;
    for (const QChar c : sequence) {
        clock.advanceSeconds(StepSeconds);
        changes.push_back(hysteresis.record(c == u'S', clock.now(), QStringLiteral("refused")));
    }
    return changes;
}

} // namespace

class TestHysteresis : public QObject
{
    Q_OBJECT

private slots:
    void sequences_data();
    void sequences();
    void counters_data();
    void counters();
    void downReasonIsTheLastFailure();
    void emptyFailureReason();
    void recoveryReason_data();
    void recoveryReason();
    void flappingReasons();
    void lastChangeFollowsTheClock();
    void lastErrorIsKept();
    void reset();
    void policyIsClamped();
    void defaultPolicy();
    void flapClearBelow_data();
    void flapClearBelow();
    void stateChangeEquality();
    void names_data();
    void names();
    void worstState_data();
    void worstState();
};

void TestHysteresis::sequences_data()
{
    QTest::addColumn<QString>("sequence");
    QTest::addColumn<int>("fail");
    QTest::addColumn<int>("recover");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("flapChanges");
    QTest::addColumn<QString>("states");   // state after each check
    QTest::addColumn<QString>("flapping"); // '!' flapping after the check; empty: never
    QTest::addColumn<QStringList>("changes");

    const auto s = [](const char* text) {
        return QString::fromLatin1(text);
    };
    const auto repeat = [](QChar c, int n) {
        return QString(n, c);
    };

    // Default policy: down after 3 failures, up after 2 successes.
    QTest::newRow("no checks") << QString() << 3 << 2 << 20 << 4 << QString() << QString()
                               << QStringList();
    QTest::newRow("first success is up at once")
        << s("S") << 3 << 2 << 20 << 4 << s("U") << QString() << QStringList{s("1:unknown>up")};
    QTest::newRow("failures below threshold stay unknown")
        << s("FF") << 3 << 2 << 20 << 4 << s("??") << QString() << QStringList();
    QTest::newRow("threshold failures from unknown are down")
        << s("FFF") << 3 << 2 << 20 << 4 << s("??D") << QString()
        << QStringList{s("3:unknown>down")};
    QTest::newRow("a success after failures from unknown is up")
        << s("FFS") << 3 << 2 << 20 << 4 << s("??U") << QString() << QStringList{s("3:unknown>up")};
    QTest::newRow("SSSFFF") << s("SSSFFF") << 3 << 2 << 20 << 4 << s("UUUUUD") << QString()
                            << QStringList{s("1:unknown>up"), s("6:up>down")};
    QTest::newRow("failures below threshold keep up")
        << s("SFFS") << 3 << 2 << 20 << 4 << s("UUUU") << QString()
        << QStringList{s("1:unknown>up")};
    QTest::newRow("a success resets the failure count")
        << s("SFFSFF") << 3 << 2 << 20 << 4 << s("UUUUUU") << QString()
        << QStringList{s("1:unknown>up")};
    QTest::newRow("alternating stays up") << s("SFSFSFSF") << 3 << 2 << 20 << 4 << s("UUUUUUUU")
                                          << QString() << QStringList{s("1:unknown>up")};
    QTest::newRow("failures after down stay down")
        << s("SFFFFF") << 3 << 2 << 20 << 4 << s("UUUDDD") << QString()
        << QStringList{s("1:unknown>up"), s("4:up>down")};
    QTest::newRow("one success is not a recovery")
        << s("SFFFS") << 3 << 2 << 20 << 4 << s("UUUDD") << QString()
        << QStringList{s("1:unknown>up"), s("4:up>down")};
    QTest::newRow("recovers after two successes")
        << s("SFFFSS") << 3 << 2 << 20 << 4 << s("UUUDDU") << QString()
        << QStringList{s("1:unknown>up"), s("4:up>down"), s("6:down>up")};
    QTest::newRow("a failure restarts the recovery")
        << s("SFFFSFSS") << 3 << 2 << 20 << 4 << s("UUUDDDDU") << QString()
        << QStringList{s("1:unknown>up"), s("4:up>down"), s("8:down>up")};
    QTest::newRow("alternating stays down") << s("FFFSFSFSF") << 3 << 2 << 20 << 4 << s("??DDDDDDD")
                                            << QString() << QStringList{s("3:unknown>down")};
    QTest::newRow("up from unknown then down")
        << s("FFSFFF") << 3 << 2 << 20 << 4 << s("??UUUD") << QString()
        << QStringList{s("3:unknown>up"), s("6:up>down")};
    QTest::newRow("down from unknown recovers")
        << s("FFFSS") << 3 << 2 << 20 << 4 << s("??DDU") << QString()
        << QStringList{s("3:unknown>down"), s("5:down>up")};
    QTest::newRow("default policy flaps on the fourth change")
        << s("SFFFSSFFFSS") << 3 << 2 << 20 << 4 << s("UUUDDUUUDDU") << s("..........!")
        << QStringList{s("1:unknown>up"), s("4:up>down"), s("6:down>up"), s("9:up>down"),
                       s("11:down>up flapping")};

    // Other thresholds.
    QTest::newRow("fail threshold 1 from up")
        << s("SF") << 1 << 1 << 20 << 4 << s("UD") << QString()
        << QStringList{s("1:unknown>up"), s("2:up>down")};
    QTest::newRow("fail threshold 1 from unknown")
        << s("F") << 1 << 1 << 20 << 4 << s("D") << QString() << QStringList{s("1:unknown>down")};
    QTest::newRow("recover threshold 1") << s("FFFS") << 3 << 1 << 20 << 4 << s("??DU") << QString()
                                         << QStringList{s("3:unknown>down"), s("4:down>up")};
    QTest::newRow("high thresholds")
        << s("SFFFFFSSSS") << 5 << 4 << 20 << 4 << s("UUUUUDDDDU") << QString()
        << QStringList{s("1:unknown>up"), s("6:up>down"), s("10:down>up")};
    QTest::newRow("four failures of five keep up")
        << s("SFFFFSFFFF") << 5 << 4 << 20 << 4 << s("UUUUUUUUUU") << QString()
        << QStringList{s("1:unknown>up")};

    // Flapping.
    QTest::newRow("alternation flaps")
        << s("SFSFS") << 1 << 1 << 20 << 4 << s("UDUDU") << s("....!")
        << QStringList{s("1:unknown>up"), s("2:up>down"), s("3:down>up"), s("4:up>down"),
                       s("5:down>up flapping")};
    QTest::newRow("flapping clears after a stable run")
        << QString(s("SFSFSFS") + repeat(u'S', 19)) << 1 << 1 << 20 << 4
        << QString(s("UDUDUDU") + repeat(u'U', 19))
        << QString(s("....") + repeat(u'!', 21) + s("."))
        << QStringList{s("1:unknown>up"),       s("2:up>down"),
                       s("3:down>up"),          s("4:up>down"),
                       s("5:down>up flapping"), s("6:up>down flapping"),
                       s("7:down>up flapping"), s("26:up>up")};
    QTest::newRow("flag holds between half and threshold")
        << s("SFSFSSSSSS") << 1 << 1 << 6 << 4 << s("UDUDUUUUUU") << s("....!!!!!.")
        << QStringList{s("1:unknown>up"), s("2:up>down"),          s("3:down>up"),
                       s("4:up>down"),    s("5:down>up flapping"), s("10:up>up")};
    QTest::newRow("flapping again after clearing")
        << s("SFSFSSSSSSFSFS") << 1 << 1 << 6 << 4 << s("UDUDUUUUUUDUDU") << s("....!!!!!....!")
        << QStringList{s("1:unknown>up"),       s("2:up>down"),          s("3:down>up"),
                       s("4:up>down"),          s("5:down>up flapping"), s("10:up>up"),
                       s("11:up>down"),         s("12:down>up"),         s("13:up>down"),
                       s("14:down>up flapping")};
    QTest::newRow("flap detection off")
        << s("SFSFSFSF") << 1 << 1 << 20 << 0 << s("UDUDUDUD") << QString()
        << QStringList{s("1:unknown>up"), s("2:up>down"), s("3:down>up"), s("4:up>down"),
                       s("5:down>up"),    s("6:up>down"), s("7:down>up"), s("8:up>down")};
    QTest::newRow("changes spread wider than the window")
        << s("SFSSSFSSS") << 1 << 1 << 4 << 3 << s("UDUUUDUUU") << QString()
        << QStringList{s("1:unknown>up"), s("2:up>down"), s("3:down>up"), s("6:up>down"),
                       s("7:down>up")};
    QTest::newRow("the first verdict is not a change")
        << s("SFS") << 1 << 1 << 20 << 3 << s("UDU") << QString()
        << QStringList{s("1:unknown>up"), s("2:up>down"), s("3:down>up")};
    QTest::newRow("one change flaps when flapChanges is 1")
        << s("SFFF") << 1 << 1 << 20 << 1 << s("UDDD") << s(".!!!")
        << QStringList{s("1:unknown>up"), s("2:up>down flapping")};
    QTest::newRow("window of one check") << s("SFFS") << 1 << 1 << 1 << 1 << s("UDDU") << s(".!.!")
                                         << QStringList{s("1:unknown>up"), s("2:up>down flapping"),
                                                        s("3:down>down"), s("4:down>up flapping")};
}

void TestHysteresis::sequences()
{
    QFETCH(QString, sequence);
    QFETCH(int, fail);
    QFETCH(int, recover);
    QFETCH(int, window);
    QFETCH(int, flapChanges);
    QFETCH(QString, states);
    QFETCH(QString, flapping);
    QFETCH(QStringList, changes);
    if (flapping.isEmpty())
        flapping = QString(sequence.size(), u'.');
    QCOMPARE(states.size(), sequence.size());
    QCOMPARE(flapping.size(), sequence.size());

    ManualClock clock;
    Hysteresis hysteresis(policy(fail, recover, window, flapChanges));
    QCOMPARE(hysteresis.state(), HealthState::Unknown);
    QVERIFY(!hysteresis.flapping());

    QString actualStates;
    QString actualFlapping;
    QStringList actualChanges;
    for (qsizetype i = 0; i < sequence.size(); ++i) {
        const HealthState before = hysteresis.state();
        const bool flappingBefore = hysteresis.flapping();
        const QDateTime lastChangeBefore = hysteresis.lastChange();

        clock.advanceSeconds(StepSeconds);
        const auto change = hysteresis.record(sequence.at(i) == u'S', clock.now(),
                                              QStringLiteral("failure %1").arg(i + 1));

        // A change is reported exactly when the state or the flag moved.
        const bool moved = hysteresis.state() != before || hysteresis.flapping() != flappingBefore;
        QCOMPARE(change.has_value(), moved);
        if (change) {
            QCOMPARE(change->at, clock.now());
            QCOMPARE(change->from, before);
            QCOMPARE(change->to, hysteresis.state());
            QCOMPARE(change->flapping, hysteresis.flapping());
            QVERIFY(!change->reason.isEmpty());
            actualChanges << describe(int(i + 1), *change);
        }
        QCOMPARE(hysteresis.lastChange(),
                 hysteresis.state() != before ? clock.now() : lastChangeBefore);

        actualStates += letter(hysteresis.state());
        actualFlapping += hysteresis.flapping() ? u'!' : u'.';
    }

    QCOMPARE(actualStates, states);
    QCOMPARE(actualFlapping, flapping);
    QCOMPARE(actualChanges, changes);
}

void TestHysteresis::counters_data()
{
    QTest::addColumn<QString>("sequence");
    QTest::addColumn<QList<int>>("successes");
    QTest::addColumn<QList<int>>("failures");

    QTest::newRow("up then down then back")
        << QStringLiteral("SSFFFS") << QList<int>{1, 2, 0, 0, 0, 1} << QList<int>{0, 0, 1, 2, 3, 0};
    QTest::newRow("failures keep counting while down")
        << QStringLiteral("FFFFFSS") << QList<int>{0, 0, 0, 0, 0, 1, 2}
        << QList<int>{1, 2, 3, 4, 5, 0, 0};
    QTest::newRow("successes keep counting while up")
        << QStringLiteral("SSSS") << QList<int>{1, 2, 3, 4} << QList<int>{0, 0, 0, 0};
}

void TestHysteresis::counters()
{
    QFETCH(QString, sequence);
    QFETCH(QList<int>, successes);
    QFETCH(QList<int>, failures);

    ManualClock clock;
    Hysteresis hysteresis;
    QList<int> actualSuccesses;
    QList<int> actualFailures;
    for (const QChar c : sequence) {
        clock.advanceSeconds(StepSeconds);
        hysteresis.record(c == u'S', clock.now(), QStringLiteral("refused"));
        actualSuccesses << hysteresis.consecutiveSuccesses();
        actualFailures << hysteresis.consecutiveFailures();
    }
    QCOMPARE(actualSuccesses, successes);
    QCOMPARE(actualFailures, failures);
}

void TestHysteresis::downReasonIsTheLastFailure()
{
    ManualClock clock;
    Hysteresis hysteresis;

    clock.advanceSeconds(5);
    const auto up = hysteresis.record(true, clock.now(), QStringLiteral("HTTP 200"));
    QVERIFY(up);
    QCOMPARE(*up, (StateChange{clock.now(), HealthState::Unknown, HealthState::Up, false,
                               QStringLiteral("first successful check")}));

    clock.advanceSeconds(5);
    QCOMPARE(hysteresis.record(false, clock.now(), QStringLiteral("timeout after 3 s")),
             std::nullopt);
    clock.advanceSeconds(5);
    QCOMPARE(hysteresis.record(false, clock.now(), QStringLiteral("connection refused")),
             std::nullopt);
    clock.advanceSeconds(5);
    const auto down = hysteresis.record(false, clock.now(), QStringLiteral("HTTP 503"));
    QVERIFY(down);
    QCOMPARE(*down, (StateChange{clock.now(), HealthState::Up, HealthState::Down, false,
                                 QStringLiteral("HTTP 503")}));

    // From Unknown too.
    Hysteresis fresh;
    fresh.record(false, clock.now(), QStringLiteral("a"));
    fresh.record(false, clock.now(), QStringLiteral("b"));
    const auto freshDown = fresh.record(false, clock.now(), QStringLiteral("no route to host"));
    QVERIFY(freshDown);
    QCOMPARE(freshDown->from, HealthState::Unknown);
    QCOMPARE(freshDown->reason, QStringLiteral("no route to host"));
}

void TestHysteresis::emptyFailureReason()
{
    ManualClock clock;
    Hysteresis hysteresis(policy(1, 1, 20, 4));
    const auto down = hysteresis.record(false, clock.now(), QString());
    QVERIFY(down);
    QCOMPARE(down->reason, QStringLiteral("check failed"));
    QCOMPARE(hysteresis.lastError(), QStringLiteral("check failed"));
}

void TestHysteresis::recoveryReason_data()
{
    QTest::addColumn<int>("recover");
    QTest::addColumn<QString>("reason");

    QTest::newRow("1") << 1 << QStringLiteral("recovered after 1 successful check");
    QTest::newRow("2") << 2 << QStringLiteral("recovered after 2 successful checks");
    QTest::newRow("5") << 5 << QStringLiteral("recovered after 5 successful checks");
}

void TestHysteresis::recoveryReason()
{
    QFETCH(int, recover);
    QFETCH(QString, reason);

    ManualClock clock;
    Hysteresis hysteresis(policy(1, recover, 20, 0));
    hysteresis.record(false, clock.now(), QStringLiteral("refused"));
    QCOMPARE(hysteresis.state(), HealthState::Down);

    std::optional<StateChange> last;
    for (int i = 0; i < recover; ++i) {
        QVERIFY(!last);
        clock.advanceSeconds(StepSeconds);
        last = hysteresis.record(true, clock.now(), QStringLiteral("ignored"));
    }
    QVERIFY(last);
    QCOMPARE(*last, (StateChange{clock.now(), HealthState::Down, HealthState::Up, false, reason}));
}

void TestHysteresis::flappingReasons()
{
    ManualClock clock;
    Hysteresis hysteresis(policy(1, 1, 6, 4));
    const auto changes = feed(hysteresis, clock, u"SFSFSSSSSS");

    QVERIFY(changes[4]);
    QCOMPARE(changes[4]->reason,
             QStringLiteral("recovered after 1 successful check; flapping: 4 state changes in "
                            "the last 5 checks"));
    QVERIFY(changes[3]);
    QCOMPARE(changes[3]->reason, QStringLiteral("refused"));
    QVERIFY(changes[9]);
    QCOMPARE(*changes[9],
             (StateChange{clock.now(), HealthState::Up, HealthState::Up, false,
                          QStringLiteral("stable again: 1 state change in the last 6 checks")}));

    // Flapping set together with a change to Down.
    Hysteresis down(policy(1, 1, 20, 2));
    const auto downChanges = feed(down, clock, u"FSF");
    QVERIFY(downChanges[1]);
    QCOMPARE(downChanges[1]->reason, QStringLiteral("recovered after 1 successful check"));
    QVERIFY(downChanges[2]);
    QCOMPARE(*downChanges[2],
             (StateChange{clock.now(), HealthState::Up, HealthState::Down, true,
                          QStringLiteral("refused; flapping: 2 state changes in the last 3 "
                                         "checks")}));
    QCOMPARE(down.lastError(), QStringLiteral("refused"));
}

void TestHysteresis::lastChangeFollowsTheClock()
{
    ManualClock clock;
    Hysteresis hysteresis;
    QVERIFY(hysteresis.lastChange().isNull());

    clock.advanceSeconds(5);
    const QDateTime upAt = clock.now();
    hysteresis.record(true, clock.now());
    QCOMPARE(hysteresis.lastChange(), upAt);
    QCOMPARE(upAt, QDateTime(QDate(2026, 1, 1), QTime(0, 0, 5), Qt::UTC));

    clock.advanceSeconds(7);
    hysteresis.record(true, clock.now());
    clock.advanceSeconds(7);
    hysteresis.record(false, clock.now(), QStringLiteral("refused"));
    clock.advanceSeconds(7);
    hysteresis.record(false, clock.now(), QStringLiteral("refused"));
    QCOMPARE(hysteresis.lastChange(), upAt);

    clock.advanceMs(1500);
    hysteresis.record(false, clock.now(), QStringLiteral("refused"));
    QCOMPARE(hysteresis.state(), HealthState::Down);
    QCOMPARE(hysteresis.lastChange(), QDateTime(QDate(2026, 1, 1), QTime(0, 0, 27, 500), Qt::UTC));

    // A flapping toggle alone does not move lastChange.
    ManualClock flapClock;
    Hysteresis flappy(policy(1, 1, 6, 4));
    const auto changes = feed(flappy, flapClock, u"SFSFSSSSSS");
    QVERIFY(changes[4]);
    QVERIFY(changes[9]);
    QVERIFY(!changes[9]->flapping);
    QCOMPARE(changes[9]->at, flapClock.now());
    QCOMPARE(flappy.lastChange(), changes[4]->at);
    QCOMPARE(flappy.lastChange(), flapClock.now().addSecs(-5 * StepSeconds));
}

void TestHysteresis::lastErrorIsKept()
{
    ManualClock clock;
    Hysteresis hysteresis;
    QVERIFY(hysteresis.lastError().isEmpty());

    hysteresis.record(false, clock.now(), QStringLiteral("connection refused"));
    for (int i = 0; i < 3; ++i)
        hysteresis.record(true, clock.now(), QStringLiteral("HTTP 200"));
    QCOMPARE(hysteresis.state(), HealthState::Up);
    QCOMPARE(hysteresis.lastError(), QStringLiteral("connection refused"));

    hysteresis.record(false, clock.now(), QStringLiteral("timeout"));
    QCOMPARE(hysteresis.lastError(), QStringLiteral("timeout"));
    QCOMPARE(hysteresis.state(), HealthState::Up);
}

void TestHysteresis::reset()
{
    ManualClock clock;
    Hysteresis hysteresis(policy(1, 1, 20, 4));
    feed(hysteresis, clock, u"SFSFSF");
    QVERIFY(hysteresis.flapping());
    QCOMPARE(hysteresis.state(), HealthState::Down);

    hysteresis.reset();
    QCOMPARE(hysteresis.state(), HealthState::Unknown);
    QVERIFY(!hysteresis.flapping());
    QCOMPARE(hysteresis.consecutiveFailures(), 0);
    QCOMPARE(hysteresis.consecutiveSuccesses(), 0);
    QVERIFY(hysteresis.lastChange().isNull());
    QVERIFY(hysteresis.lastError().isEmpty());
    QCOMPARE(hysteresis.policy(), policy(1, 1, 20, 4));

    // The flap window starts empty again: three changes are not enough.
    const auto changes = feed(hysteresis, clock, u"SFSF");
    QStringList described;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (changes[i])
            described << describe(int(i + 1), *changes[i]);
    }
    QCOMPARE(described, (QStringList{QStringLiteral("1:unknown>up"), QStringLiteral("2:up>down"),
                                     QStringLiteral("3:down>up"), QStringLiteral("4:up>down")}));
    QVERIFY(changes[0]);
    QCOMPARE(changes[0]->reason, QStringLiteral("first successful check"));
    QVERIFY(!hysteresis.flapping());
}

void TestHysteresis::policyIsClamped()
{
    ManualClock clock;
    Hysteresis hysteresis(policy(0, -1, -5, -2));
    QCOMPARE(hysteresis.policy(), policy(1, 1, 0, 0));
    QVERIFY(!hysteresis.policy().flapDetectionEnabled());

    const auto down = hysteresis.record(false, clock.now(), QStringLiteral("refused"));
    QVERIFY(down);
    QCOMPARE(down->to, HealthState::Down);
    const auto up = hysteresis.record(true, clock.now(), QStringLiteral("ok"));
    QVERIFY(up);
    QCOMPARE(up->to, HealthState::Up);
}

void TestHysteresis::defaultPolicy()
{
    const HysteresisPolicy defaults;
    QCOMPARE(defaults.failThreshold, 3);
    QCOMPARE(defaults.recoverThreshold, 2);
    QCOMPARE(defaults.flapWindowChecks, 20);
    QCOMPARE(defaults.flapChanges, 4);
    QVERIFY(defaults.flapDetectionEnabled());
    QCOMPARE(Hysteresis().policy(), defaults);
}

void TestHysteresis::flapClearBelow_data()
{
    QTest::addColumn<int>("flapChanges");
    QTest::addColumn<int>("clearBelow");

    QTest::newRow("1") << 1 << 1;
    QTest::newRow("2") << 2 << 1;
    QTest::newRow("3") << 3 << 2;
    QTest::newRow("4") << 4 << 2;
    QTest::newRow("5") << 5 << 3;
    QTest::newRow("20") << 20 << 10;
}

void TestHysteresis::flapClearBelow()
{
    QFETCH(int, flapChanges);
    QFETCH(int, clearBelow);
    QCOMPARE(policy(3, 2, 20, flapChanges).flapClearBelow(), clearBelow);
}

void TestHysteresis::stateChangeEquality()
{
    const QDateTime at(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    const StateChange base{at, HealthState::Up, HealthState::Down, false, QStringLiteral("x")};
    QCOMPARE(base, base);

    StateChange other = base;
    other.at = at.addMSecs(1);
    QVERIFY(!(other == base));
    other = base;
    other.from = HealthState::Unknown;
    QVERIFY(!(other == base));
    other = base;
    other.to = HealthState::Up;
    QVERIFY(!(other == base));
    other = base;
    other.flapping = true;
    QVERIFY(!(other == base));
    other = base;
    other.reason = QStringLiteral("y");
    QVERIFY(!(other == base));
}

void TestHysteresis::names_data()
{
    QTest::addColumn<HealthState>("state");
    QTest::addColumn<QByteArray>("name");

    QTest::newRow("unknown") << HealthState::Unknown << QByteArray("unknown");
    QTest::newRow("up") << HealthState::Up << QByteArray("up");
    QTest::newRow("degraded") << HealthState::Degraded << QByteArray("degraded");
    QTest::newRow("down") << HealthState::Down << QByteArray("down");
}

void TestHysteresis::names()
{
    QFETCH(HealthState, state);
    QFETCH(QByteArray, name);
    QCOMPARE(QByteArray(healthStateName(state)), name);
}

void TestHysteresis::worstState_data()
{
    QTest::addColumn<HealthState>("a");
    QTest::addColumn<HealthState>("b");
    QTest::addColumn<HealthState>("expected");

    // Best to worst: Up, Unknown, Degraded, Down.
    const HealthState order[] = {HealthState::Up, HealthState::Unknown, HealthState::Degraded,
                                 HealthState::Down};
    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 4; ++j) {
            const HealthState a = order[i];
            const HealthState b = order[j];
            const QByteArray name = QByteArray(healthStateName(a)) + '+' + healthStateName(b);
            QTest::newRow(name.constData()) << a << b << order[std::max(i, j)];
        }
    }
    static_assert(worst(HealthState::Unknown, HealthState::Up) == HealthState::Unknown);
    static_assert(worst(HealthState::Down, HealthState::Degraded) == HealthState::Down);
}

void TestHysteresis::worstState()
{
    QFETCH(HealthState, a);
    QFETCH(HealthState, b);
    QFETCH(HealthState, expected);
    QCOMPARE(relais::worst(a, b), expected);
}

QTEST_GUILESS_MAIN(TestHysteresis)
#include "tst_hysteresis.moc"
