#pragma once

#include "LxdExecResult.h"
#include "common/Result.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <optional>

namespace relais {

class LxdClient;
class LxdExchange;
class LxdOperation;

/// Runs a command in an instance without websockets: POST
/// /1.0/instances/NAME/exec with `record-output: true`, waits for the
/// operation, then reads standard output and error from the log files the
/// operation's metadata names (`output`: {"1": path, "2": path}) and
/// deletes them; the exit status is the metadata's `return`. A job:
/// start() never blocks, finished() comes exactly once (never from
/// start()), also after cancel(). A command that exits non-zero is a
/// success of the job: its status is in the result.
class LxdExecJob : public QObject
{
    Q_OBJECT

public:
    LxdExecJob(LxdClient* client, QString instance, QStringList command, QObject* parent = nullptr);
    ~LxdExecJob() override;

    /// Environment variables for the command (LXD adds PATH, HOME…).
    void setEnvironment(const QMap<QString, QString>& environment) { m_environment = environment; }
    /// The whole job's limit (0: none beyond each exchange's own).
    void setTimeout(int ms) { m_timeoutMs = ms; }

    void start();
    /// Ends the job at once with LxdError::Cancelled; LXD 5.0 refuses to
    /// cancel an exec, which then runs to its end in the instance.
    void cancel();
    bool isFinished() const { return m_result.has_value(); }
    const Result<LxdExecResult>& result() const { return *m_result; }

signals:
    void finished();

private:
    void onExecuted();
    void fetch(const QString& path, QByteArray LxdExecResult::*target);
    void onFetched(LxdExchange* exchange, QByteArray LxdExecResult::*target);
    void removeLogs();
    void finish(Result<LxdExecResult> result);

    QPointer<LxdClient> m_client;
    QString m_instance;
    QStringList m_command;
    QMap<QString, QString> m_environment;
    int m_timeoutMs = 0;
    bool m_running = false;
    LxdOperation* m_op = nullptr;
    QList<LxdExchange*> m_fetches;
    QStringList m_logs;
    LxdExecResult m_output;
    std::optional<Result<LxdExecResult>> m_result;
};

} // namespace relais
