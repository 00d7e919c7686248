#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <optional>

namespace relais {

class Clock;
class LxdClient;
class LxdOperation;

/// Restores an instance's snapshot only after taking a safety snapshot of
/// its current state, so a restore can always be undone. A job: start()
/// never blocks, finished() comes exactly once (never from start()), also
/// after cancel().
///
/// Steps: Check (the snapshot to restore exists: a wrong name costs no
/// safety snapshot), SafetySnapshot (`relais-before-restore-YYYYMMDD-HHMMSS`,
/// UTC, expiring after safetyLifetimeSeconds(), 7 days by default), Restore.
/// A failed safety snapshot stops the job before anything is restored.
/// On success result() holds the safety snapshot's name; once taken, the
/// name is also in safetySnapshot() whatever happens next, so the user can
/// go back to it.
class LxdSafeRestoreJob : public QObject
{
    Q_OBJECT

public:
    enum class Step
    {
        Check,
        SafetySnapshot,
        Restore,
        Done,
    };
    Q_ENUM(Step)

    static constexpr qint64 kDefaultSafetyLifetimeSeconds = 7 * 24 * 3600;

    /// @p client must outlive the job; @p clock names and dates the safety
    /// snapshot.
    LxdSafeRestoreJob(LxdClient* client, QString instance, QString snapshot, const Clock& clock,
                      QObject* parent = nullptr);
    ~LxdSafeRestoreJob() override;

    /// "relais-before-restore-20261122-063015" for @p time (taken in UTC).
    static QString safetySnapshotName(const QDateTime& time);

    /// How long LXD keeps the safety snapshot (0: until deleted by hand).
    void setSafetyLifetimeSeconds(qint64 seconds) { m_lifetimeSeconds = seconds; }
    qint64 safetyLifetimeSeconds() const { return m_lifetimeSeconds; }
    /// Limit of each step's LXD operation (0: none beyond each exchange's own).
    void setStepTimeoutMs(int ms) { m_stepTimeoutMs = ms; }

    const QString& instanceName() const { return m_instance; }
    const QString& snapshotName() const { return m_snapshot; }

    void start();
    /// Ends the job at once with LxdError::Cancelled and asks LXD to cancel
    /// the running operation (LXD 5.0 refuses for snapshots and restores:
    /// they then run to their end on the host).
    void cancel();
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_result.has_value(); }
    Step step() const { return m_step; }

    /// The safety snapshot's name, or why the job failed; valid once finished.
    const Result<QString>& result() const { return *m_result; }
    /// The safety snapshot's name once LXD took it (empty before).
    const QString& safetySnapshot() const { return m_safetySnapshot; }
    /// When LXD deletes the safety snapshot (invalid: never).
    const QDateTime& safetyExpiresAt() const { return m_safetyExpiresAt; }

signals:
    void stepChanged(relais::LxdSafeRestoreJob::Step step);
    /// LXD's progress of the running step; @p percent is -1 when unknown.
    void progress(const QString& text, int percent);
    /// The running step's LXD operation, for whoever wants to cancel it.
    void operationCreated(const QString& id);
    void finished();

private:
    void check();
    void takeSafetySnapshot();
    void restore();
    /// Runs @p op as the current step; @p next is called on its success.
    void runStep(Step step, LxdOperation* op, void (LxdSafeRestoreJob::*next)());
    void finish(Result<QString> result);

    QPointer<LxdClient> m_client;
    QString m_instance;
    QString m_snapshot;
    const Clock& m_clock;
    qint64 m_lifetimeSeconds = kDefaultSafetyLifetimeSeconds;
    int m_stepTimeoutMs = 0;
    Step m_step = Step::Check;
    bool m_running = false;
    LxdOperation* m_op = nullptr;
    QString m_pendingSafety;
    QString m_safetySnapshot;
    QDateTime m_safetyExpiresAt;
    std::optional<Result<QString>> m_result;
};

} // namespace relais
