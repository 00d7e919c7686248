#pragma once

#include "StepJob.h"
#include "common/Backoff.h"
#include "site/ProbeSpec.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace relais {

class Clock;
class DrillContext;
class LxdClient;
class LxdOperation;
class SshCommandJob;
class SshSession;

/// Probes a rehearsal's clones directly, from the backup host itself (the
/// clones have only an address on backup's LXD bridge, which the console
/// cannot reach): each HTTP probe of the service against the clone's
/// address with its port, path and keyword (curl --resolve, so https is
/// verified under the service's name; wget for http without curl), each TCP
/// probe's port. The clones' addresses are read (the listing with every
/// instance's state) until each clone runs with one; then the checks are run
/// again, the listing too once it is a second old (a clone deleted or given a
/// new address meanwhile is seen at once, not at the timeout). Tried at once, then again after 100
/// ms, each wait doubled up to 500 ms, until every check passes — the first good probe, where the
/// drill's RTO ends — or the step's timeout.
/// A service without HTTP or TCP probes counts as answering once every
/// clone runs with an address.
class CloneProbeStepJob : public StepJob
{
    Q_OBJECT

public:
    /// The client, session, context and clock must outlive the job.
    CloneProbeStepJob(LxdClient* backup, SshSession* backupSsh, QStringList clones,
                      QList<ProbeSpec> probes, DrillContext& context, const Clock& clock,
                      QObject* parent = nullptr);
    ~CloneProbeStepJob() override;

    void start() override;
    void cancel() override;

    /// The shell command that checks @p probes against @p address (exit 0
    /// when all pass); empty when none applies.
    static QString checkCommand(const QString& address, const QList<ProbeSpec>& probes);

private:
    void round();
    void listAddresses();
    void check();
    void onListed();
    void onChecked();
    void again(const QString& why);

    QPointer<LxdClient> m_lxd;
    QPointer<SshSession> m_ssh;
    QStringList m_clones;
    QList<ProbeSpec> m_probes;
    DrillContext& m_context;
    const Clock& m_clock;
    LxdOperation* m_list = nullptr;
    SshCommandJob* m_check = nullptr;
    QTimer m_retry;
    Backoff m_backoff;
    /// The checks, once every clone runs with an address.
    QString m_command;
    /// Since the listing that gave m_command.
    QElapsedTimer m_listed;
    QString m_lastWhy;
    bool m_cancelled = false;
};

} // namespace relais
