#pragma once

#include "common/Result.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>

namespace relais {

class LxdOperation;
class LxdReplicationJob;
class LxdSafeRestoreJob;

/// Runs the containers view's actions, one at a time: a plain LXD
/// operation (start, stop, snapshot…), a safe restore or a replication.
/// It owns the running job, relays LXD's progress, cancels on request
/// and says how the action ended, with LXD's own error text.
class ContainerActionRunner : public QObject
{
    Q_OBJECT

public:
    explicit ContainerActionRunner(QObject* parent = nullptr);
    ~ContainerActionRunner() override;

    bool isRunning() const { return !m_job.isNull(); }
    /// Whether cancel() can still stop the running action: not once LXD
    /// refuses (a snapshot taken or deleted, a restore under way) or the
    /// replication's new copy is being put in place.
    bool canCancel() const { return isRunning() && m_cancellable; }
    /// Why Cancel cannot stop the running action (empty when it can).
    const QString& whyNoCancel() const { return m_whyNoCancel; }
    /// What runs (or ran last): "Stopping web…".
    const QString& description() const { return m_description; }
    /// How the last action ended: on success a text worth showing (the
    /// safety snapshot's name of a restore), else the error.
    const std::optional<Result<QString>>& result() const { return m_result; }
    /// More to say about the last action's end (where a failed restore
    /// left the state from before it), or empty.
    const QString& note() const { return m_note; }

    /// Takes @p op (not started), starts it; @p cancellable false for
    /// operations LXD refuses to cancel (snapshot creation and deletion).
    void run(const QString& description, LxdOperation* op, bool cancellable = true);
    void run(const QString& description, LxdSafeRestoreJob* job);
    void run(const QString& description, LxdReplicationJob* job);
    /// Cancels the running action; finished() follows.
    void cancel();
    /// Ends the running action at once, without waiting for LXD (its
    /// connections are going): the job is deleted (its LXD operations are
    /// cancelled), result() says it was cancelled and finished(false)
    /// follows before abort() returns. A replication records nothing.
    void abort();

signals:
    void started(const QString& description);
    /// LXD's progress: @p percent is -1 when LXD gives only a text.
    void progress(const QString& text, int percent);
    void finished(bool ok);
    /// canCancel() changed while the action runs.
    void cancellableChanged(bool cancellable);

private:
    void begin(const QString& description, QObject* job, std::function<void()> cancel);
    void end(Result<QString> result);
    void setCancellable(bool cancellable, const QString& why = {});

    QPointer<QObject> m_job;
    std::function<void()> m_cancel;
    QString m_description;
    std::optional<Result<QString>> m_result;
    QString m_note;
    bool m_cancellable = true;
    QString m_whyNoCancel;
};

} // namespace relais
