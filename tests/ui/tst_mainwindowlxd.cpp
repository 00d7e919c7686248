#include "MainWindow.h"
#include "RecentSites.h"
#include "UnlockDialog.h"
#include "common/SystemClock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdSshTransport.h"
#include "plan/LxdHealthAccess.h"
#include "plan/SiteConnections.h"
#include "vault/KdfParams.h"
#include "vault/Vault.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace relais;
using namespace Qt::StringLiterals;

// The console's LXD probes get the hosts' LXD once the vault is unlocked:
// MainWindow's LxdHealthAccess has no connections while the vault is
// locked, gets them (and gives the probes a client) when the user unlocks
// it, keeps them when it locks again, and lets them go with the site. The
// site's only host to reach is 127.0.0.1 on a closed port.
class TestMainWindowLxd : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const QString m_passphrase = u"main window lxd pass phrase"_s;

    QString vaultPath() const { return m_dir.filePath(u"vault"_s); }

    QString writeSite(const QString& name) const
    {
        const QJsonObject ssh{{u"port"_s, 1}, {u"user"_s, u"root"_s}, {u"key"_s, u"ssh-key"_s}};
        const QJsonObject lxd{{u"transport"_s, u"ssh"_s},
                              {u"socket"_s, u"/var/lib/lxd/unix.socket"_s}};
        const QJsonObject host{{u"address"_s, u"127.0.0.1"_s}, {u"ssh"_s, ssh}, {u"lxd"_s, lxd}};
        QJsonObject main = host;
        main.insert(u"name"_s, u"main"_s);
        QJsonObject backup = host;
        backup.insert(u"name"_s, u"backup"_s);
        const QJsonObject document{
            {u"schema"_s, 1},
            {u"name"_s, name},
            {u"vault"_s, vaultPath()},
            {u"hosts"_s, QJsonObject{{u"main"_s, main}, {u"backup"_s, backup}}},
            {u"services"_s,
             QJsonArray{QJsonObject{
                 {u"name"_s, u"www"_s},
                 {u"containers"_s, QJsonArray{u"web"_s}},
                 {u"probes"_s, QJsonArray{QJsonObject{{u"kind"_s, u"lxd"_s},
                                                      {u"host"_s, u"main"_s},
                                                      {u"instance"_s, u"web"_s},
                                                      {u"interval_seconds"_s, 3600}}}}}}}};
        const QString path = m_dir.filePath(name + u".json"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(document).toJson()) <= 0)
            return {};
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("RELAIS_DATA_DIR", m_dir.filePath(u"data"_s).toLocal8Bit());
        QApplication::setQuitOnLastWindowClosed(false);
        Result<Vault> vault =
            Vault::create(vaultPath(), SecretBytes(QByteArrayView(m_passphrase.toUtf8())),
                          KdfParams{10, 8, 1}, SystemClock::instance());
        QVERIFY(vault.ok());
        VaultEntry key;
        key.id = u"ssh-key"_s;
        key.kind = VaultEntry::Kind::SshPrivateKey;
        QByteArray text = "not a key the test ever uses";
        key.secret = SecretBytes::takeFrom(text);
        QVERIFY(vault->add(key).ok());
        QVERIFY(vault->save().ok());
    }

    void probesGetTheirClientOnceTheVaultIsUnlocked()
    {
        QSettings settings(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        RecentSites recent(settings);
        MainWindow window(recent);
        window.setKeychain(std::nullopt);
        const QString first = writeSite(u"first"_s);
        QVERIFY(!first.isEmpty());
        QVERIFY(window.openSite(first).ok());
        const LxdHealthAccess& access = window.lxdHealthAccess();
        QVERIFY(!access.connections());
        QCOMPARE(access.context().client(HostRole::Main).value(), nullptr);
        QVERIFY(access.history()); // relais.db in the temporary directory

        auto* credentials = window.findChild<QAction*>(u"actionCredentials"_s);
        QVERIFY(credentials);
        credentials->trigger();
        UnlockDialog* unlock = window.unlockDialog();
        QVERIFY(unlock);
        unlock->findChild<QLineEdit*>(u"passphrase"_s)->setText(m_passphrase);
        QTest::mouseClick(unlock->findChild<QPushButton*>(u"unlockButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(access.connections(), 10000);
        const Result<LxdClient*> made = access.connections()->lxd(HostRole::Main);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().toString()));
        LxdClient* client = access.context().client(HostRole::Main).value();
        QCOMPARE(client, *made);
        QVERIFY(qobject_cast<LxdSshTransport*>(client->transport()));
        QCOMPARE(access.connections()->site().name, u"first"_s);

        // Locked again: the probes keep their connections.
        window.findChild<QAction*>(u"actionLockVault"_s)->trigger();
        QVERIFY(access.connections());

        // Another site: the connections went with the first one.
        const QString second = writeSite(u"second"_s);
        QVERIFY(window.openSite(second).ok());
        QVERIFY(!access.connections());
        QCOMPARE(access.context().client(HostRole::Main).value(), nullptr);
    }
};

QTEST_MAIN(TestMainWindowLxd)
#include "tst_mainwindowlxd.moc"
