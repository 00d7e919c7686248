#include "MainVantageProbe.h"

#include "PlanError.h"
#include "common/ShellQuote.h"
#include "ssh/SshCommandJob.h"

#include <QUrl>
#include <algorithm>

namespace relais {

MainVantageProbe::MainVantageProbe(SshSession& backup, QString mainAddress, QList<int> ports,
                                   QObject* parent)
    : QObject(parent)
    , m_backup(backup)
    , m_address(std::move(mainAddress))
    , m_ports(std::move(ports))
{}

MainVantageProbe::~MainVantageProbe()
{
    cancel();
}

QList<int> MainVantageProbe::portsOf(const Site& site)
{
    QList<int> ports{site.main.ssh.port};
    for (const Service& service : site.services) {
        for (const ProbeSpec& probe : service.probes) {
            if (probe.kind == ProbeSpec::Kind::Tcp && probe.host == HostRole::Main)
                ports.append(probe.port);
            if (probe.kind == ProbeSpec::Kind::Http) {
                const QUrl url(probe.url);
                ports.append(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
            }
        }
    }
    std::sort(ports.begin(), ports.end());
    ports.erase(std::unique(ports.begin(), ports.end()), ports.end());
    ports.removeIf([](int port) { return port < 1 || port > 65535; });
    return ports;
}

QString MainVantageProbe::command(const QString& address, const QList<int>& ports)
{
    QStringList numbers;
    for (int port : ports)
        numbers.append(QString::number(port));
    // Each port on its own line: "open PORT" when it accepts a connection.
    return QStringLiteral("for p in %1; do if timeout %2 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' "
                          "%3 \"$p\" 2>/dev/null; then echo \"open $p\"; fi; done; echo checked")
        .arg(numbers.join(QLatin1Char(' ')))
        .arg(ConnectTimeoutSeconds)
        .arg(shellQuote(address));
}

bool MainVantageProbe::answers(const QByteArray& output)
{
    for (const QByteArray& line : output.split('\n')) {
        if (line.startsWith("open "))
            return true;
    }
    return false;
}

void MainVantageProbe::start()
{
    if (m_job)
        return;
    const int timeoutMs = (ConnectTimeoutSeconds * int(m_ports.size()) + 15) * 1000;
    m_job = new SshCommandJob(&m_backup, command(m_address, m_ports), timeoutMs, this);
    connect(m_job, &SshCommandJob::finished, this, [this, job = m_job] {
        m_job = nullptr;
        job->deleteLater();
        const Result<int> status = job->result();
        if (!status) {
            emit finished(Error(PlanError::StepFailed,
                                tr("Backup could not be asked whether main answers: %1")
                                    .arg(status.error().message())));
            return;
        }
        if (*status != 0 || !job->standardOutput().contains("checked")) {
            emit finished(Error(PlanError::StepFailed,
                                tr("Backup could not check main's ports (exit status %1): %2")
                                    .arg(*status)
                                    .arg(QString::fromUtf8(job->standardError()).trimmed())));
            return;
        }
        emit finished(answers(job->standardOutput()));
    });
    m_job->start();
}

void MainVantageProbe::cancel()
{
    if (SshCommandJob* job = m_job) {
        m_job = nullptr;
        job->disconnect(this);
        job->cancel();
        job->deleteLater();
    }
}

} // namespace relais
