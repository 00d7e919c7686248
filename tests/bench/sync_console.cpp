// A sync job run the way the console runs it, for tests/bench/sync_rsync.sh:
// one SSH session to main, connected once, with a shell kept ready there
// (the console keeps its sync sessions so, and its vault is open: the key is
// read from a file, no unlock), then one
// SyncRunJob (canary, rsync on main, output parsed, the run kept in the
// history) per "run" line read on standard input; each run's wall time in
// seconds is printed on its own line. Prints "ready" once connected.
//
//   relais_bench_sync SITE JOB KEY_FILE KEY_DIR

#include "common/Database.h"
#include "common/Paths.h"
#include "common/SystemClock.h"
#include "site/SiteDocument.h"
#include "ssh/RejectAllVerifier.h"
#include "ssh/SshSession.h"
#include "sync/SyncHistory.h"
#include "sync/SyncRunJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSocketNotifier>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <unistd.h>

using namespace relais;

namespace {

class Console : public QObject
{
public:
    Console(SshSessionOptions options, SyncJob job, RsyncCommand::Peer peer,
            std::unique_ptr<Database> database, QString siteKey)
        : m_session(std::make_unique<SshSession>(std::move(options), &m_verifier))
        , m_job(std::move(job))
        , m_peer(std::move(peer))
        , m_database(std::move(database))
        , m_siteKey(std::move(siteKey))
        , m_input(STDIN_FILENO, QSocketNotifier::Read)
    {
        m_input.setEnabled(false);
        connect(&m_input, &QSocketNotifier::activated, this, &Console::readCommand);
        connect(m_session.get(), &SshSession::connected, this, [this] {
            std::printf("ready\n");
            std::fflush(stdout);
            m_input.setEnabled(true);
        });
        connect(m_session.get(), &SshSession::connectFailed, this, [](const Error& error) {
            std::fprintf(stderr, "connection failed: %s\n", qPrintable(error.message()));
            QCoreApplication::exit(1);
        });
        m_session->connectToHost();
    }

private:
    void readCommand()
    {
        char line[64];
        const ssize_t n = ::read(STDIN_FILENO, line, sizeof line - 1);
        if (n <= 0) { // end of input
            QCoreApplication::exit(0);
            return;
        }
        m_input.setEnabled(false);
        m_run = std::make_unique<SyncRunJob>(m_job, m_peer, m_session.get(), nullptr,
                                             RsyncCommand::Mode::Run, SystemClock::instance());
        connect(m_run.get(), &SyncRunJob::finished, this, &Console::onFinished);
        m_timer.start();
        m_run->start();
    }

    void onFinished()
    {
        const Result<void> kept = SyncHistory(*m_database, m_siteKey).record(m_run->record());
        const double seconds = m_timer.nsecsElapsed() / 1e9;
        if (!m_run->result() || !kept) {
            std::fprintf(stderr, "the run failed: %s\n",
                         qPrintable(m_run->result() ? kept.error().message()
                                                    : m_run->result().error().message()));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("%.4f\n", seconds);
        std::fflush(stdout);
        m_input.setEnabled(true);
    }

    RejectAllVerifier m_verifier;
    std::unique_ptr<SshSession> m_session;
    SyncJob m_job;
    RsyncCommand::Peer m_peer;
    std::unique_ptr<Database> m_database;
    QString m_siteKey;
    QSocketNotifier m_input;
    std::unique_ptr<SyncRunJob> m_run;
    QElapsedTimer m_timer;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: relais_bench_sync SITE JOB KEY_FILE KEY_DIR\n");
        return 2;
    }
    Result<Site> site = SiteDocument::load(args.at(1));
    if (!site) {
        std::fprintf(stderr, "%s\n", qPrintable(site.error().toString()));
        return 2;
    }
    const auto found = std::find_if(site->syncJobs.cbegin(), site->syncJobs.cend(),
                                    [&](const SyncJob& j) { return j.name == args.at(2); });
    if (found == site->syncJobs.cend() || found->direction != SyncJob::Direction::Push) {
        std::fprintf(stderr, "no push job %s in the site\n", qPrintable(args.at(2)));
        return 2;
    }
    QFile key(args.at(3));
    if (!key.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(3)));
        return 2;
    }
    Result<std::unique_ptr<Database>> database = Database::open(Paths::databaseFile());
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().toString()));
        return 2;
    }
    SshSessionOptions options;
    options.target.address = site->main.address;
    options.target.port = site->main.ssh.port > 0 ? site->main.ssh.port : 22;
    options.target.user =
        site->main.ssh.user.isEmpty() ? QStringLiteral("root") : site->main.ssh.user;
    options.target.privateKey = key.readAll();
    options.readyShell = true; // as the console's sync connections
    // As relaisctl sync builds it: backup, reached with the job's key.
    RsyncCommand::Peer peer;
    peer.user = site->backup.ssh.user.isEmpty() ? QStringLiteral("root") : site->backup.ssh.user;
    peer.address = site->backup.address;
    peer.port = site->backup.ssh.port > 0 ? site->backup.ssh.port : 22;
    peer.keyPath = args.at(4) + QLatin1Char('/') + found->name;
    peer.knownHostsPath = peer.keyPath + QStringLiteral(".known_hosts");
    int code = 0;
    {
        Console console(std::move(options), *found, std::move(peer), std::move(*database),
                        SiteDocument::siteKey(args.at(1)));
        code = app.exec();
    }
    return code;
}
