#include "DnsCommand.h"
#include "DrillCommand.h"
#include "DrillRunCommand.h"
#include "ExitCode.h"
#include "HealthCommand.h"
#include "LxdCommand.h"
#include "NotifyCommand.h"
#include "SiteCheckCommand.h"
#include "SiteImportCommand.h"
#include "SshCommand.h"
#include "SyncCommand.h"
#include "VaultCommand.h"
#include "common/CommandLineApplication.h"
#include "common/Language.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>
#include <csignal>
#include <cstdio>

using namespace relais;

namespace {

volatile std::sig_atomic_t interrupted = 0;

void onInterrupt(int)
{
    interrupted = 1;
}

QString usage()
{
    return QCoreApplication::translate(
               "relaisctl",
               "Usage: relaisctl [--lang CODE] COMMAND [ARGUMENTS]\n"
               "\n"
               "Relais on the command line: the disaster-recovery console for small sites.\n"
               "\n"
               "Commands:\n"
               "  site check FILE    Check a site document; list every problem with its path.\n"
               "  site import-ssh --main ALIAS --backup ALIAS [--ssh-config FILE] SITE\n"
               "                     Build the site's hosts from ~/.ssh/config; keys go to the "
               "vault.\n"
               "  health --site FILE [--once] [--json] [--watch]\n"
               "                     Health of each probe, host and the site.\n"
               "  vault init|list|add|remove [--vault FILE] [--passphrase-file FILE]\n"
               "                     Manage the encrypted vault of secrets; the passphrase\n"
               "                     comes from --passphrase-file, RELAIS_VAULT_PASSPHRASE\n"
               "                     or a prompt. \"relaisctl vault --help\" for details.\n"
               "  ssh exec --site FILE [--timeout SECONDS] HOST -- COMMAND...\n"
               "                     Run a command on main or backup; its exit status is ours.\n"
               "  ssh trust --site FILE HOST --fingerprint SHA256:...\n"
               "                     Trust a host's SSH key if it has this fingerprint.\n"
               "  lxd list --site FILE [--json] [HOST]\n"
               "                     The containers of main and backup, with their snapshots.\n"
               "  lxd replicate --site FILE INSTANCE\n"
               "                     Copy a container to the backup (incremental; the backup\n"
               "                     keeps its copy until the new one is complete).\n"
               "\n"
               "Options:\n"
               "  -h, --help         Show this help.\n"
               "  -v, --version      Show the version.\n"
               "  --lang CODE        Use the language CODE (en or fr).\n"
               "\n"
               "Exit status: 0 success, 1 something checked is down, 2 error.\n") +
           QCoreApplication::translate(
               "relaisctl",
               "\n"
               "DNS commands:\n"
               "  dns show --site FILE SERVICE\n"
               "                     What the server of a service's record answers, and its side.\n"
               "  dns switch --site FILE SERVICE --to main|backup\n"
               "                     Point the record to a side (RFC 2136, TSIG key from the "
               "vault).\n") +
           QCoreApplication::translate(
               "relaisctl",
               "\n"
               "Drill commands:\n"
               "  drill plan --site FILE [--mode MODE] [--json]\n"
               "                     The steps a drill of the site's plan would run.\n"
               "  drill run --site FILE [--mode MODE] [--yes] [--json]\n"
               "                     Run a drill now (rehearsal by default; Ctrl-C\n"
               "                     cancels, the cleanups still run); its end goes to\n"
               "                     the site's notification channels.\n"
               "  drill resume|cleanup --site FILE [ID]\n"
               "                     Resume, or clean up after, a drill left unfinished.\n"
               "  drill history --site FILE [--limit N] [--json]\n"
               "                     Past drills with their RTO and RPO.\n"
               "  drill report --site FILE ID [--html FILE] [--pdf FILE]\n"
               "                     One drill's report as HTML or PDF.\n") +
           QCoreApplication::translate(
               "relaisctl",
               "\n"
               "LXD over HTTPS:\n"
               "  lxd trust --site FILE HOST --token-file FILE\n"
               "                     Make a host's LXD trust this console (token from \"lxc "
               "config\n"
               "                     trust add\"); its certificate is pinned.\n") +
           QCoreApplication::translate(
               "relaisctl",
               "\n"
               "LXD actions:\n"
               "  lxd start|stop|restart|snapshot|snapshots|restore|delete-snapshot|\n"
               "      snapshot-settings --site FILE HOST INSTANCE ...\n"
               "                     Act on one container; a restore first takes a safety\n"
               "                     snapshot. \"relaisctl lxd --help\" for details.\n") +
           QCoreApplication::translate(
               "relaisctl",
               "\n"
               "Sync commands:\n"
               "  sync run|dry-run --site FILE JOB\n"
               "                     Run a sync job now (Ctrl-C cancels), or list what it would\n"
               "                     change.\n"
               "  sync status --site FILE [--json] JOB\n"
               "                     Last runs, next run, direction lock, RPO against target.\n"
               "  sync install --site FILE [--systemd|--cron] [--remove] JOB\n"
               "                     Install the job on its initiating host (timer or cron).\n"
               "  sync setup-key --site FILE [--reverse] JOB\n"
               "                     Make the job's replication key, confined to rsync on the\n"
               "                     job's paths (--reverse: the failback key).\n") +
           QCoreApplication::translate(
               "relaisctl",
               "\n"
               "Notifications:\n"
               "  notify test --site FILE [CHANNEL...]\n"
               "                     Send a test message to each channel and print its result.\n");
}

} // namespace

