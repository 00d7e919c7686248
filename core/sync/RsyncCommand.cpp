#include "RsyncCommand.h"

#include "HostReplicationLock.h"
#include "SyncCanary.h"
#include "common/ShellQuote.h"

#include <QDir>
#include <QFileInfo>

namespace relais {

namespace {

const QStringList LowPriority = {QStringLiteral("nice"), QStringLiteral("-n"),
                                 QStringLiteral("19"),   QStringLiteral("ionice"),
                                 QStringLiteral("-c"),   QStringLiteral("3")};

/// "user@host:" with IPv6 addresses in brackets.
QString remotePrefix(const RsyncCommand::Peer& peer)
{
    const QString host = peer.address.contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + peer.address + QLatin1Char(']')
                             : peer.address;
    return peer.user + QLatin1Char('@') + host + QLatin1Char(':');
}

/// The directory a source copies from: "x/" copies x's content, "x" copies
/// x itself (from its parent).
QString anchorOf(const QString& source)
{
    const QString clean = QDir::cleanPath(source);
    return source.endsWith(QLatin1Char('/')) ? clean
                                             : QDir::cleanPath(clean + QStringLiteral("/.."));
}

/// A value for ssh's -o: UserKnownHostsFile takes a whitespace-separated
/// list, so a path with blanks goes in double quotes.
QString sshOptionValue(const QString& path)
{
    if (!path.contains(QLatin1Char(' ')) && !path.contains(QLatin1Char('\t')))
        return path;
    return QLatin1Char('"') + path + QLatin1Char('"');
}

} // namespace

QStringList RsyncCommand::arguments(const SyncJob& job, const Peer& peer, Mode mode, Flow flow)
{
    QStringList args;
    if (job.lowPriority)
        args += LowPriority;
    args << QStringLiteral("rsync") << QStringLiteral("-a") << QStringLiteral("-8")
         << QStringLiteral("--delay-updates") << QStringLiteral("--info=progress2")
         << QStringLiteral("--itemize-changes") << QStringLiteral("--stats");
    if (job.deleteExtraneous)
        args << QStringLiteral("--delete");
    if (mode == Mode::DryRun)
        args << QStringLiteral("--dry-run");
    if (job.bandwidthLimitKiB > 0)
        args << QStringLiteral("--bwlimit=%1").arg(job.bandwidthLimitKiB);
    // First: no rule of the job can make the staging directory travel or
    // let --delete take a partial file before it is resumed.
    args << QLatin1String(StagingFilter);
    for (const QString& pattern : job.excludes)
        args << QStringLiteral("--exclude=") + pattern;
    if (flow == Flow::Reverse)
        args << QStringLiteral("--exclude=") + QLatin1String(SyncCanary::FileName);
    const QStringList ssh = {QStringLiteral("ssh"),
                             QStringLiteral("-i"),
                             peer.keyPath,
                             QStringLiteral("-p"),
                             QString::number(peer.port),
                             QStringLiteral("-o"),
                             QStringLiteral("BatchMode=yes"),
                             QStringLiteral("-o"),
                             QStringLiteral("StrictHostKeyChecking=yes"),
                             QStringLiteral("-o"),
                             QStringLiteral("UserKnownHostsFile=") +
                                 sshOptionValue(peer.knownHostsPath),
                             QStringLiteral("-o"),
                             QStringLiteral("GlobalKnownHostsFile=/dev/null"),
                             QStringLiteral("-o"),
                             QStringLiteral("IdentitiesOnly=yes"),
                             QStringLiteral("-o"),
                             QStringLiteral("ServerAliveInterval=15"),
                             QStringLiteral("-o"),
                             QStringLiteral("ServerAliveCountMax=4")};
    args << QStringLiteral("-e") << shellJoin(ssh);
    // The "--" ends the options: no source can pass for one.
    args << QStringLiteral("--");
    const QString prefix = remotePrefix(peer);
    if (flow == Flow::Reverse) {
        const QString root = reverseRoot(job);
        const QString rootSlash =
            root.endsWith(QLatin1Char('/')) ? root : QString(root + QLatin1Char('/'));
        if (job.direction == SyncJob::Direction::Push) {
            // main fetches from backup; rrsync's root there is the destination.
            const QString source = job.sources.value(0);
            const QString remote = source.endsWith(QLatin1Char('/'))
                                       ? QStringLiteral("./")
                                       : QFileInfo(QDir::cleanPath(source)).fileName();
            args << prefix + remote << rootSlash;
        } else {
            // backup sends to main; rrsync's root there is reverseRoot().
            args << reverseSource(job) << prefix;
        }
        return args;
    }
    if (job.direction == SyncJob::Direction::Push) {
        args += job.sources;
        // rrsync confines the key to the destination: "" is its root.
        args << prefix;
    } else {
        for (const QString& path : pullPaths(job.sources))
            args << prefix + path;
        args << (job.destination.endsWith(QLatin1Char('/')) ? job.destination
                                                            : job.destination + QLatin1Char('/'));
    }
    return args;
}

QString RsyncCommand::commandLine(const SyncJob& job, const Peer& peer, Mode mode, Flow flow)
{
    return shellJoin(arguments(job, peer, mode, flow));
}

QString RsyncCommand::forcedCommand(const SyncJob& job, Flow flow)
{
    QStringList words;
    if (job.lowPriority)
        words += LowPriority;
    words << QStringLiteral("rrsync");
    if (flow == Flow::Reverse) {
        if (job.direction == SyncJob::Direction::Push) {
            words << QStringLiteral("-ro") << QDir::cleanPath(job.destination);
        } else {
            words << QStringLiteral("-wo");
            if (!job.deleteExtraneous)
                words << QStringLiteral("-no-del");
            words << reverseRoot(job);
        }
        return shellJoin(words);
    }
    if (job.direction == SyncJob::Direction::Push) {
        words << QStringLiteral("-wo");
        if (!job.deleteExtraneous)
            words << QStringLiteral("-no-del");
        words << QDir::cleanPath(job.destination);
        // Backup refuses the push while it serves after a failover.
        return HostReplicationLock::guardCommand() + QStringLiteral("; exec ") + shellJoin(words);
    }
    words << QStringLiteral("-ro") << pullRoot(job.sources);
    return shellJoin(words);
}

QString RsyncCommand::authorizedKeysLine(const SyncJob& job, const QString& publicKeyLine,
                                         Flow flow)
{
    QString command = forcedCommand(job, flow);
    command.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    command.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QStringLiteral("restrict,command=\"%1\" %2").arg(command, publicKeyLine.trimmed());
}

QString RsyncCommand::keyName(const SyncJob& job, Flow flow)
{
    return flow == Flow::Reverse ? job.name + QStringLiteral(".reverse") : job.name;
}

bool RsyncCommand::initiatorReceives(const SyncJob& job, Flow flow)
{
    return (job.direction == SyncJob::Direction::Pull) == (flow == Flow::Forward);
}

bool RsyncCommand::isReversible(const SyncJob& job)
{
    return job.sources.size() == 1;
}

QString RsyncCommand::reverseRoot(const SyncJob& job)
{
    return anchorOf(job.sources.value(0));
}

QString RsyncCommand::reverseSource(const SyncJob& job)
{
    const QString source = job.sources.value(0);
    const QString destination = QDir::cleanPath(job.destination);
    if (source.endsWith(QLatin1Char('/')))
        return destination.endsWith(QLatin1Char('/')) ? destination
                                                      : QString(destination + QLatin1Char('/'));
    const QString name = QFileInfo(QDir::cleanPath(source)).fileName();
    if (destination == QStringLiteral("/"))
        return QLatin1Char('/') + name;
    return destination + QLatin1Char('/') + name;
}

QString RsyncCommand::pullRoot(const QStringList& sources)
{
    if (sources.isEmpty())
        return QStringLiteral("/");
    QStringList common = anchorOf(sources.first()).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString& source : sources) {
        const QStringList parts = anchorOf(source).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        qsizetype n = 0;
        while (n < common.size() && n < parts.size() && common.at(n) == parts.at(n))
            ++n;
        common = common.mid(0, n);
    }
    return QLatin1Char('/') + common.join(QLatin1Char('/'));
}

QStringList RsyncCommand::pullPaths(const QStringList& sources)
{
    const QDir root(pullRoot(sources));
    QStringList paths;
    for (const QString& source : sources) {
        QString relative = root.relativeFilePath(QDir::cleanPath(source));
        if (relative.isEmpty())
            relative = QStringLiteral(".");
        if (source.endsWith(QLatin1Char('/')))
            relative += QLatin1Char('/');
        paths.append(relative);
    }
    return paths;
}

} // namespace relais
