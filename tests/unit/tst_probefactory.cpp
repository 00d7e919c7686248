#include "health/DnsProbe.h"
#include "health/HttpProbe.h"
#include "health/ProbeFactory.h"
#include "health/SshProbe.h"
#include "health/TcpProbe.h"
#include "site/Site.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace relais;
using namespace Qt::StringLiterals;

namespace {

ProbeSpec spec(ProbeSpec::Kind kind)
{
    ProbeSpec result;
    result.kind = kind;
    result.timeoutSeconds = 4;
    return result;
}

/// A site like the lab's: main and backup, a www service with a DNS
/// binding and one probe of each kind, a mail service without binding.
Site labSite()
{
    Site site;
    site.name = u"Relais lab"_s;
    site.main.name = u"main"_s;
    site.main.address = u"10.231.0.10"_s;
    site.main.publicAddress = u"192.0.2.10"_s;
    site.main.ssh.port = 2222;
    site.backup.name = u"backup"_s;
    site.backup.address = u"10.231.0.20"_s;
    site.backup.publicAddress = u"198.51.100.20"_s;

    Service www;
    www.name = u"www"_s;
    DnsBinding binding;
    binding.zone = u"example.test"_s;
    binding.record = u"www"_s;
    binding.type = u"A"_s;
    www.dns = binding;

    ProbeSpec tcp = spec(ProbeSpec::Kind::Tcp);
    tcp.host = HostRole::Backup;
    tcp.port = 80;
    www.probes.append(tcp);

    ProbeSpec ssh = spec(ProbeSpec::Kind::Ssh);
    ssh.host = HostRole::Main;
    www.probes.append(ssh);

    ProbeSpec http = spec(ProbeSpec::Kind::Http);
    http.url = u"https://www.example.test/status"_s;
    http.expectStatusMin = 200;
    http.expectStatusMax = 204;
    http.keyword = u"Relais lab web"_s;
    http.tlsPin = QString(QStringLiteral("ab")).repeated(32);
    www.probes.append(http);

    ProbeSpec dns = spec(ProbeSpec::Kind::Dns);
    dns.server = u"127.0.0.1"_s;
    dns.port = 53531;
    dns.name = u"www.example.test"_s;
    www.probes.append(dns);
    site.services.append(www);

    Service mail;
    mail.name = u"mail"_s;
    ProbeSpec mailDns = spec(ProbeSpec::Kind::Dns);
    mailDns.server = u"127.0.0.1"_s;
    mailDns.port = 0; // the default applies
    mailDns.name = u"mail.example.test"_s;
    mail.probes.append(mailDns);
    site.services.append(mail);
    return site;
}

} // namespace

class TestProbeFactory : public QObject
{
    Q_OBJECT

private slots:
    void tcp()
    {
        const Site site = labSite();
        QNetworkAccessManager network;
        const auto probe = ProbeFactory::create(site.services[0].probes[0], site, network);
        const auto* tcp = qobject_cast<TcpProbe*>(probe.get());
        QVERIFY(tcp);
        QCOMPARE(tcp->host(), u"10.231.0.20"_s); // the backup's address
        QCOMPARE(tcp->port(), 80);
        QCOMPARE(tcp->timeoutMs(), 4000);
        QCOMPARE(tcp->describe(), u"TCP 10.231.0.20:80"_s);
    }

    void ssh()
    {
        const Site site = labSite();
        QNetworkAccessManager network;
        const auto probe = ProbeFactory::create(site.services[0].probes[1], site, network);
        const auto* ssh = qobject_cast<SshProbe*>(probe.get());
        QVERIFY(ssh);
        QCOMPARE(ssh->host(), u"10.231.0.10"_s);
        QCOMPARE(ssh->port(), 2222); // the host's SSH port
        QCOMPARE(ssh->timeoutMs(), 4000);
    }

    void http()
    {
        const Site site = labSite();
        QNetworkAccessManager network;
        const auto probe = ProbeFactory::create(site.services[0].probes[2], site, network);
        const auto* http = qobject_cast<HttpProbe*>(probe.get());
        QVERIFY(http);
        QCOMPARE(http->url(), QUrl(u"https://www.example.test/status"_s));
        QCOMPARE(http->statusMin(), 200);
        QCOMPARE(http->statusMax(), 204);
        QCOMPARE(http->keyword(), u"Relais lab web"_s);
        // The site's pin reaches the probe.
        QCOMPARE(http->pin(), QByteArray(32, '\xab'));
        QCOMPARE(http->timeoutMs(), 4000);
    }

