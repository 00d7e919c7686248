#include "common/FingerprintTrust.h"
#include "common/SystemClock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdClientIdentity.h"
#include "lxd/LxdError.h"
#include "lxd/LxdHttpsTransport.h"
#include "lxd/LxdSshTransport.h"
#include "plan/PlanError.h"
#include "plan/SiteConnections.h"
#include "ssh/RejectAllVerifier.h"
#include "ssh/SshSession.h"
#include "vault/KdfParams.h"
#include "vault/Vault.h"

#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using namespace Qt::StringLiterals;

// SiteConnections::lxd() follows each host's LXD endpoint: HTTPS with the
// client certificate read from the vault when the connections are made
// (so it outlives a vault locked afterwards), SSH otherwise; a missing
// certificate or endpoint is a clear error. No connection is opened here.
class TestSiteConnections : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    RejectAllVerifier m_verifier;
    FingerprintTrust m_trust;
    std::optional<LxdClientIdentity> m_identity;
    int m_vaults = 0;

    static Site site()
    {
        Site site;
        site.main.name = u"main"_s;
        site.main.address = u"192.0.2.10"_s;
        LxdEndpoint https;
        https.transport = LxdEndpoint::Transport::Https;
        https.url = u"https://192.0.2.10:8443"_s;
        https.clientCertificateId = u"lxd-client"_s;
        site.main.lxd = https;
        site.backup.name = u"backup"_s;
        site.backup.address = u"192.0.2.20"_s;
        LxdEndpoint ssh;
        ssh.socketPath = u"/var/lib/lxd/unix.socket"_s;
        site.backup.lxd = ssh;
        return site;
    }

    std::unique_ptr<Vault> vault(bool withCertificate)
    {
        Result<Vault> made = Vault::create(m_dir.filePath(QString::number(++m_vaults)),
                                           SecretBytes(QByteArrayView("t")), KdfParams{10, 8, 1},
                                           SystemClock::instance());
        if (!made)
            return nullptr;
        VaultEntry key;
        key.id = u"lab-ssh"_s;
        key.kind = VaultEntry::Kind::SshPrivateKey;
        QByteArray text = "not used here";
        key.secret = SecretBytes::takeFrom(text);
        if (!made->add(key))
            return nullptr;
        if (withCertificate) {
            VaultEntry entry;
            entry.id = u"lxd-client"_s;
            entry.kind = VaultEntry::Kind::TlsClientCertificate;
            entry.secret = m_identity->toPem();
            if (!made->add(entry))
                return nullptr;
        }
        return std::make_unique<Vault>(std::move(made).value());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("RELAIS_DATA_DIR", m_dir.filePath(u"data"_s).toUtf8());
        Result<LxdClientIdentity> identity = LxdClientIdentity::generate(u"relais@test"_s);
        QVERIFY(identity.ok());
        m_identity = std::move(identity).value();
    }

    void httpsEndpointGivesAnHttpsClientWithTheVaultsCertificate()
    {
        std::unique_ptr<Vault> v = vault(true);
        QVERIFY(v);
        SiteConnections connections(site(), *v, &m_verifier, nullptr, &m_trust);
        // The certificate was read when the connections were made.
        v->lock();
        const Result<LxdClient*> main = connections.lxd(HostRole::Main);
        QVERIFY2(main.ok(), main.ok() ? "" : qPrintable(main.error().toString()));
        auto* https = qobject_cast<LxdHttpsTransport*>((*main)->transport());
        QVERIFY(https);
        QCOMPARE(https->host(), u"192.0.2.10"_s);
        QCOMPARE(https->port(), 8443);
        QCOMPARE(https->identity().fingerprint(), m_identity->fingerprint());
        // One client per host, kept.
        QCOMPARE(*connections.lxd(HostRole::Main), *main);
        QCOMPARE(m_trust.questionsAsked(), 0);
    }

    void sshEndpointStillGoesThroughSsh()
    {
        std::unique_ptr<Vault> v = vault(true);
        QVERIFY(v);
        Site s = site();
        s.backup.ssh.keyId = u"lab-ssh"_s;
        SiteConnections connections(s, *v, &m_verifier, nullptr, &m_trust);
        const Result<LxdClient*> backup = connections.lxd(HostRole::Backup);
        QVERIFY2(backup.ok(), backup.ok() ? "" : qPrintable(backup.error().toString()));
        QVERIFY(qobject_cast<LxdSshTransport*>((*backup)->transport()));
    }

    void missingCertificateIsAnError()
    {
        std::unique_ptr<Vault> v = vault(false);
        QVERIFY(v);
        SiteConnections connections(site(), *v, &m_verifier, nullptr, &m_trust);
        const Result<LxdClient*> main = connections.lxd(HostRole::Main);
        QVERIFY(!main.ok());
        QVERIFY(main.error().is(LxdError::InvalidClientCertificate));
        QVERIFY2(main.error().message().contains(u"lxd-client"_s),
                 qPrintable(main.error().message()));
    }

    void existingSessionMakesNone()
    {
        std::unique_ptr<Vault> v = vault(true);
        QVERIFY(v);
        Site s = site();
        s.backup.ssh.keyId = u"lab-ssh"_s;
        SiteConnections connections(s, *v, &m_verifier, nullptr, &m_trust);
        QCOMPARE(connections.existingSession(HostRole::Backup), nullptr);
        QCOMPARE(connections.existingSession(HostRole::Backup), nullptr);
        const Result<SshSession*> made = connections.session(HostRole::Backup);
        QVERIFY(made.ok());
        QCOMPARE(connections.existingSession(HostRole::Backup), *made);
        QCOMPARE(connections.existingSession(HostRole::Main), nullptr);
    }

    void hostWithoutLxdIsNotConfigured()
    {
        std::unique_ptr<Vault> v = vault(true);
        QVERIFY(v);
        Site s = site();
        s.main.lxd.reset();
        SiteConnections connections(s, *v, &m_verifier, nullptr, &m_trust);
        const Result<LxdClient*> main = connections.lxd(HostRole::Main);
        QVERIFY(!main.ok());
        QVERIFY(main.error().is(PlanError::NotConfigured));
    }
};

QTEST_GUILESS_MAIN(TestSiteConnections)
#include "tst_siteconnections.moc"
