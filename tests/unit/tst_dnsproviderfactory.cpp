#include "common/ManualClock.h"
#include "dns/DnsProviderError.h"
#include "dns/DnsProviderFactory.h"
#include "dns/Rfc2136Provider.h"
#include "vault/Vault.h"
#include "vault/VaultEntry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using namespace Qt::StringLiterals;

// DnsProviderFactory: the provider of each binding, its credentials from
// the vault, and what it says when it cannot make one.
class TestDnsProviderFactory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 22), QTime(6, 0), Qt::UTC)};
    std::optional<Vault> m_vault;

    static DnsBinding rfc2136(const QString& tsig)
    {
        DnsBinding binding;
        binding.zone = u"example.test."_s;
        binding.record = u"www"_s;
        binding.server = u"127.0.0.1"_s;
        binding.port = 53531;
        binding.tsigId = tsig;
        return binding;
    }

    void add(const QString& id, const QByteArray& secret)
    {
        VaultEntry entry;
        entry.id = id;
        entry.kind = VaultEntry::Kind::TsigKey;
        entry.label = id;
        entry.secret = SecretBytes(secret);
        QVERIFY(m_vault->add(entry).ok());
    }

private slots:
    void initTestCase()
    {
        KdfParams kdf;
        kdf.logN = KdfParams::MinLogN;
        Result<Vault> vault = Vault::create(
            m_dir.filePath(u"vault"_s), SecretBytes(QByteArrayView("passphrase")), kdf, m_clock);
        QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().message()));
        m_vault.emplace(std::move(vault).value());
        add(u"good-key"_s, "relais-lab:hmac-sha256:c2VjcmV0c2VjcmV0");
        add(u"bad-key"_s, "not a key");
        add(u"api-token"_s, "token-secret");
    }

    void makesTheApiProviders_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<QString>("name");
        using P = DnsBinding::Provider;
        QTest::newRow("powerdns") << int(P::PowerDns) << u"PowerDNS API"_s;
        QTest::newRow("cloudflare") << int(P::Cloudflare) << u"Cloudflare"_s;
        QTest::newRow("gandi") << int(P::Gandi) << u"Gandi LiveDNS"_s;
        QTest::newRow("ovh") << int(P::Ovh) << u"OVH"_s;
    }

    void makesTheApiProviders()
    {
        QFETCH(int, provider);
        QFETCH(QString, name);
        if (provider == int(DnsBinding::Provider::Ovh))
            add(u"ovh-keys"_s, "appkey:appsecret:consumerkey");
        DnsBinding binding = rfc2136({});
        binding.provider = static_cast<DnsBinding::Provider>(provider);
        binding.apiUrl = u"http://127.0.0.1:18081"_s;
        binding.credentialsId =
            provider == int(DnsBinding::Provider::Ovh) ? u"ovh-keys"_s : u"api-token"_s;
        const auto made = DnsProviderFactory::create(binding, &*m_vault);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message()));
        QCOMPARE((*made)->displayName(), name);
        // Without the vault (locked), a clear refusal.
        const auto locked = DnsProviderFactory::create(binding, nullptr);
        QVERIFY(!locked);
        QVERIFY(locked.error().is(DnsProviderError::MissingCredentials));
        QVERIFY(locked.error().message().contains(u"locked"_s));
    }

    void namesTheRecord()
    {
        DnsBinding binding = rfc2136({});
        QCOMPARE(DnsProviderFactory::recordName(binding), u"www.example.test"_s);
        binding.record = u"@"_s;
        QCOMPARE(DnsProviderFactory::recordName(binding), u"example.test"_s);
        QCOMPARE(DnsProviderFactory::recordType(binding), DnsRecordType::A);
        binding.type = u"AAAA"_s;
        QCOMPARE(DnsProviderFactory::recordType(binding), DnsRecordType::AAAA);
    }

    void rfc2136WithItsKey()
    {
        auto provider = DnsProviderFactory::create(rfc2136(u"good-key"_s), &*m_vault);
        QVERIFY2(provider, qPrintable(provider ? QString() : provider.error().message()));
        auto* rfc = qobject_cast<Rfc2136Provider*>(provider->get());
        QVERIFY(rfc);
        QCOMPARE(rfc->server(), u"127.0.0.1"_s);
        QCOMPARE(rfc->port(), 53531);
        QCOMPARE(rfc->displayName(), u"RFC 2136"_s);
    }

    void withoutTheVaultItReadsButDoesNotChange()
    {
        auto provider = DnsProviderFactory::create(rfc2136(u"good-key"_s), nullptr);
        QVERIFY(provider);
        std::optional<Result<DnsChangeResult>> changed;
        connect(provider->get(), &DnsProvider::changeFinished, this,
                [&](const Result<DnsChangeResult>& r) { changed.emplace(r); });
        DnsRecordChange change;
        change.name = u"www.example.test"_s;
        change.expected = {QHostAddress(u"192.0.2.1"_s)};
        change.addresses = {QHostAddress(u"192.0.2.2"_s)};
        (*provider)->change(change);
        QVERIFY(!changed); // never from inside the call
        QTRY_VERIFY(changed.has_value());
        QVERIFY(changed->error().is(DnsProviderError::MissingCredentials));
        QVERIFY2(changed->error().message().contains(u"no TSIG key"_s),
                 qPrintable(changed->error().message()));
    }

    void refusals_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<QString>("tsig");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("said");
        using P = DnsBinding::Provider;
        QTest::newRow("missing entry") << int(P::Rfc2136) << u"nope"_s
                                       << int(DnsProviderError::MissingCredentials) << u"nope"_s;
        QTest::newRow("not a key") << int(P::Rfc2136) << u"bad-key"_s
                                   << int(DnsProviderError::BadCredentials) << u"bad-key"_s;
        // For the API providers the column is the credentials' vault id.
        QTest::newRow("powerdns, none named")
            << int(P::PowerDns) << QString() << int(DnsProviderError::MissingCredentials)
            << u"PowerDNS API binding names no credentials"_s;
        QTest::newRow("ovh, missing entry")
            << int(P::Ovh) << u"nope"_s << int(DnsProviderError::MissingCredentials)
            << u"no OVH credentials \"nope\""_s;
        QTest::newRow("ovh, not three parts")
            << int(P::Ovh) << u"api-token"_s << int(DnsProviderError::BadCredentials)
            << u"not usable OVH credentials"_s;
        QTest::newRow("cloudflare") << int(P::Cloudflare) << u"nope"_s
                                    << int(DnsProviderError::MissingCredentials) << u"Cloudflare"_s;
        QTest::newRow("gandi") << int(P::Gandi) << u"nope"_s
                               << int(DnsProviderError::MissingCredentials) << u"Gandi"_s;
    }

    void refusals()
    {
        QFETCH(int, provider);
        QFETCH(QString, tsig);
        QFETCH(int, code);
        QFETCH(QString, said);
        DnsBinding binding = rfc2136(tsig);
        binding.provider = static_cast<DnsBinding::Provider>(provider);
        if (binding.provider != DnsBinding::Provider::Rfc2136) {
            binding.tsigId.clear();
            binding.credentialsId = tsig;
            binding.apiUrl = u"http://127.0.0.1:18081"_s;
        }
        const auto made = DnsProviderFactory::create(binding, &*m_vault);
        QVERIFY(!made);
        QVERIFY(made.error().is(static_cast<DnsProviderError>(code)));
        QVERIFY2(made.error().message().contains(said), qPrintable(made.error().message()));
        QVERIFY(!made.error().message().contains(u"c2VjcmV0"_s));
    }
};

QTEST_GUILESS_MAIN(TestDnsProviderFactory)
#include "tst_dnsproviderfactory.moc"
