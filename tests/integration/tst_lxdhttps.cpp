#include "../support/ProcessRun.h"
#include "common/CertificatePin.h"
#include "common/FingerprintTrust.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdClientIdentity.h"
#include "lxd/LxdError.h"
#include "lxd/LxdHttpsTransport.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdOnboarding.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdServerCertificates.h"
#include "lxd/LxdTrustToken.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>

using namespace relais;

// LXD over HTTPS against the lab's two LXD 5.0 daemons: onboarding with a
// trust token, listing, and every way the connection must be refused. The
// certificates and tokens it adds to the daemons' trust stores are named
// relais-test-PID-N and removed at the end.
class TestLxdHttps : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_status;
    QTemporaryDir m_tmp;
    std::optional<LxdClientIdentity> m_identity; ///< onboarded on both hosts
    QByteArray m_serverFingerprint[2];           ///< main, backup (from the tokens)
    QStringList m_tokens[2];                     ///< token names to revoke if left
    QStringList m_trusted[2];                    ///< client fingerprints to remove
    int m_count = 0;

    static int index(const char* role) { return qstrcmp(role, "main") == 0 ? 0 : 1; }

    QString https(const char* role) const
    {
        return m_status.value(QStringLiteral("hosts"))
            .toObject()
            .value(QLatin1String(role))
            .toObject()
            .value(QStringLiteral("lxd_https"))
            .toString();
    }
    QUrl url(const char* role) const { return QUrl(QStringLiteral("https://") + https(role)); }

    /// A new certificate add token from the daemon of @p role.
    QByteArray newToken(const char* role)
    {
        const QString name = QStringLiteral("relais-test-%1-%2").arg(::getpid()).arg(++m_count);
        const test::ProcessRun add = test::labctl(
            {QStringLiteral("lxc"), QLatin1String(role), QStringLiteral("config"),
             QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--name"), name},
            60000);
        if (add.exitCode != 0)
            return {};
        m_tokens[index(role)].append(name);
        const QList<QByteArray> lines = add.out.trimmed().split('\n');
        return lines.isEmpty() ? QByteArray() : lines.last().trimmed();
    }

    /// The names of the daemon's pending tokens.
    QStringList pendingTokens(const char* role)
    {
        const test::ProcessRun list =
            test::labctl({QStringLiteral("lxc"), QLatin1String(role), QStringLiteral("config"),
                          QStringLiteral("trust"), QStringLiteral("list-tokens"),
                          QStringLiteral("--format"), QStringLiteral("json")},
                         60000);
        QStringList names;
        for (const QJsonValue& token : QJsonDocument::fromJson(list.out).array())
            names.append(token.toObject().value(QStringLiteral("ClientName")).toString());
        return names;
    }

    struct Run
    {
        std::optional<Result<QJsonValue>> result;
        int finishedCount = 0;
    };

    static Run run(LxdOperation* op, int timeoutMs = 30000)
    {
        Run r;
        QObject::connect(op, &LxdOperation::finished, op, [&r, op] {
            ++r.finishedCount;
            r.result = op->result();
        });
        op->start();
        (void)QTest::qWaitFor([&] { return r.result.has_value(); }, timeoutMs);
        QTest::qWait(20);
        op->deleteLater();
        return r;
    }

    static QByteArray why(const std::optional<Result<QJsonValue>>& r)
    {
        if (!r)
            return "no result in time";
        return r->ok() ? QByteArray("succeeded") : r->error().toString().toUtf8();
    }

    Result<void> onboard(const char* role, const LxdClientIdentity& identity,
                         const LxdServerCertificates& store, TlsTrust* trust,
                         const QByteArray& tokenText)
    {
        const auto token = LxdTrustToken::decode(tokenText, QDateTime::currentDateTimeUtc());
        if (!token)
            return token.error();
        LxdOnboarding onboarding(url(role), identity, store, trust);
        onboarding.setToken(*token);
        onboarding.start();
        if (!QTest::qWaitFor([&] { return onboarding.isFinished(); }, 30000))
            return Error(LxdError::Timeout, QStringLiteral("onboarding did not finish"));
        if (onboarding.result())
            m_trusted[index(role)].append(QString::fromLatin1(identity.fingerprint().toHex()));
        return onboarding.result();
    }

    std::unique_ptr<LxdClient> client(const char* role, const LxdClientIdentity& identity,
                                      const LxdServerCertificates& store, TlsTrust* trust,
                                      const QUrl& where = {}) const
    {
        return std::make_unique<LxdClient>(
            new LxdHttpsTransport(where.isEmpty() ? url(role) : where, identity, store, trust));
    }

    LxdServerCertificates storeNamed(const QString& name) const
    {
        return LxdServerCertificates(m_tmp.filePath(name));
    }

private slots:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("the lab needs root (network namespaces, LXD); run the suite as root");
        QVERIFY(m_tmp.isValid());
        const test::ProcessRun up = test::labctl({QStringLiteral("up")});
        QVERIFY2(up.exitCode == 0, up.err.constData());
        const test::ProcessRun status =
            test::labctl({QStringLiteral("status"), QStringLiteral("--json")}, 60000);
        QCOMPARE(status.exitCode, 0);
        m_status = QJsonDocument::fromJson(status.out).object();
        QVERIFY2(m_status.value(QStringLiteral("state")).toString() == QLatin1String("up"),
                 "the lab is not up (tests/lab/labctl up)");
        QVERIFY(!https("main").isEmpty());
        QVERIFY(!https("backup").isEmpty());
        auto identity = LxdClientIdentity::generate(
            QStringLiteral("relais-test-%1@%2").arg(::getpid()).arg(QStringLiteral("lab")));
        QVERIFY(identity.ok());
        m_identity = *identity;
    }

    void cleanupTestCase()
    {
        if (::geteuid() != 0)
            return;
        for (const char* role : {"main", "backup"}) {
            const QStringList pending = pendingTokens(role);
            for (const QString& name : m_tokens[index(role)]) {
                if (pending.contains(name))
                    test::labctl({QStringLiteral("lxc"), QLatin1String(role),
                                  QStringLiteral("config"), QStringLiteral("trust"),
                                  QStringLiteral("revoke-token"), name},
                                 60000);
            }
            for (const QString& fingerprint : m_trusted[index(role)])
                test::labctl({QStringLiteral("lxc"), QLatin1String(role), QStringLiteral("config"),
                              QStringLiteral("trust"), QStringLiteral("remove"), fingerprint},
                             60000);
        }
        test::labctl({QStringLiteral("down")});
    }

    void onboardsWithATokenAndListsBothHosts()
    {
        FingerprintTrust refuseAll;
        const LxdServerCertificates store = storeNamed(QStringLiteral("lxd_certificates"));
        for (const char* role : {"main", "backup"}) {
            const QByteArray text = newToken(role);
            QVERIFY2(!text.isEmpty(), role);
            const auto token = LxdTrustToken::decode(text, QDateTime::currentDateTimeUtc());
            QVERIFY(token.ok());
            QCOMPARE(token->fingerprint.size(), 32);
            m_serverFingerprint[index(role)] = token->fingerprint;

            const Result<void> onboarded = onboard(role, *m_identity, store, &refuseAll, text);
            QVERIFY2(onboarded.ok(),
                     onboarded.ok() ? "" : qPrintable(onboarded.error().toString()));
            // The token named the certificate: nobody was asked, and it is pinned.
            QCOMPARE(refuseAll.questionsAsked(), 0);
            const auto pinned = store.lookup(url(role).host(), url(role).port());
            QVERIFY(pinned.ok() && pinned->has_value());
            QCOMPARE(**pinned, token->fingerprint);
            QVERIFY(!pendingTokens(role).contains(m_tokens[index(role)].last())); // used up

            auto lxd = client(role, *m_identity, store, &refuseAll);
            const Run listed = run(lxd->listInstances());
            QVERIFY2(listed.result && listed.result->ok(), why(listed.result).constData());
            QCOMPARE(listed.finishedCount, 1);
            const auto instances = LxdInstance::listFromJson(listed.result->value());
            QVERIFY(instances.ok());
            if (qstrcmp(role, "main") == 0) {
                bool web = false;
                for (const LxdInstance& i : *instances)
                    web = web || (i.name == QLatin1String("web") && i.isRunning());
                QVERIFY2(web, "web is not listed as running on main over HTTPS");
            }
        }
        QCOMPARE(refuseAll.questionsAsked(), 0);
    }

    void waitsOnAnOperationOverHttps()
    {
        // A background operation (exec in web, no websocket) waited on with
        // /wait over the same transport: LxdClient works unchanged.
        QVERIFY(m_identity);
        FingerprintTrust refuseAll;
        auto lxd =
            client("main", *m_identity, storeNamed(QStringLiteral("lxd_certificates")), &refuseAll);
        const QJsonObject body{
            {QStringLiteral("command"),
             QJsonArray{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")}},
            {QStringLiteral("wait-for-websocket"), false},
            {QStringLiteral("record-output"), false},
            {QStringLiteral("interactive"), false}};
        LxdOperation* op = lxd->request("POST", QStringLiteral("/1.0/instances/web/exec"), body);
        QString operationId;
        connect(op, &LxdOperation::operationCreated, this,
                [&operationId](const QString& id) { operationId = id; });
        const Run r = run(op);
        QVERIFY2(r.result && r.result->ok(), why(r.result).constData());
        QVERIFY(!operationId.isEmpty());
        QCOMPARE(r.result->value().toObject().value(QStringLiteral("return")).toInt(-1), 3);
    }

    void onboardingAgainSendsNothing()
    {
        QVERIFY(m_identity);
        FingerprintTrust refuseAll;
        const LxdServerCertificates store = storeNamed(QStringLiteral("lxd_certificates"));
        const QByteArray text = newToken("main");
        QVERIFY(!text.isEmpty());
        const auto token = LxdTrustToken::decode(text, QDateTime::currentDateTimeUtc());
        LxdOnboarding onboarding(url("main"), *m_identity, store, &refuseAll);
        onboarding.setToken(*token);
        onboarding.start();
        QVERIFY(QTest::qWaitFor([&] { return onboarding.isFinished(); }, 30000));
        QVERIFY2(onboarding.result().ok(), qPrintable(onboarding.result().error().toString()));
        QVERIFY(onboarding.wasAlreadyTrusted());
        // The token was not spent.
        QVERIFY(pendingTokens("main").contains(m_tokens[0].last()));
    }

    void refusesAWrongPinAndSendsNothing()
    {
        QVERIFY(m_identity);
        FingerprintTrust acceptAll; // would accept anything it were asked
        const LxdServerCertificates wrong = storeNamed(QStringLiteral("wrong_pin"));
        const QByteArray bogus = QCryptographicHash::hash("not LXD", QCryptographicHash::Sha256);
        QVERIFY(wrong.add(url("main").host(), url("main").port(), bogus).ok());

        auto lxd = client("main", *m_identity, wrong, &acceptAll);
        const Run listed = run(lxd->listInstances());
        QVERIFY(listed.result && !listed.result->ok());
        QVERIFY2(listed.result->error().is(LxdError::CertificateMismatch),
                 why(listed.result).constData());
        QVERIFY(listed.result->error().message().contains(CertificatePin::format(bogus)));
        QVERIFY(listed.result->error().message().contains(
            CertificatePin::format(m_serverFingerprint[0])));
        QCOMPARE(acceptAll.questionsAsked(), 0);

        // No request reached LXD: a token offered over that connection is
        // still pending afterwards.
        const LxdClientIdentity fresh = LxdClientIdentity::generate(QStringLiteral("x")).value();
        const QByteArray text = newToken("main");
        QVERIFY(!text.isEmpty());
        LxdOnboarding onboarding(url("main"), fresh, wrong, &acceptAll);
        auto token = LxdTrustToken::decode(text, QDateTime::currentDateTimeUtc()).value();
        token.fingerprint.clear(); // make the connection rely on the stored (wrong) pin
        onboarding.setToken(token);
        onboarding.start();
        QVERIFY(QTest::qWaitFor([&] { return onboarding.isFinished(); }, 30000));
        QVERIFY(!onboarding.result().ok());
        QVERIFY2(onboarding.result().error().is(LxdError::CertificateMismatch),
                 qPrintable(onboarding.result().error().toString()));
        QVERIFY(pendingTokens("main").contains(m_tokens[0].last()));
        // The pin file still holds the bogus pin: nothing was overwritten.
        QCOMPARE(wrong.lookup(url("main").host(), url("main").port())->value(), bogus);
    }

    void asksAboutAnUnknownCertificate()
    {
        QVERIFY(m_identity);
        const LxdServerCertificates store = storeNamed(QStringLiteral("unknown"));
        FingerprintTrust refuse;
        {
            auto lxd = client("backup", *m_identity, store, &refuse);
            const Run listed = run(lxd->listInstances());
            QVERIFY(listed.result && !listed.result->ok());
            QVERIFY2(listed.result->error().is(LxdError::CertificateUnknown),
                     why(listed.result).constData());
            QCOMPARE(listed.finishedCount, 1);
        }
        QCOMPARE(refuse.questionsAsked(), 1);
        const TlsQuestion question = refuse.questions().first();
        QCOMPARE(question.host, url("backup").host());
        QCOMPARE(question.port, url("backup").port());
        QCOMPARE(question.fingerprint, CertificatePin::format(m_serverFingerprint[1]));
        QVERIFY(question.validUntil > QDateTime::currentDateTimeUtc());
        QVERIFY(!store.lookup(url("backup").host(), url("backup").port())->has_value());

        // Accepting that fingerprint pins it and the request goes through.
        FingerprintTrust accept({question.fingerprint});
        auto lxd = client("backup", *m_identity, store, &accept);
        const Run listed = run(lxd->listInstances());
        QVERIFY2(listed.result && listed.result->ok(), why(listed.result).constData());
        QCOMPARE(accept.questionsAsked(), 1);
        QCOMPARE(store.lookup(url("backup").host(), url("backup").port())->value(),
                 m_serverFingerprint[1]);
    }

    void untrustedClientReadsLxdsRefusal()
    {
        const LxdClientIdentity stranger =
            LxdClientIdentity::generate(QStringLiteral("stranger")).value();
        const LxdServerCertificates store = storeNamed(QStringLiteral("lxd_certificates"));
        FingerprintTrust refuseAll;
        auto lxd = client("main", stranger, store, &refuseAll);
        const Run listed = run(lxd->listInstances());
        QVERIFY(listed.result && !listed.result->ok());
        QVERIFY2(listed.result->error().is(LxdError::Forbidden), why(listed.result).constData());
        // LXD's own words, not ours.
        QVERIFY2(!listed.result->error().message().isEmpty(), why(listed.result).constData());
        QVERIFY(listed.result->error().toString().contains(QStringLiteral("403")));
        qInfo() << "LXD said:" << listed.result->error().message();
    }

    void wrongPortIsUnreachable()
    {
        QVERIFY(m_identity);
        const LxdServerCertificates store = storeNamed(QStringLiteral("lxd_certificates"));
        FingerprintTrust refuseAll;
        QUrl closed = url("main");
        closed.setPort(8444);
        auto lxd = client("main", *m_identity, store, &refuseAll, closed);
        const Run listed = run(lxd->listInstances());
        QVERIFY(listed.result && !listed.result->ok());
        QVERIFY2(listed.result->error().is(LxdError::Unreachable), why(listed.result).constData());
        QCOMPARE(refuseAll.questionsAsked(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLxdHttps)
#include "tst_lxdhttps.moc"
