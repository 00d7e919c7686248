#include "HealthIcon.h"
#include "HealthText.h"
#include "HostCard.h"
#include "Sparkline.h"

#include <QImage>
#include <QLabel>
#include <QSet>
#include <QTest>

using namespace relais;

namespace {

const QList<HealthState> AllStates{HealthState::Unknown, HealthState::Up, HealthState::Degraded,
                                   HealthState::Down};

const QList<HealthError> AllErrors{
    HealthError::Timeout,      HealthError::ConnectionRefused, HealthError::Unreachable,
    HealthError::HostNotFound, HealthError::TlsFailed,         HealthError::PinMismatch,
    HealthError::HttpStatus,   HealthError::KeywordMissing,    HealthError::NotSsh,
    HealthError::DnsNoAnswer,  HealthError::DnsFailed,         HealthError::DnsUnknownAddress,
    HealthError::Failed,       HealthError::Cancelled,         HealthError::NotTrusted};

QImage grey(const QPixmap& pixmap)
{
    // What is left of a badge without its colour: only shape and symbol.
    return pixmap.toImage().convertToFormat(QImage::Format_Grayscale8);
}

LatencySample sample(const QDateTime& at, qint64 latency)
{
    return {at, latency, latency >= 0};
}

} // namespace

/// HealthText's words and sentences, HealthIcon's symbols, the Sparkline and
/// the static part of a HostCard.
class TestHealthText : public QObject
{
    Q_OBJECT

private slots:
    void stateWords_data()
    {
        QTest::addColumn<HealthState>("state");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("adjective");
        QTest::newRow("up") << HealthState::Up << QStringLiteral("Up") << QStringLiteral("up");
        QTest::newRow("degraded") << HealthState::Degraded << QStringLiteral("Degraded")
                                  << QStringLiteral("degraded");
        QTest::newRow("down") << HealthState::Down << QStringLiteral("Down")
                              << QStringLiteral("down");
        QTest::newRow("unknown") << HealthState::Unknown << QStringLiteral("Unknown")
                                 << QStringLiteral("unknown");
    }

    void stateWords()
    {
        QFETCH(HealthState, state);
        QFETCH(QString, name);
        QFETCH(QString, adjective);
        QCOMPARE(HealthText::stateName(state), name);
        QCOMPARE(HealthText::stateAdjective(state), adjective);
    }

    void everyStateHasItsOwnColour()
    {
        QSet<QRgb> colours;
        for (HealthState state : AllStates)
            colours.insert(HealthText::stateColor(state).rgb());
        QCOMPARE(colours.size(), AllStates.size());
    }

    void errorSentences_data()
    {
        QTest::addColumn<HealthError>("error");
        QTest::addColumn<int>("timeout");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("timeout") << HealthError::Timeout << 3
                                 << QStringLiteral("No answer within 3 s");
        QTest::newRow("timeout unknown")
            << HealthError::Timeout << 0 << QStringLiteral("No answer in time");
        QTest::newRow("refused") << HealthError::ConnectionRefused << 0
                                 << QStringLiteral("The port is closed (connection refused)");
        QTest::newRow("tls") << HealthError::TlsFailed << 0
                             << QStringLiteral("The certificate could not be verified");
        QTest::newRow("keyword") << HealthError::KeywordMissing << 0
                                 << QStringLiteral("The page does not contain the expected text");
        QTest::newRow("refused key or certificate")
            << HealthError::NotTrusted << 0
            << QStringLiteral("The host's SSH key or LXD certificate was refused; choose View ▸ "
                              "Check Now to be asked again");
        QTest::newRow("dns elsewhere")
            << HealthError::DnsUnknownAddress << 0
            << QStringLiteral("The record points to neither main nor backup");
    }

    void errorSentences()
    {
        QFETCH(HealthError, error);
        QFETCH(int, timeout);
        QFETCH(QString, sentence);
        QCOMPARE(HealthText::errorSentence(error, timeout), sentence);
    }

    void everyErrorHasItsOwnSentence()
    {
        QSet<QString> sentences;
        for (HealthError error : AllErrors) {
            const QString sentence = HealthText::errorSentence(error, 5);
            QVERIFY(!sentence.isEmpty());
            sentences.insert(sentence);
        }
        QCOMPARE(sentences.size(), AllErrors.size());
    }

    void failureSentenceOfResults()
    {
        QVERIFY(HealthText::failureSentence(ProbeResult::success(4)).isEmpty());
        QCOMPARE(HealthText::failureSentence(
                     ProbeResult::failure(HealthError::Timeout, 3000, QStringLiteral("slow")), 3),
                 QStringLiteral("No answer within 3 s"));
        ProbeResult noCode;
        QCOMPARE(HealthText::failureSentence(noCode), QStringLiteral("The check failed"));
    }

