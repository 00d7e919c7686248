#include "common/Result.h"

#include <QTest>

using namespace relais;

namespace {
enum class AlphaError
{
    First,
    Second
};
constexpr const char* errorDomain(AlphaError)
{
    return "alpha";
}
enum class BetaError
{
    First
};
constexpr const char* errorDomain(BetaError)
{
    return "beta";
}

Result<int> half(int value)
{
    if (value % 2 != 0)
        return Error(AlphaError::Second, QStringLiteral("%1 is odd").arg(value));
    return value / 2;
}
} // namespace

class TestResult : public QObject
{
    Q_OBJECT

private slots:
    void valueAndError()
    {
        const Result<int> good = half(8);
        QVERIFY(good.ok());
        QCOMPARE(*good, 4);

        const Result<int> bad = half(7);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().message(), QStringLiteral("7 is odd"));
    }

    void typedCodesDoNotMixAcrossDomains()
    {
        const Error error(AlphaError::First, QStringLiteral("boom"));
        QVERIFY(error.is(AlphaError::First));
        QVERIFY(!error.is(AlphaError::Second));
        // Same numeric value, other module: not the same error.
        QVERIFY(!error.is(BetaError::First));
        QCOMPARE(error.code<AlphaError>(), std::optional<AlphaError>(AlphaError::First));
        QCOMPARE(error.code<BetaError>(), std::nullopt);
        QCOMPARE(QByteArray(error.domain()), QByteArray("alpha"));
    }

    void detailsJoinInToString()
    {
        const Error error(AlphaError::Second, QStringLiteral("2 problems"),
                          {QStringLiteral("a: x"), QStringLiteral("b: y")});
        QCOMPARE(error.toString(), QStringLiteral("2 problems\na: x\nb: y"));
    }

    void voidResult()
    {
        Result<void> done = Result<void>::success();
        QVERIFY(done.ok());
        Result<void> failed = Error(BetaError::First, QStringLiteral("no"));
        QVERIFY(!failed);
        QVERIFY(failed.error().is(BetaError::First));
    }

    void moveOnlyValues()
    {
        Result<std::unique_ptr<int>> owned = std::make_unique<int>(5);
        QVERIFY(owned.ok());
        std::unique_ptr<int> taken = std::move(owned).value();
        QCOMPARE(*taken, 5);
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
