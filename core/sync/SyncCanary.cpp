#include "SyncCanary.h"

#include "common/ShellQuote.h"

#include <QDir>
#include <QStringList>

namespace relais {

namespace {

/// The directory on main a source's canary goes to: the source directory
/// itself, whether its content ("dir/") or the directory ("dir") is copied.
QString sourceDir(const QString& source)
{
    return QDir::cleanPath(source);
}

} // namespace

QString SyncCanary::writeCommand(const SyncJob& job)
{
    QStringList steps;
    steps << QStringLiteral("now=$(date +%s%3N)");
    for (const QString& source : job.sources) {
        const QString file = sourceDir(source) + QLatin1Char('/') + QLatin1String(FileName);
        const QString tmp = file + QStringLiteral(".tmp");
        steps << QStringLiteral("printf '%s\\n' \"$now\" > %1 && mv -f %1 %2")
                     .arg(shellQuote(tmp), shellQuote(file));
    }
    return steps.join(QStringLiteral(" && "));
}

QString SyncCanary::writeThenRunCommand(const SyncJob& job, const QString& command)
{
    // "$?" in the else branch is the status of the failed condition.
    return QStringLiteral("if %1; then echo '%2' >&2; else status=$?; echo '%3' >&2; "
                          "exit $status; fi; exec %4")
        .arg(writeCommand(job), QLatin1String(WrittenLine), QLatin1String(FailedLine), command);
}

QString SyncCanary::backupPath(const SyncJob& job)
{
    const QString source = job.sources.value(0);
    QString dir = QDir::cleanPath(job.destination);
    if (!source.endsWith(QLatin1Char('/'))) {
        // "dir" lands as DEST/dir.
        dir += QLatin1Char('/') + QDir::cleanPath(source).section(QLatin1Char('/'), -1);
    }
    return dir + QLatin1Char('/') + QLatin1String(FileName);
}

QString SyncCanary::readCommand(const SyncJob& job)
{
    return QStringLiteral("date +%s%3N; cat %1 2>/dev/null || true")
        .arg(shellQuote(backupPath(job)));
}

std::optional<qint64> SyncCanary::ageMs(const QByteArray& output)
{
    const QList<QByteArray> lines = output.trimmed().split('\n');
    if (lines.size() != 2)
        return std::nullopt;
    bool okNow = false;
    bool okCanary = false;
    const qint64 now = lines.at(0).trimmed().toLongLong(&okNow);
    const qint64 canary = lines.at(1).trimmed().toLongLong(&okCanary);
    if (!okNow || !okCanary || canary <= 0)
        return std::nullopt;
    return std::max<qint64>(0, now - canary);
}

} // namespace relais