int main(int argc, char* argv[])
{
    // Only a report printed to PDF needs fonts (a QGuiApplication, offscreen).
    bool printing = false;
    for (int i = 1; i < argc; ++i)
        printing =
            printing || qstrcmp(argv[i], "--pdf") == 0 || qstrncmp(argv[i], "--pdf=", 6) == 0;
    const std::unique_ptr<QCoreApplication> application =
        CommandLineApplication::create(argc, argv, printing);
    QCoreApplication& app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("relaisctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("relais"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RELAIS_VERSION));

    // The command line prints what matters itself; the modules' progress
    // logs stay quiet unless asked for with QT_LOGGING_RULES.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("relais.*.info=false"));

    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList args = app.arguments();
    const QString program = args.takeFirst();
    QString language;
    for (qsizetype i = 0; i < args.size();) {
        if (args[i] == QStringLiteral("--lang") && i + 1 < args.size()) {
            language = args[i + 1];
            args.remove(i, 2);
        } else if (args[i].startsWith(QStringLiteral("--lang="))) {
            language = args[i].mid(7);
            args.remove(i);
        } else {
            ++i;
        }
    }
    Language::install(app, Language::choose(language));

    if (args.isEmpty()) {
        err << usage();
        return ExitCode::Error;
    }
    const QString command = args.first();
    if (command == QStringLiteral("-h") || command == QStringLiteral("--help") ||
        command == QStringLiteral("help")) {
        out << usage();
        return ExitCode::Ok;
    }
    if (command == QStringLiteral("-v") || command == QStringLiteral("--version")) {
        out << QStringLiteral("relaisctl %1").arg(QCoreApplication::applicationVersion())
            << Qt::endl;
        return ExitCode::Ok;
    }
    if (command == QStringLiteral("site") && args.size() >= 2 &&
        args[1] == QStringLiteral("check")) {
        return SiteCheckCommand::run(
            QStringList{program + QStringLiteral(" site check")} + args.mid(2), out, err);
    }
    if (command == QStringLiteral("site") && args.size() >= 2 &&
        args[1] == QStringLiteral("import-ssh")) {
        return SiteImportCommand::run(
            QStringList{program + QStringLiteral(" site import-ssh")} + args.mid(2), out, err);
    }

    if (command == QStringLiteral("drill") && args.size() >= 2 &&
        (args[1] == QStringLiteral("run") || args[1] == QStringLiteral("resume") ||
         args[1] == QStringLiteral("cleanup"))) {
        DrillRunCommand drill(out, err);
        QObject::connect(&drill, &DrillRunCommand::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
        // Ctrl-C cancels the drill (its cleanups still run) instead of killing relaisctl.
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
        QTimer watch;
        QObject::connect(&watch, &QTimer::timeout, &drill, [&drill] {
            if (interrupted) {
                interrupted = 0;
                drill.interrupt();
            }
        });
        watch.start(100);
        const int code =
            drill.start(QStringList{program + QStringLiteral(" drill ") + args[1]} + args.mid(2));
        if (code >= 0)
            return code;
        return QCoreApplication::exec();
    }

    if (command == QStringLiteral("drill")) {
        return DrillCommand::run(QStringList{program + QStringLiteral(" drill")} + args.mid(1), out,
                                 err);
    }

    if (command == QStringLiteral("vault")) {
        return VaultCommand::run(QStringList{program + QStringLiteral(" vault")} + args.mid(1), out,
                                 err);
    }

    if (command == QStringLiteral("ssh")) {
        SshCommand ssh(out, err);
        QObject::connect(&ssh, &SshCommand::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
        const int code = ssh.start(QStringList{program + QStringLiteral(" ssh")} + args.mid(1));
        if (code >= 0)
            return code;
        return QCoreApplication::exec();
    }

    if (command == QStringLiteral("lxd")) {
        LxdCommand lxd(out, err);
        QObject::connect(&lxd, &LxdCommand::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
        const int code = lxd.start(QStringList{program + QStringLiteral(" lxd")} + args.mid(1));
        if (code >= 0)
            return code;
        return QCoreApplication::exec();
    }

    if (command == QStringLiteral("dns")) {
        DnsCommand dns(out, err);
        QObject::connect(&dns, &DnsCommand::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
        const int code = dns.start(QStringList{program + QStringLiteral(" dns")} + args.mid(1));
        if (code >= 0)
            return code;
        return QCoreApplication::exec();
    }

    if (command == QStringLiteral("notify")) {
        NotifyCommand notify(out, err);
        QObject::connect(&notify, &NotifyCommand::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
        const int code =
            notify.start(QStringList{program + QStringLiteral(" notify")} + args.mid(1));
        if (code >= 0)
            return code;
        return QCoreApplication::exec();
    }

    if (command == QStringLiteral("sync")) {
        SyncCommand sync(out, err);
        QObject::connect(&sync, &SyncCommand::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
        // Ctrl-C cancels a run (its rsync too) instead of killing relaisctl.
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
        QTimer watch;
        QObject::connect(&watch, &QTimer::timeout, &sync, [&sync] {
            if (interrupted) {
                interrupted = 0;
                sync.interrupt();
            }
        });
        watch.start(100);
        const int code = sync.start(QStringList{program + QStringLiteral(" sync")} + args.mid(1));
        if (code >= 0)
            return code;
        return QCoreApplication::exec();
    }

    if (command == QStringLiteral("health")) {
        HealthCommand health(out, err);
        // Queued: an answer that comes at once must still end the loop below.
        QObject::connect(&health, &HealthCommand::finished, &app, &QCoreApplication::exit,
                         Qt::QueuedConnection);
        const int code =
            health.start(QStringList{program + QStringLiteral(" health")} + args.mid(1));
        if (code >= 0)
            return code;
        return QCoreApplication::exec();
    }

    err << QCoreApplication::translate("relaisctl", "Unknown command: %1")
               .arg(args.join(QLatin1Char(' ')))
        << Qt::endl
        << usage();
    return ExitCode::Error;
}
