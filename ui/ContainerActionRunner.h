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
    /// What runs (or ran last): "Stopping web…".
    const QString& description() const { return m_description; }
    /// How the last action ended: on success a text worth showing (the
    /// safety snapshot's name of a restore), else the error.
    const std::optional<Result<QString>>& result() const { return m_result; }
    /// More to say about the last action's end (where a failed restore
    /// left the state from before it), or empty.
    const QString& note() const { return m_note; }

    /// Takes @p op (not started), starts it.
    void run(const QString& description, LxdOperation* op);
    void run(const QString& description, LxdSafeRestoreJob* job);
    void run(const QString& description, LxdReplicationJob* job);
    /// Cancels the running action; finished() follows.
    void cancel();

signals:
    void started(const QString& description);
    /// LXD's progress: @p percent is -1 when LXD gives only a text.
    void progress(const QString& text, int percent);
    void finished(bool ok);

private:
    void begin(const QString& description, QObject* job, std::function<void()> cancel);
    void end(Result<QString> result);

    QPointer<QObject> m_job;
    std::function<void()> m_cancel;
    QString m_description;
    std::optional<Result<QString>> m_result;
    QString m_note;
};

} // namespace relais
