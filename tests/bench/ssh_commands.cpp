// Runs COUNT commands one after the other over one Relais SSH session and
// prints the time of the connection and of the commands, for
// tests/bench/ssh_commands.sh.
//
//   relais_bench_ssh ADDRESS PORT USER KEY_FILE KNOWN_HOSTS COUNT COMMAND

#include "ssh/RejectAllVerifier.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QThread>
#include <cstdio>

using namespace relais;

namespace {

class Bench : public QObject
{
public:
    Bench(SshSessionOptions options, int count, QString command)
        : m_session(new SshSession(std::move(options), &m_verifier))
        , m_count(count)
        , m_command(std::move(command))
    {
        connect(m_session, &SshSession::connected, this, &Bench::onConnected);
        connect(m_session, &SshSession::connectFailed, this, [this](const Error& error) {
            std::fprintf(stderr, "connection failed: %s\n", qPrintable(error.message()));
            finish(1);
        });
    }

    void start()
    {
        m_timer.start();
        m_session->connectToHost();
    }

private:
    /// Exits once the session's worker thread has closed the connection.
    void finish(int code)
    {
        QPointer<QThread> thread = m_session->workerThread();
        m_session->deleteLater();
        if (!thread) {
            QCoreApplication::exit(code);
            return;
        }
        connect(thread, &QThread::finished, qApp, [code] { QCoreApplication::exit(code); });
    }

    void onConnected()
    {
        m_connectMs = m_timer.nsecsElapsed() / 1e6;
        m_timer.restart();
        next();
    }

    void next()
    {
        if (m_done == m_count) {
            const double commandsMs = m_timer.nsecsElapsed() / 1e6;
            std::printf("connect_ms %.1f\ncommands_ms %.1f\ncount %d\n", m_connectMs, commandsMs,
                        m_count);
            QCoreApplication::exit(0);
            return;
        }
        auto* job = new SshCommandJob(m_session, m_command, 30000, this);
        connect(job, &SshCommandJob::finished, this, [this, job] {
            job->deleteLater();
            if (!job->result() || *job->result() != 0) {
                std::fprintf(stderr, "command %d failed\n", m_done + 1);
                finish(1);
                return;
            }
            ++m_done;
            next();
        });
        job->start();
    }

    RejectAllVerifier m_verifier;
    SshSession* m_session; ///< deleted by finish()
    int m_count;
    QString m_command;
    int m_done = 0;
    double m_connectMs = 0;
    QElapsedTimer m_timer;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 8) {
        std::fprintf(stderr, "usage: relais_bench_ssh ADDRESS PORT USER KEY_FILE KNOWN_HOSTS COUNT "
                             "COMMAND\n");
        return 2;
    }
    QFile key(args.at(4));
    if (!key.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(4)));
        return 2;
    }
    SshSessionOptions options;
    options.target.address = args.at(1);
    options.target.port = args.at(2).toInt();
    options.target.user = args.at(3);
    options.target.privateKey = key.readAll();
    options.knownHostsPath = args.at(5);
    int code = 0;
    {
        Bench bench(options, args.at(6).toInt(), args.at(7));
        bench.start();
        code = app.exec();
    }
    return code;
}
