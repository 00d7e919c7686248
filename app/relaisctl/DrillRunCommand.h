#pragma once

#include "notify/ChannelResult.h"
#include "plan/DrillRecord.h"
#include "site/Site.h"

#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace relais {

class Database;
class DrillJournal;
class DrillRunner;
class HostKeyVerifier;
class Notifier;
class SiteConnections;
class SiteStepJobFactory;
class Vault;

/// `relaisctl drill run --site FILE [--mode MODE] [--yes]`: runs a drill of
/// the site's plan, printing each step as it starts and ends, records it
/// in the journal (relais.db, keyed as the console keys the site), then
/// tells the site's "drill" channels its outcome with RTO and RPO against
/// the targets. A failover or failback needs --yes. SSH host keys must be
/// trusted beforehand (`relaisctl ssh trust`): an unknown key is refused.
/// Exit 0 when the drill succeeded, 1 when it failed or was cancelled, 2
/// when it could not start.
class DrillRunCommand : public QObject
{
    Q_OBJECT

public:
    DrillRunCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~DrillRunCommand() override;

    /// Parses @p arguments and starts; returns an exit code when already
    /// done, or -1 when the answer will come with finished().
    int start(const QStringList& arguments);
    /// Cancels the drill (Ctrl-C); its cleanups still run.
    void interrupt();

signals:
    void finished(int exitCode);

private:
    void onStepStarted(int index);
    void onStepFinished(int index);
    void onDrillFinished(const DrillRecord& record);

    QTextStream& m_out;
    QTextStream& m_err;
    Site m_site;
    // In the order they depend on each other: destroyed backwards.
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<HostKeyVerifier> m_verifier;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<DrillJournal> m_journal;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<SiteConnections> m_connections;
    std::unique_ptr<SiteStepJobFactory> m_factory;
    std::unique_ptr<DrillRunner> m_runner;
};

} // namespace relais