    void changes()
    {
        QCOMPARE(HealthText::change(HealthState::Up, HealthState::Down),
                 QStringLiteral("Up → Down"));
        QCOMPARE(HealthText::change(HealthState::Down, HealthState::Up, true),
                 QStringLiteral("Down → Up (flapping)"));
        QCOMPARE(HealthText::change(HealthState::Up, HealthState::Up, true),
                 QStringLiteral("Up, flapping"));
        QCOMPARE(HealthText::change(HealthState::Up, HealthState::Up, false),
                 QStringLiteral("Up, stable again"));
    }

    void times()
    {
        const QDateTime now = QDateTime::currentDateTime();
        const QDateTime at(now.date(), QTime(9, 5, 7));
        QCOMPARE(HealthText::time(at, now), QStringLiteral("09:05:07"));
        const QString earlier = HealthText::time(at.addDays(-3), now);
        QVERIFY2(earlier.endsWith(QStringLiteral("09:05:07")) && earlier.size() > 8,
                 qPrintable(earlier));
        QCOMPARE(HealthText::time(QDateTime(), now), QStringLiteral("never"));
    }

    void badgesDifferByShapeNotOnlyColour()
    {
        // Without colour (grey levels only) every pair of states still differs.
        for (qsizetype i = 0; i < AllStates.size(); ++i) {
            for (qsizetype j = i + 1; j < AllStates.size(); ++j) {
                QVERIFY2(grey(HealthIcon::badge(AllStates[i], 32)) !=
                             grey(HealthIcon::badge(AllStates[j], 32)),
                         qPrintable(QStringLiteral("%1 vs %2").arg(i).arg(j)));
            }
        }
        const QIcon base(QStringLiteral(":/icons/relais.svg"));
        QVERIFY(!base.isNull());
        const QImage up = HealthIcon::overlayPixmap(base, HealthState::Up, 32).toImage();
        const QImage down = HealthIcon::overlayPixmap(base, HealthState::Down, 32).toImage();
        QVERIFY(up != down);
        // The application icon shows around the badge.
        QVERIFY(qAlpha(up.pixel(4, 16)) > 0);
        QVERIFY(!HealthIcon::icon(HealthState::Degraded).isNull());
    }

    void sparklineCountsTheLastMinutes()
    {
        Sparkline line;
        QCOMPARE(line.summary(), QStringLiteral("Latency: no check yet"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<LatencySample> web{sample(now.addSecs(-900), 80), // outside the 5 minutes
                                 sample(now.addSecs(-20), 12), sample(now.addSecs(-15), -1),
                                 sample(now.addSecs(-10), 30)};
        QList<LatencySample> ssh{sample(now.addSecs(-12), 5), sample(now, 7)};
        line.setSeries({web, ssh});
        QCOMPARE(line.shownChecks(), 5);
        QCOMPARE(line.shownFailures(), 1);
        // (Plural forms come from the English translation; the numbers are what matter.)
        const QString summary = line.summary();
        QVERIFY2(summary.startsWith(QStringLiteral("Last 5 minute")) &&
                     summary.contains(QStringLiteral(": 5 check")) &&
                     summary.contains(QStringLiteral(", 1 failed")) &&
                     summary.endsWith(QStringLiteral("; latency 5–30 ms")),
                 qPrintable(summary));
        QCOMPARE(line.toolTip(), line.summary());
        QCOMPARE(line.accessibleDescription(), line.summary());

        line.setWindow(std::chrono::seconds(60 * 20));
        QCOMPARE(line.shownChecks(), 6);

        // It paints: the failure mark is drawn in the Down colour.
        line.resize(200, 40);
        line.setWindow(std::chrono::seconds(60));
        const QImage image = line.grab().toImage();
        bool marked = false;
        for (int x = 0; x < image.width() && !marked; ++x) {
            for (int y = 0; y < image.height() && !marked; ++y) {
                const QRgb pixel = image.pixel(x, y);
                marked = qRed(pixel) > 150 && qGreen(pixel) < 110 && qBlue(pixel) < 110;
            }
        }
        QVERIFY(marked);
    }

    void hostCardWithoutHealthSaysUnknown()
    {
        HostCard card(HostRole::Backup);
        QCOMPARE(card.objectName(), QStringLiteral("backupCard"));
        QCOMPARE(card.stateText(), QStringLiteral("Unknown: no site open"));
        QCOMPARE(card.state(), HealthState::Unknown);

        Host host;
        host.name = QStringLiteral("pi");
        host.address = QStringLiteral("192.168.1.20");
        host.ssh.user = QStringLiteral("admin");
        host.ssh.port = 2222;
        card.setHost(host);
        QCOMPARE(card.stateText(), QStringLiteral("Unknown: not checked yet"));
        QCOMPARE(card.lastCheckText(), QStringLiteral("never"));
        QVERIFY(card.probeTexts().isEmpty());
        // The badge says the state in words to assistive technology.
        auto* badge = card.findChild<QLabel*>(QStringLiteral("stateBadge"));
        QVERIFY(badge);
        QCOMPARE(badge->accessibleName(), QStringLiteral("Unknown"));

        card.clear();
        QCOMPARE(card.stateText(), QStringLiteral("Unknown: no site open"));
    }
};

QTEST_MAIN(TestHealthText)
#include "tst_healthtext.moc"
