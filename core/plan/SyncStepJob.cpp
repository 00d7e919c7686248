#include "SyncStepJob.h"

#include "common/Database.h"
#include "ssh/SshSession.h"
#include "sync/ReplicationLock.h"
#include "sync/RsyncProgress.h"
#include "sync/SyncHistory.h"
#include "sync/SyncRunJob.h"

#include <QLocale>

namespace relais {

SyncStepJob::SyncStepJob(SyncJob job, RsyncCommand::Peer peer, SshSession* main, SshSession* backup,
                         const Clock& clock, Database* database, QString siteKey, QObject* parent)
    : StepJob(parent)
    , m_job(std::move(job))
    , m_peer(std::move(peer))
    , m_main(main)
    , m_backup(backup)
    , m_clock(clock)
    , m_database(database)
    , m_siteKey(std::move(siteKey))
{}

SyncStepJob::~SyncStepJob() = default;

RsyncCommand::Peer SyncStepJob::peerFor(const Site& site, const SyncJob& job,
                                        const QString& keyDirectory, RsyncCommand::Flow flow)
{
    const Host& other = job.direction == SyncJob::Direction::Push ? site.backup : site.main;
    RsyncCommand::Peer peer;
    peer.user = other.ssh.user.isEmpty() ? QStringLiteral("root") : other.ssh.user;
    peer.address = other.address;
    peer.port = other.ssh.port > 0 ? other.ssh.port : 22;
    peer.keyPath = keyDirectory + QLatin1Char('/') + RsyncCommand::keyName(job, flow);
    peer.knownHostsPath = peer.keyPath + QStringLiteral(".known_hosts");
    return peer;
}

std::optional<SyncJob> SyncStepJob::findJob(const Site& site, const QString& name)
{
    for (const SyncJob& job : site.syncJobs) {
        if (job.name == name)
            return job;
    }
    return std::nullopt;
}

QString SyncStepJob::progressLine(const RsyncProgress& progress)
{
    const QLocale locale;
    return tr("%1  %2 %  %3/s")
        .arg(locale.formattedDataSize(progress.bytes, 1, QLocale::DataSizeSIFormat))
        .arg(progress.percent)
        .arg(locale.formattedDataSize(progress.bytesPerSecond, 1, QLocale::DataSizeSIFormat));
}

void SyncStepJob::start()
{
    if (m_run)
        return;
    m_run = new SyncRunJob(m_job, m_peer, m_main, m_backup, RsyncCommand::Mode::Run, m_clock, this);
    if (m_database) {
        const Result<std::optional<ReplicationLock::State>> lock =
            ReplicationLock(*m_database, m_siteKey).state();
        if (lock && lock->has_value())
            m_run->setLocked((*lock)->reason);
    }
    emit output(tr("Sync job %1, main to backup.").arg(m_job.name));
    connect(m_run, &SyncRunJob::progress, this, [this](const RsyncProgress& progress) {
        const int tenth = progress.percent / 10;
        if (tenth <= m_lastTenth)
            return;
        m_lastTenth = tenth;
        emit output(progressLine(progress));
    });
    connect(m_run, &SyncRunJob::retrying, this,
            [this](int attempt, int delayMs, const QString& reason) {
                m_lastTenth = -1;
                emit output(tr("Attempt %1 failed (%2); retrying in %3 s.")
                                .arg(attempt)
                                .arg(reason)
                                .arg(delayMs / 1000));
            });
    connect(m_run, &SyncRunJob::finished, this, &SyncStepJob::onFinished);
    m_run->start();
}

void SyncStepJob::cancel()
{
    if (m_run)
        m_run->cancel();
}

void SyncStepJob::onFinished()
{
    const SyncRunRecord& record = m_run->record();
    if (m_database) {
        const Result<void> kept = SyncHistory(*m_database, m_siteKey).record(record);
        if (!kept)
            emit output(
                tr("The run could not be kept in the history: %1").arg(kept.error().message()));
    }
    for (const QString& message : m_run->messages())
        emit output(message);
    if (!m_run->result()) {
        emit finished(m_run->result().error());
        return;
    }
    emit output(tr("%1: %2 (%3 files, %4 transferred in %5 s)")
                    .arg(m_job.name, record.message)
                    .arg(record.files)
                    .arg(QLocale().formattedDataSize(std::max<qint64>(0, record.bytes), 1,
                                                     QLocale::DataSizeSIFormat))
                    .arg(record.durationMs() / 1000.0, 0, 'f', 1));
    emit finished(Result<void>::success());
}

} // namespace relais
