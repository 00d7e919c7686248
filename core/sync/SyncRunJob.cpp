#include "SyncRunJob.h"

#include "RsyncExitPolicy.h"
#include "SyncCanary.h"
#include "SyncError.h"
#include "SyncHostInstall.h"
#include "common/Clock.h"
#include "common/Logging.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshError.h"
#include "ssh/SshSession.h"

#include <QTimer>

namespace relais {

namespace {

SyncRunRecord::Outcome recordOutcome(RsyncExitPolicy::Outcome outcome)
{
    switch (outcome) {
    case RsyncExitPolicy::Outcome::Success:
        return SyncRunRecord::Outcome::Success;
    case RsyncExitPolicy::Outcome::Warning:
        return SyncRunRecord::Outcome::Warning;
    case RsyncExitPolicy::Outcome::Retry:
        return SyncRunRecord::Outcome::Retry;
    case RsyncExitPolicy::Outcome::Fail:
        break;
    }
    return SyncRunRecord::Outcome::Fail;
}

/// The time the canary may take on main.
constexpr int CanaryTimeoutMs = 30000;

} // namespace

SyncRunJob::SyncRunJob(SyncJob job, RsyncCommand::Peer peer, SshSession* main, SshSession* backup,
                       RsyncCommand::Mode mode, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_job(std::move(job))
    , m_peer(std::move(peer))
    , m_main(main)
    , m_backup(backup)
    , m_mode(mode)
    , m_clock(clock)
{
    m_record.job = m_job.name;
    m_record.dryRun = mode == RsyncCommand::Mode::DryRun;
}

SyncRunJob::~SyncRunJob()
{
    if (m_command)
        m_command->cancel();
}

SshSession* SyncRunJob::sessionOf(HostRole role) const
{
    return role == HostRole::Main ? m_main.data() : m_backup.data();
}

QString SyncRunJob::initiatingHostName() const
{
    const bool push = m_job.direction == SyncJob::Direction::Push;
    const SshSession* session = push ? m_main.data() : m_backup.data();
    const QString role = push ? QStringLiteral("main") : QStringLiteral("backup");
    if (!session || session->options().target.address.isEmpty())
        return role;
    return QStringLiteral("%1 (%2)").arg(role, session->options().target.address);
}

void SyncRunJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_record.startedAt = m_clock.now().toUTC();
    const bool reverse = m_flow == RsyncCommand::Flow::Reverse;
    if (m_lockReason && !reverse) {
        // Deferred: finished() never comes from inside start().
        QTimer::singleShot(0, this, [this] {
            fail(Error(SyncError::DirectionLocked,
                       tr("replication from main to backup is locked (%1); "
                          "nothing was copied")
                           .arg(*m_lockReason)),
                 SyncRunRecord::Outcome::Fail);
        });
        return;
    }
    if (reverse && !RsyncCommand::isReversible(m_job)) {
        QTimer::singleShot(0, this, [this] {
            fail(Error(SyncError::RsyncFailed,
                       tr("the job has %1 sources: only a job with one source can "
                          "be synced back from backup to main; nothing was copied")
                           .arg(m_job.sources.size())),
                 SyncRunRecord::Outcome::Fail);
        });
        return;
    }
    if (m_mode == RsyncCommand::Mode::DryRun || reverse) {
        QTimer::singleShot(0, this, &SyncRunJob::transfer);
        return;
    }
    setStep(Step::Hooks);
    // Hooks, and a pull's canary on main, come before the transfer's own
    // command: the lock is looked at first, so that they do not run while
    // the host runs the job.
    const bool checkFirst =
        !m_job.preHooks.isEmpty() || m_job.direction == SyncJob::Direction::Pull;
    QTimer::singleShot(0, this, [this, checkFirst] {
        if (checkFirst)
            checkLock();
        else
            runHook(0);
    });
}

void SyncRunJob::checkLock()
{
    SshSession* initiating =
        m_job.direction == SyncJob::Direction::Push ? m_main.data() : m_backup.data();
    if (!initiating) {
        runHook(0); // which says what is missing
        return;
    }
    SshCommandJob* job =
        startCommand(initiating, SyncHostInstall::lockCommand(m_job) + QStringLiteral("; exit 0"),
                     CanaryTimeoutMs);
    connect(job, &SshCommandJob::finished, this, [this, job] {
        job->deleteLater();
        m_command = nullptr;
        const Result<int>& result = job->result();
        if (!result && result.error().code<SshError>() == SshError::Cancelled) {
            fail(Error(SyncError::Cancelled, tr("cancelled")), SyncRunRecord::Outcome::Cancelled);
            return;
        }
        if (result && *result == SyncHostInstall::BusyStatus &&
            job->standardError().contains(SyncHostInstall::BusyLine)) {
            failBusy();
            return;
        }
        // Anything else: the hooks and the transfer meet it themselves.
        runHook(0);
    });
    job->start();
}

void SyncRunJob::failBusy()
{
    // Not retried: the other run may last long, the next due run comes.
    m_canaryFirst = false;
    m_record.exitStatus = SyncHostInstall::BusyStatus;
    fail(Error(SyncError::AlreadyRunning,
               tr("A run of job %1 is already in progress on %2 (started by its schedule on the "
                  "host, or from another console); try again when it ends. Nothing was copied.")
                   .arg(m_job.name, initiatingHostName())),
         SyncRunRecord::Outcome::Fail);
}

int SyncRunJob::retryDelayMs(int retry) const
{
    if (m_firstRetryDelayMs < 0)
        return RsyncExitPolicy::retryDelaySeconds(retry) * 1000;
    const int shift = std::clamp(retry - 1, 0, 10);
    return int(std::min<qint64>(qint64(m_firstRetryDelayMs) << shift, 15 * 60 * 1000));
}

bool SyncRunJob::isWaitingToRetry() const
{
    return m_retryTimer && m_retryTimer->isActive();
}

void SyncRunJob::cancel()
{
    if (m_result)
        return;
    if (isWaitingToRetry()) {
        m_retryTimer->stop();
        fail(Error(SyncError::Cancelled, tr("cancelled while waiting to retry")),
             SyncRunRecord::Outcome::Cancelled);
        return;
    }
    if (m_command)
        m_command->cancel(); // its finished() reports Cancelled below
    else if (m_started)
        fail(Error(SyncError::Cancelled, tr("cancelled")), SyncRunRecord::Outcome::Cancelled);
}

SshCommandJob* SyncRunJob::startCommand(SshSession* session, const QString& command, int timeoutMs)
{
    auto* job = new SshCommandJob(session, command, timeoutMs, this);
    m_command = job;
    return job;
}

void SyncRunJob::runHook(qsizetype index)
{
    if (m_result)
        return;
    if (index >= m_job.preHooks.size()) {
        writeCanary();
        return;
    }
    const SyncHook& hook = m_job.preHooks.at(index);
    SshSession* session = sessionOf(hook.host);
    if (!session) {
        fail(Error(SyncError::NotConnected, tr("no session to run the hook")),
             SyncRunRecord::Outcome::Retry);
        return;
    }
    SshCommandJob* job = startCommand(session, hook.command, hook.timeoutSeconds * 1000);
    connect(job, &SshCommandJob::stderrLine, this,
            [this](const QString& line) { m_messages.append(line); });
    connect(job, &SshCommandJob::finished, this, [this, job, index, hook] {
        job->deleteLater();
        m_command = nullptr;
        const Result<int>& result = job->result();
        if (!result) {
            if (result.error().code<SshError>() == SshError::Cancelled) {
                fail(Error(SyncError::Cancelled, tr("cancelled during a hook")),
                     SyncRunRecord::Outcome::Cancelled);
                return;
            }
            fail(Error(SyncError::HookFailed,
                       tr("the pre-sync hook \"%1\" did not complete: %2; nothing "
                          "was copied")
                           .arg(hook.command, result.error().message())),
                 SyncRunRecord::Outcome::Fail);
            return;
        }
        if (*result != 0) {
            fail(Error(SyncError::HookFailed,
                       tr("the pre-sync hook \"%1\" exited with status %2; nothing "
                          "was copied")
                           .arg(hook.command)
                           .arg(*result)),
                 SyncRunRecord::Outcome::Fail);
            return;
        }
        runHook(index + 1);
    });
    job->start();
}

void SyncRunJob::writeCanary()
{
    if (!m_main) {
        fail(Error(SyncError::NotConnected, tr("no session to main")),
             SyncRunRecord::Outcome::Retry);
        return;
    }
    setStep(Step::Canary);
    if (m_job.direction == SyncJob::Direction::Push) {
        // rsync runs on main too: one command writes the canary, then
        // becomes rsync.
        m_canaryFirst = true;
        transfer();
        return;
    }
    SshCommandJob* job = startCommand(m_main, SyncCanary::writeCommand(m_job), CanaryTimeoutMs);
    connect(job, &SshCommandJob::finished, this, [this, job] {
        job->deleteLater();
        m_command = nullptr;
        const Result<int>& result = job->result();
        if (result && *result == 0) {
            transfer();
            return;
        }
        if (!result && result.error().code<SshError>() == SshError::Cancelled) {
            fail(Error(SyncError::Cancelled, tr("cancelled")), SyncRunRecord::Outcome::Cancelled);
            return;
        }
        failCanary(result ? tr("exit status %1: %2")
                                .arg(*result)
                                .arg(QString::fromUtf8(job->standardError()).trimmed())
                          : result.error().message());
    });
    job->start();
}

void SyncRunJob::canaryWritten()
{
    if (!m_canaryFirst)
        return;
    m_canaryFirst = false;
    if (m_canaryTimer)
        m_canaryTimer->stop();
    setStep(Step::Transfer);
}

void SyncRunJob::failCanary(const QString& why)
{
    fail(Error(SyncError::CanaryFailed,
               tr("cannot write the RPO canary on main (%1); nothing was copied").arg(why)),
         SyncRunRecord::Outcome::Fail);
}

void SyncRunJob::transfer()
{
    if (m_result)
        return;
    SshSession* initiating =
        m_job.direction == SyncJob::Direction::Push ? m_main.data() : m_backup.data();
    if (!initiating) {
        fail(Error(SyncError::NotConnected, tr("no session to the initiating host")),
             SyncRunRecord::Outcome::Retry);
        return;
    }
    if (!m_canaryFirst)
        setStep(Step::Transfer);
    ++m_attempts;
    m_parser = RsyncOutputParser();
    m_items.clear();
    m_canaryFailed = false;
    m_canaryInCommand = m_canaryFirst;
    m_messagesBeforeCommand = m_messages.size();
    const QString rsync = RsyncCommand::commandLine(m_job, m_peer, m_mode, m_flow);
    // Unquoted: the benchmark runs this very line by hand.
    qCDebug(lcSync).noquote() << "sync" << m_job.name << "runs:" << rsync;
    QString command = m_canaryFirst ? SyncCanary::writeThenRunCommand(m_job, rsync) : rsync;
    if (m_mode == RsyncCommand::Mode::Run) {
        // The lock of the job installed on the host, before the canary:
        // never two runs at once, whoever started them; rsync holds it
        // to its end.
        command = SyncHostInstall::lockCommand(m_job) + QStringLiteral("; ") +
                  (m_canaryFirst ? command : QStringLiteral("exec ") + command);
    }
    m_lockBusy = false;
    SshCommandJob* job = startCommand(initiating, command, m_transferTimeoutMs);
    if (m_canaryFirst) {
        if (!m_canaryTimer) {
            m_canaryTimer = new QTimer(this);
            m_canaryTimer->setSingleShot(true);
            connect(m_canaryTimer, &QTimer::timeout, this, [this] {
                if (!m_canaryFirst || !m_command)
                    return;
                SshCommandJob* stuck = m_command;
                m_command = nullptr;
                stuck->deleteLater();
                stuck->disconnect(this);
                stuck->cancel();
                failCanary(tr("it did not finish within %1 s").arg(CanaryTimeoutMs / 1000));
            });
        }
        m_canaryTimer->start(CanaryTimeoutMs);
    }
    // Raw output: progress2 redraws its line with "\r" between newlines.
    // The canary's lines come on standard error; rsync's output may come
    // before them (the streams are read one after the other), and main's
    // startup files may print: only the canary's own line ends its step.
    connect(job, &SshCommandJob::stdoutData, this, [this](const QByteArray& data) {
        m_parser.feed(data);
        if (m_parser.takeProgressChanged() && m_parser.progress())
            emit progress(*m_parser.progress());
        const QList<RsyncItem> items = m_parser.takeItems();
        if (!items.isEmpty()) {
            m_items += items;
            emit itemsAdded(items);
        }
        m_messages += m_parser.takeMessages();
    });
    connect(job, &SshCommandJob::stderrLine, this, [this](const QString& line) {
        if (line == QLatin1String(SyncHostInstall::BusyLine)) {
            m_lockBusy = true;
            return;
        }
        if (m_canaryInCommand && line == QLatin1String(SyncCanary::WrittenLine)) {
            canaryWritten();
            return;
        }
        if (m_canaryInCommand && line == QLatin1String(SyncCanary::FailedLine)) {
            m_canaryFailed = true;
            return;
        }
        m_messages.append(line);
    });
    connect(job, &SshCommandJob::finished, this, &SyncRunJob::onTransferFinished);
    job->start();
}

void SyncRunJob::onTransferFinished()
{
    SshCommandJob* job = m_command;
    m_command = nullptr;
    if (!job)
        return;
    job->deleteLater();
    if (m_canaryTimer)
        m_canaryTimer->stop();
    const Result<int>& result = job->result();
    if (m_lockBusy && result && *result == SyncHostInstall::BusyStatus) {
        failBusy();
        return;
    }
    if (m_canaryFirst) {
        // The command ended before the canary was written: nothing was
        // copied, as with a canary of its own.
        if (!result && result.error().code<SshError>() == SshError::Cancelled) {
            fail(Error(SyncError::Cancelled, tr("cancelled")), SyncRunRecord::Outcome::Cancelled);
            return;
        }
        const QString output =
            m_messages.mid(m_messagesBeforeCommand).join(QLatin1Char(' ')).trimmed();
        failCanary(!result          ? result.error().message()
                   : m_canaryFailed ? tr("exit status %1: %2").arg(*result).arg(output)
                                    : tr("the command ended with status %1 before the canary "
                                         "was written: %2")
                                          .arg(*result)
                                          .arg(output));
        return;
    }
    m_parser.finish();
    m_items += m_parser.takeItems();
    m_messages += m_parser.takeMessages();
    if (!result) {
        if (result.error().code<SshError>() == SshError::Cancelled) {
            fail(Error(SyncError::Cancelled, tr("cancelled during the transfer")),
                 SyncRunRecord::Outcome::Cancelled);
            return;
        }
        const QString reason = tr("rsync could not run: %1").arg(result.error().message());
        if (!retryLater(reason))
            fail(Error(SyncError::RsyncFailed, reason), SyncRunRecord::Outcome::Retry);
        return;
    }
    m_record.exitStatus = *result;
    m_record.files = m_parser.stats().transferredFiles;
    m_record.bytes = RsyncCommand::initiatorReceives(m_job, m_flow) ? m_parser.stats().bytesReceived
                                                                    : m_parser.stats().bytesSent;
    const RsyncExitPolicy::Verdict verdict = RsyncExitPolicy::judge(*result, m_messages);
    m_record.outcome = recordOutcome(verdict.outcome);
    m_record.message = m_attempts > 1
                           ? tr("%1 (after %n attempts)", nullptr, m_attempts).arg(verdict.message)
                           : verdict.message;
    if (verdict.outcome == RsyncExitPolicy::Outcome::Success ||
        verdict.outcome == RsyncExitPolicy::Outcome::Warning) {
        finish(Result<void>::success());
        return;
    }
    QString detail = verdict.message;
    if (!m_messages.isEmpty())
        detail = tr("%1 (%2)").arg(detail, m_messages.last());
    if (verdict.outcome == RsyncExitPolicy::Outcome::Retry && retryLater(detail))
        return;
    if (m_attempts > 1)
        detail = tr("%1 [after %n attempts]", nullptr, m_attempts).arg(detail);
    finish(Error(SyncError::RsyncFailed, detail));
}

bool SyncRunJob::retryLater(const QString& reason)
{
    if (m_attempts >= m_maxAttempts)
        return false;
    const int delay = retryDelayMs(m_attempts);
    m_messages.append(tr("attempt %1 of %2 failed: %3; retrying in %4 s")
                          .arg(m_attempts)
                          .arg(m_maxAttempts)
                          .arg(reason)
                          .arg(delay / 1000.0, 0, 'f', 1));
    qCInfo(lcSync) << "sync" << m_job.name << "attempt" << m_attempts << "failed:" << reason
                   << "- retrying in" << delay << "ms";
    if (!m_retryTimer) {
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &SyncRunJob::transfer);
    }
    m_retryTimer->start(delay);
    emit retrying(m_attempts, delay, reason);
    return true;
}

void SyncRunJob::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    emit stepChanged(step);
}

void SyncRunJob::fail(const Error& error, SyncRunRecord::Outcome outcome)
{
    m_record.outcome = outcome;
    m_record.message = error.message();
    finish(error);
}

void SyncRunJob::finish(Result<void> result)
{
    if (m_result)
        return;
    m_record.endedAt = m_clock.now().toUTC();
    // The last transfer's totals and changes (none when rsync did not run).
    m_record.stats = m_parser.stats();
    m_record.setItems(m_items);
    m_result = std::move(result);
    setStep(Step::Done);
    qCDebug(lcSync) << "sync" << m_job.name << "ended:" << m_record.message;
    emit finished();
}

} // namespace relais
