#pragma once

#include "common/Result.h"
#include "site/Site.h"
#include "ssh/SshCommandJob.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace relais {

class SshSession;

/// Whether main answers from the backup host's own vantage point, for
/// automatic failover (a failure seen only from the console may be the
/// console's own network). Over SSH on backup, a TCP connection to each of
/// main's probed ports (bash's /dev/tcp under `timeout`): its SSH port,
/// the ports of its tcp probes and of the http probes. Main answers when
/// any port accepts a connection.
///
/// finished() comes once per start(): true when main answers, false when
/// no port accepted, an error when backup could not be asked (then nothing
/// is known).
class MainVantageProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int ConnectTimeoutSeconds = 5;

    MainVantageProbe(SshSession& backup, QString mainAddress, QList<int> ports,
                     QObject* parent = nullptr);
    ~MainVantageProbe() override;

    /// Main's probed ports in @p site (sorted, each once).
    static QList<int> portsOf(const Site& site);
    /// The command run on backup.
    static QString command(const QString& address, const QList<int>& ports);
    /// Main answers according to the command's @p output.
    static bool answers(const QByteArray& output);

    void start();
    void cancel();
    bool isRunning() const { return m_job != nullptr; }

signals:
    void finished(const relais::Result<bool>& mainAnswers);

private:
    SshSession& m_backup;
    QString m_address;
    QList<int> m_ports;
    QPointer<SshCommandJob> m_job;
};

} // namespace relais
