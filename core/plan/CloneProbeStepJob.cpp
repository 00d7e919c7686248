#include "CloneProbeStepJob.h"

#include "DrillContext.h"
#include "PlanError.h"
#include "common/Clock.h"
#include "common/ShellQuote.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdOperation.h"
#include "ssh/SshCommandJob.h"
#include "ssh/SshSession.h"

#include <QUrl>

namespace relais {

namespace {

// Quick at first, so that the RTO it marks is not rounded up to a poll tick,
// then slower; a round is one listing and one command on backup.
constexpr int FirstRetryMs = 100;
constexpr int MaxRetryMs = 500;
// Age after which a failed check lists the clones again.
constexpr int RelistAfterMs = 1000;

} // namespace

CloneProbeStepJob::CloneProbeStepJob(LxdClient* backup, SshSession* backupSsh, QStringList clones,
                                     QList<ProbeSpec> probes, DrillContext& context,
                                     const Clock& clock, QObject* parent)
    : StepJob(parent)
    , m_lxd(backup)
    , m_ssh(backupSsh)
    , m_clones(std::move(clones))
    , m_probes(std::move(probes))
    , m_context(context)
    , m_clock(clock)
    , m_backoff(FirstRetryMs, MaxRetryMs)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &CloneProbeStepJob::round);
}

CloneProbeStepJob::~CloneProbeStepJob() = default;

QString CloneProbeStepJob::checkCommand(const QString& address, const QList<ProbeSpec>& probes)
{
    QStringList checks;
    for (const ProbeSpec& probe : probes) {
        if (probe.kind == ProbeSpec::Kind::Http) {
            const QUrl url(probe.url);
            if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
                continue;
            const bool tls = url.scheme() == QLatin1String("https");
            const int port = url.port(tls ? 443 : 80);
            // curl --resolve sends the request to the clone under the
            // service's own name, so an https certificate is verified as
            // usual; wget (http only) asks the address directly.
            const QString resolve =
                QStringLiteral("%1:%2:%3").arg(url.host()).arg(port).arg(address);
            const QString curl = QStringLiteral("curl -fsS --max-time 5 --resolve %1 %2")
                                     .arg(shellQuote(resolve), shellQuote(url.toString()));
            QString fetch;
            if (tls) {
                fetch = curl;
            } else {
                QUrl direct = url;
                direct.setHost(address);
                direct.setPort(port);
                fetch =
                    QStringLiteral("{ if command -v curl >/dev/null 2>&1; then %1; else wget -q "
                                   "-T 5 -O - %2; fi; }")
                        .arg(curl, shellQuote(direct.toString()));
            }
            if (probe.keyword.isEmpty())
                checks.append(fetch + QStringLiteral(" >/dev/null"));
            else
                checks.append(fetch + QStringLiteral(" | grep -qF -- ") +
                              shellQuote(probe.keyword));
        } else if (probe.kind == ProbeSpec::Kind::Tcp) {
            checks.append(QStringLiteral("timeout 5 bash -c %1")
                              .arg(shellQuote(
                                  QStringLiteral("</dev/tcp/%1/%2").arg(address).arg(probe.port))));
        }
    }
    return checks.join(QStringLiteral(" && "));
}

void CloneProbeStepJob::start()
{
    m_backoff.reset();
    m_command.clear();
    round();
}

void CloneProbeStepJob::round()
{
    // Once every clone runs with an address, the checks are run again, and
    // the listing when it is old enough to have missed a change.
    if (m_command.isEmpty() || m_listed.hasExpired(RelistAfterMs))
        listAddresses();
    else
        check();
}

void CloneProbeStepJob::cancel()
{
    m_cancelled = true;
    m_retry.stop();
    if (m_list)
        m_list->cancel();
    else if (m_check)
        m_check->cancel();
    else
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
}

void CloneProbeStepJob::listAddresses()
{
    m_list = m_lxd->listInstances();
    connect(m_list, &LxdOperation::finished, this, &CloneProbeStepJob::onListed);
    m_list->start();
}

void CloneProbeStepJob::again(const QString& why)
{
    if (why != m_lastWhy)
        emit output(why);
    m_lastWhy = why;
    m_retry.start(m_backoff.next());
}

void CloneProbeStepJob::onListed()
{
    LxdOperation* list = std::exchange(m_list, nullptr);
    list->deleteLater();
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (!list->result()) {
        emit finished(list->result().error());
        return;
    }
    const Result<QList<LxdInstance>> instances = LxdInstance::listFromJson(*list->result());
    if (!instances) {
        emit finished(instances.error());
        return;
    }
    QStringList commands;
    for (const QString& clone : std::as_const(m_clones)) {
        const LxdInstance* found = nullptr;
        for (const LxdInstance& instance : *instances) {
            if (instance.name == clone)
                found = &instance;
        }
        if (!found) {
            emit finished(
                Error(PlanError::StepFailed, tr("The clone %1 is gone from backup.").arg(clone)));
            return;
        }
        QString address;
        for (const LxdAddress& a : found->addresses) {
            if (a.family == QLatin1String("inet") && a.scope == QLatin1String("global")) {
                address = a.address;
                break;
            }
        }
        if (!found->isRunning() || address.isEmpty()) {
            again(tr("Waiting for %1 to run with an address…").arg(clone));
            return;
        }
        const QString command = checkCommand(address, m_probes);
        if (!command.isEmpty())
            commands.append(command);
    }
    if (commands.isEmpty()) {
        m_context.markServiceUp(m_clock.now());
        emit output(tr("The clones run; the service has no HTTP or TCP probe to try on them."));
        emit finished(Result<void>::success());
        return;
    }
    m_command = commands.join(QStringLiteral(" && "));
    m_listed.start();
    check();
}

void CloneProbeStepJob::check()
{
    m_check = new SshCommandJob(m_ssh, m_command, 30000, this);
    connect(m_check, &SshCommandJob::finished, this, &CloneProbeStepJob::onChecked);
    m_check->start();
}

void CloneProbeStepJob::onChecked()
{
    SshCommandJob* check = std::exchange(m_check, nullptr);
    check->deleteLater();
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (!check->result()) {
        emit finished(check->result().error());
        return;
    }
    if (*check->result() != 0) {
        again(tr("The clones do not answer their probes yet…"));
        return;
    }
    m_context.markServiceUp(m_clock.now());
    emit output(tr("Every clone answers its probes."));
    emit finished(Result<void>::success());
}

} // namespace relais