    void dns()
    {
        const Site site = labSite();
        QNetworkAccessManager network;
        const auto probe = ProbeFactory::create(site.services[0].probes[3], site, network);
        const auto* dns = qobject_cast<DnsProbe*>(probe.get());
        QVERIFY(dns);
        QCOMPARE(dns->server(), u"127.0.0.1"_s);
        QCOMPARE(dns->port(), 53531);
        QCOMPARE(dns->name(), u"www.example.test"_s);
        QCOMPARE(dns->type(), DnsRecordType::A);
        QCOMPARE(dns->mainAddress(), u"192.0.2.10"_s);
        QCOMPARE(dns->backupAddress(), u"198.51.100.20"_s);
        QCOMPARE(dns->timeoutMs(), 4000);
    }

    void dnsTypeFromBinding()
    {
        Site site = labSite();
        site.main.publicAddress = u"2001:db8::10"_s;
        site.backup.publicAddress = u"2001:db8:1::20"_s;
        site.services[0].dns->type = u"AAAA"_s;
        QNetworkAccessManager network;
        const auto probe = ProbeFactory::create(site.services[0].probes[3], site, network);
        const auto* dns = qobject_cast<DnsProbe*>(probe.get());
        QVERIFY(dns);
        QCOMPARE(dns->type(), DnsRecordType::AAAA);
        QCOMPARE(dns->mainAddress(), u"2001:db8::10"_s);
    }

    void dnsWithoutBinding()
    {
        Site site = labSite();
        QNetworkAccessManager network;
        // mail has no DNS binding: A for IPv4 public addresses, port 53 by default.
        auto probe = ProbeFactory::create(site.services[1].probes[0], site, network);
        auto* dns = qobject_cast<DnsProbe*>(probe.get());
        QVERIFY(dns);
        QCOMPARE(dns->type(), DnsRecordType::A);
        QCOMPARE(dns->port(), 53);
        QCOMPARE(dns->name(), u"mail.example.test"_s);

        // ... and AAAA for IPv6 ones.
        site.main.publicAddress = u"2001:db8::10"_s;
        site.backup.publicAddress = u"2001:db8:1::20"_s;
        probe = ProbeFactory::create(site.services[1].probes[0], site, network);
        dns = qobject_cast<DnsProbe*>(probe.get());
        QVERIFY(dns);
        QCOMPARE(dns->type(), DnsRecordType::AAAA);
    }

    void serviceOf()
    {
        const Site site = labSite();
        QCOMPARE(ProbeFactory::serviceOf(site.services[0].probes[3], site), &site.services[0]);
        QCOMPARE(ProbeFactory::serviceOf(site.services[1].probes[0], site), &site.services[1]);
        const ProbeSpec copy = site.services[1].probes[0]; // found by equality
        QCOMPARE(ProbeFactory::serviceOf(copy, site), &site.services[1]);
        const ProbeSpec stranger = spec(ProbeSpec::Kind::Tcp);
        QCOMPARE(ProbeFactory::serviceOf(stranger, site), nullptr);
    }

    void explicitService()
    {
        Site site = labSite();
        site.services[0].dns->type = u"AAAA"_s;
        const ProbeSpec loose = site.services[1].probes[0];
        QNetworkAccessManager network;
        const auto probe = ProbeFactory::create(loose, &site.services[0], site, network);
        const auto* dns = qobject_cast<DnsProbe*>(probe.get());
        QVERIFY(dns);
        QCOMPARE(dns->type(), DnsRecordType::AAAA);
    }

    void parent()
    {
        const Site site = labSite();
        QNetworkAccessManager network;
        QObject owner;
        auto probe = ProbeFactory::create(site.services[0].probes[0], site, network, &owner);
        QCOMPARE(probe->parent(), &owner);
        Probe* released = probe.release();
        QCOMPARE(owner.findChildren<Probe*>().size(), 1);
        QCOMPARE(owner.findChildren<Probe*>().first(), released);
    }
};

QTEST_GUILESS_MAIN(TestProbeFactory)
#include "tst_probefactory.moc"
