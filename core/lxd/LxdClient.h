#pragma once

#include "LxdSnapshotSettings.h"

#include <QDateTime>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace relais {

class LxdExchange;
class LxdExecJob;
class LxdOperation;
class LxdTransport;

/// LXD's REST API (1.0) over one transport. Every call returns a new
/// LxdOperation, not started, parented to the client: connect to its
/// finished(), start() it, and deleteLater() it when done. Nothing blocks.
///
/// Each request uses its own connection (`Connection: close`): requests may
/// run side by side (a long /wait does not hold up a listing), a daemon
/// restart leaves no stale connection, and through SSH each request is one
/// forwarded channel, cheap next to a background operation's duration.
///
/// Results are JSON (LXD's metadata); LxdInstance, LxdSnapshot and
/// LxdSnapshotSettings read them.
class LxdClient : public QObject
{
    Q_OBJECT

public:
    /// Takes @p transport as a child.
    explicit LxdClient(LxdTransport* transport, QObject* parent = nullptr);
    ~LxdClient() override;

    LxdTransport* transport() const;

    /// Any request; @p path is already encoded ("/1.0/instances?recursion=2").
    LxdOperation* request(const QByteArray& method, const QString& path, QJsonValue body = {});

    /// Every instance with its state and snapshots (recursion=2): read with
    /// LxdInstance::listFromJson.
    LxdOperation* listInstances();
    /// Every instance with its status, configuration and profiles but
    /// without its state (recursion=1: no per-instance state query, so much
    /// quicker when instances run); read with LxdInstance::listFromJson.
    LxdOperation* listInstancesBrief();
    /// Creates a container from a local image alias (not started).
    LxdOperation* createInstance(const QString& name, const QString& imageAlias);
    /// Deletes a stopped instance.
    LxdOperation* deleteInstance(const QString& name);
    LxdOperation* startInstance(const QString& name);
    /// Stops cleanly, waiting up to @p timeoutSeconds for the instance to
    /// shut down (LXD fails the operation after that); or at once with @p force.
    LxdOperation* stopInstance(const QString& name, int timeoutSeconds, bool force = false);
    LxdOperation* restartInstance(const QString& name, int timeoutSeconds, bool force = false);

    /// Takes a snapshot; @p expiresAt, when valid, is when LXD deletes it.
    LxdOperation* createSnapshot(const QString& instance, const QString& snapshot,
                                 const QDateTime& expiresAt = {});
    /// The instance's snapshots: read with LxdSnapshot::listFromJson.
    LxdOperation* listSnapshots(const QString& instance);
    LxdOperation* deleteSnapshot(const QString& instance, const QString& snapshot);
    /// Reverts the instance to @p snapshot (running instances included).
    LxdOperation* restoreSnapshot(const QString& instance, const QString& snapshot);

    /// The instance itself (config, no state): LxdSnapshotSettings::fromInstanceJson.
    LxdOperation* instance(const QString& name);
    /// Sets snapshots.schedule, .expiry and .pattern in the instance's own
    /// config (an empty value removes the key: a profile's value applies again).
    LxdOperation* setSnapshotSettings(const QString& instance, const LxdSnapshotSettings& settings);
    /// Sets only the keys of @p config in the instance's own config (an
    /// empty value removes a key), the others left as they are.
    LxdOperation* patchConfig(const QString& instance, const QJsonObject& config);

    /// Runs @p command in @p instance, its output recorded (not started):
    /// the job's result has the exit status, standard output and error.
    LxdExecJob* exec(const QString& instance, const QStringList& command);

    /// Asks LXD to cancel operation @p id (DELETE /1.0/operations/ID) in the
    /// background; a refusal is logged and reported by cancelFailed().
    void cancelOperation(const QString& id);

signals:
    void cancelFailed(const QString& operationId, const relais::Error& error);

private:
    friend class LxdExecJob;
    friend class LxdOperation;

    /// One HTTP exchange, parented to @p parent, not started.
    LxdExchange* exchange(const QByteArray& method, const QString& path, const QByteArray& body,
                          int timeoutMs, QObject* parent);
    /// Takes over an initial request still in flight whose job was
    /// cancelled: when it turns out to be an operation, cancels it.
    void cancelWhenCreated(LxdExchange* exchange, const QString& what);
    static QString instancePath(const QString& name);

    QPointer<LxdTransport> m_transport;
};

} // namespace relais
