#include "ReplicationKeySetup.h"

#include "SyncError.h"
#include "common/ShellQuote.h"
#include "ssh/KnownHosts.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshKeys.h"
#include "ssh/SshSession.h"

#include <QTimer>
#include <cstring>
#include <utility>

namespace relais {

ReplicationKeySetup::ReplicationKeySetup(SyncJob job, SshSession* initiating, SshSession* other,
                                         QString otherAddress, int otherPort,
                                         QList<HostKey> otherHostKeys, QObject* parent)
    : QObject(parent)
    , m_job(std::move(job))
    , m_initiating(initiating)
    , m_other(other)
    , m_otherAddress(std::move(otherAddress))
    , m_otherPort(otherPort)
    , m_otherKeys(std::move(otherHostKeys))
{}

ReplicationKeySetup::~ReplicationKeySetup()
{
    if (m_command) {
        // No finished() from a job being destroyed.
        m_command->disconnect(this);
        m_command->cancel();
    }
    if (!m_privateKey.isEmpty())
        explicit_bzero(m_privateKey.data(), static_cast<size_t>(m_privateKey.size()));
}

QString ReplicationKeySetup::shellPath(const QString& path)
{
    if (path.startsWith(QStringLiteral("~/")))
        return QStringLiteral("\"$HOME\"/") + shellQuote(path.mid(2));
    return shellQuote(path);
}

QString ReplicationKeySetup::keyPath() const
{
    return m_keyDir + QLatin1Char('/') + RsyncCommand::keyName(m_job, m_flow);
}

RsyncCommand::Peer ReplicationKeySetup::peer(const QString& user) const
{
    RsyncCommand::Peer p;
    p.user = user;
    p.address = m_otherAddress;
    p.port = m_otherPort;
    // ssh expands "~/" in -i and UserKnownHostsFile itself.
    p.keyPath = keyPath();
    p.knownHostsPath = keyPath() + QStringLiteral(".known_hosts");
    return p;
}

QString ReplicationKeySetup::fingerprint() const
{
    const QStringList parts = m_publicLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return {};
    return HostKey::fromOpenSsh(parts.at(0), parts.at(1)).fingerprint();
}

void ReplicationKeySetup::start()
{
    if (m_result || m_command)
        return;
    const bool noKeys = m_otherKeys.isEmpty() && m_trustedKeysFile.isEmpty();
    if (!m_initiating || !m_other || noKeys) {
        QTimer::singleShot(0, this, [this, noKeys] {
            finish(Error(SyncError::NotConnected,
                         noKeys ? tr("the other host's SSH key is not trusted yet; trust it first")
                                : tr("no session to the hosts")));
        });
        return;
    }
    QTimer::singleShot(0, this, &ReplicationKeySetup::checkRrsync);
}

void ReplicationKeySetup::cancel()
{
    if (m_result)
        return;
    if (SshCommandJob* command = std::exchange(m_command, nullptr)) {
        command->disconnect(this);
        command->cancel();
        command->deleteLater();
    }
    finish(Error(SyncError::Cancelled, tr("the replication key's set-up was cancelled")));
}

void ReplicationKeySetup::readTrustedKeys()
{
    if (m_trustedKeysFile.isEmpty())
        return;
    m_otherKeys.clear();
    const Result<QList<KnownHostsEntry>> entries = KnownHosts(m_trustedKeysFile).entries();
    if (!entries)
        return;
    for (const KnownHostsEntry& entry : *entries) {
        if (entry.host == m_otherAddress && entry.port == m_otherPort)
            m_otherKeys.append(entry.key);
    }
}

void ReplicationKeySetup::run(
    SshSession* session, const QString& command, const QByteArray& input,
    std::function<void(const QByteArray& out, const QByteArray& err, int status)> next)
{
    if (m_result)
        return;
    auto* job = new SshCommandJob(session, command, 30000, this);
    job->setStandardInput(input);
    m_command = job;
    connect(job, &SshCommandJob::finished, this, [this, job, next] {
        job->deleteLater();
        m_command = nullptr;
        const Result<int>& result = job->result();
        if (!result) {
            finish(Error(SyncError::NotConnected,
                         tr("cannot run the set-up command on %1: %2")
                             .arg(job->command().section(QLatin1Char(' '), 0, 0),
                                  result.error().message())));
            return;
        }
        next(job->standardOutput(), job->standardError(), *result);
    });
    job->start();
}

void ReplicationKeySetup::checkRrsync()
{
    if (m_result)
        return;
    emit progress(tr("Checking that rrsync is installed on %1…").arg(m_otherAddress));
    run(m_other, QStringLiteral("command -v rrsync"), {},
        [this](const QByteArray&, const QByteArray&, int status) {
            if (status != 0) {
                finish(Error(SyncError::RsyncFailed,
                             tr("rrsync is not installed on %1 (Debian's rsync package ships it "
                                "from 3.2.3 on); the replication key cannot be restricted "
                                "without it")
                                 .arg(m_otherAddress)));
                return;
            }
            // The other host was reached: its key is known now, trusted
            // on this first connection if it was new.
            readTrustedKeys();
            if (m_otherKeys.isEmpty()) {
                finish(Error(SyncError::NotConnected,
                             tr("Relais trusts no SSH key of %1 on port %2 yet; connect to it "
                                "and trust its key first")
                                 .arg(m_otherAddress)
                                 .arg(m_otherPort)));
                return;
            }
            Result<SshKeyPair> pair = SshKeys::generateEd25519(
                QStringLiteral("relais-sync:") + RsyncCommand::keyName(m_job, m_flow));
            if (!pair) {
                finish(pair.error());
                return;
            }
            m_privateKey = QByteArray(pair->privateKey.constData(), pair->privateKey.size());
            m_publicLine = pair->publicLine;
            installPrivateKey();
        });
}

void ReplicationKeySetup::installPrivateKey()
{
    const QString dir = shellPath(m_keyDir);
    const QString key = shellPath(keyPath());
    const QString tmp = shellPath(keyPath() + QStringLiteral(".tmp"));
    const QString known = shellPath(keyPath() + QStringLiteral(".known_hosts"));
    const QString hostName = m_otherPort == 22
                                 ? m_otherAddress
                                 : QStringLiteral("[%1]:%2").arg(m_otherAddress).arg(m_otherPort);
    QStringList knownLines;
    for (const HostKey& k : std::as_const(m_otherKeys))
        knownLines << hostName + QLatin1Char(' ') + k.type + QLatin1Char(' ') + k.base64();
    // The public half beside it: ssh offers KEY.pub when it exists, and a
    // stale one (an earlier key's) would be offered instead of this key.
    const QString pub = shellPath(keyPath() + QStringLiteral(".pub"));
    const QString command =
        QStringLiteral("umask 077 && mkdir -p %1 && cat > %2 && mv -f %2 %3 && printf '%s\\n' %4 "
                       "> %5.tmp && mv -f %5.tmp %5 && printf '%s\\n' %6 > %7.tmp && "
                       "mv -f %7.tmp %7")
            .arg(dir, tmp, key, shellJoin(knownLines), known, shellQuote(m_publicLine), pub);
    emit progress(tr("Installing the new key on %1…")
                      .arg(m_initiating ? m_initiating->options().target.address : QString()));
    // Handed over, not copied: the job holds the only copy of the key.
    run(m_initiating, command, std::exchange(m_privateKey, {}),
        [this](const QByteArray&, const QByteArray& err, int status) {
            if (status != 0) {
                finish(Error(SyncError::RsyncFailed,
                             tr("cannot install the replication key on the initiating host: %1")
                                 .arg(QString::fromUtf8(err).trimmed())));
                return;
            }
            authorize();
        });
}

void ReplicationKeySetup::authorize()
{
    const QString ak = shellPath(m_authorizedKeys);
    const QString tmp = shellPath(m_authorizedKeys + QStringLiteral(".relais-tmp"));
    const QString marker = shellQuote(QStringLiteral(" relais-sync:") +
                                      RsyncCommand::keyName(m_job, m_flow) + QLatin1Char('$'));
    const QString command = QStringLiteral("umask 077 && mkdir -p \"$(dirname %1)\" && touch %1 && "
                                           "{ grep -v %2 %1 || true; cat; } > %3 && mv -f %3 %1")
                                .arg(ak, marker, tmp);
    const QByteArray line =
        RsyncCommand::authorizedKeysLine(m_job, m_publicLine, m_flow).toUtf8() + '\n';
    emit progress(tr("Authorizing the key in %1 on %2…").arg(m_authorizedKeys, m_otherAddress));
    run(m_other, command, line, [this](const QByteArray&, const QByteArray& err, int status) {
        if (status != 0) {
            finish(Error(SyncError::RsyncFailed,
                         tr("cannot authorize the replication key on %1: %2")
                             .arg(m_otherAddress, QString::fromUtf8(err).trimmed())));
            return;
        }
        finish(Result<void>::success());
    });
}

void ReplicationKeySetup::finish(Result<void> result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    emit finished();
}

} // namespace relais
