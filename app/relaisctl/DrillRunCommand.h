#pragma once

#include "plan/DrillPlan.h"
#include "plan/DrillRecord.h"
#include "site/Site.h"
#include "ssh/RejectAllVerifier.h"
#include "vault/Vault.h"

#include <QCommandLineParser>
#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <QTimer>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QSocketNotifier;

namespace relais {

class Database;
class DrillJournal;
class DrillRunner;
class Notifier;
class SiteConnections;
class SiteHealth;
class SiteStepJobFactory;

/// `relaisctl drill run|resume|cleanup`: a drill of the site's plan run
/// from the command line as the console runs it (SiteStepJobFactory over
/// SSH and LXD, keys from the vault, unknown host keys refused, every step
/// journaled in relais.db), each step printed live with its duration, then
/// the outcome with RTO and RPO against the targets (or JSON with --json).
///
/// - `run --mode rehearsal` (the default) starts at once: production is
///   not touched. A failover or a failback shows the steps and needs
///   `--yes` (or "yes" typed at the terminal).
/// - `--mode failover` checks main once with the site's probes first: a
///   planned failover when main answers, an emergency one when it is
///   silent. A failover while main answers is refused (split brain)
///   unless `--force-split-brain` names the site.
/// - A failback pauses after the reverse sync's dry run: its change list
///   is printed, then `--yes` goes on, a terminal is asked to type "yes",
///   and without a terminal the drill is cancelled (cleanups run, exit 1).
/// - A drill left unfinished (Relais killed) blocks a new one: `resume`
///   runs what did not succeed, then the cleanups; `cleanup` runs only the
///   cleanups.
/// - Ctrl-C (interrupt()) cancels the running step; the cleanups still run.
///
/// Exit status: 0 the drill succeeded; 1 it failed or was cancelled; 2
/// usage or set-up error, refusal.
class DrillRunCommand : public QObject
{
    Q_OBJECT

public:
    DrillRunCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~DrillRunCommand() override;

    /// @p arguments: program and sub-command first ("relaisctl drill run"),
    /// then the options. Returns an exit code when already done, or -1 when
    /// the answer will come with finished().
    int start(const QStringList& arguments);
    void interrupt();

signals:
    void finished(int exitCode);

private:
    enum class Action
    {
        Run,
        Resume,
        CleanUp,
    };

    int setUp(QCommandLineParser& parser, const QStringList& arguments);
    int startRun(const QCommandLineParser& parser);
    int startUnfinished(const QCommandLineParser& parser);
    /// Asks the site's probes once whether main serves; then goes on.
    void checkMain();
    void onMainChecked(bool serving);
    int runPlan(DrillPlan plan);
    bool confirmed(const DrillPlan& plan);
    int prepareRunner();
    void printPlan(const DrillPlan& plan);
    void onStepStarted(int index);
    void onStepOutput(int index, const QString& line);
    void onStepFinished(int index);
    void onConfirmationNeeded(int index, const QStringList& lines);
    void onAnswer();
    void onFinished(const DrillRecord& record);
    void finish(int code);

    QTextStream& m_out;
    QTextStream& m_err;
    Action m_action = Action::Run;
    Site m_site;
    QString m_sitePath;
    QString m_siteKey;
    QString m_vaultPath;
    std::optional<QString> m_passphraseFile;
    bool m_json = false;
    bool m_yes = false;
    QString m_forceName;
    QString m_modeName;
    bool m_done = false;
    bool m_cancelling = false;

    RejectAllVerifier m_verifier;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<DrillJournal> m_journal;
    std::optional<Vault> m_vault;
    std::unique_ptr<SiteConnections> m_connections;
    std::unique_ptr<SiteStepJobFactory> m_factory;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<DrillRunner> m_runner;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<SiteHealth> m_health;
    QTimer m_healthDeadline;
    std::unique_ptr<QSocketNotifier> m_answer; ///< stdin, while the gate asks
};

} // namespace relais
