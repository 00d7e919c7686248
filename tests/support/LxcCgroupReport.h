#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace relais::test {

/// What the kernel says of a lab container's cgroups: the freezer state
/// (cgroup v1 and the unified tree) and, for each of its processes, its
/// state and where it sleeps. Printed by lab tests when LXD stops answering
/// for a container, so that a run that failed that way says why.
inline QString lxcCgroupReport(const QString& container)
{
    const auto read = [](const QString& path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("(unreadable)");
        return QString::fromUtf8(file.readAll())
            .trimmed()
            .replace(QLatin1Char('\n'), QLatin1Char(' '));
    };
    const QString leaf = QStringLiteral("lxc.payload.%1").arg(container);
    QStringList lines;
    const QString v1 = QStringLiteral("/sys/fs/cgroup/freezer/") + leaf;
    const QString v2 = QStringLiteral("/sys/fs/cgroup/unified/") + leaf;
    lines << QStringLiteral("freezer.state: %1").arg(read(v1 + QStringLiteral("/freezer.state")));
    lines << QStringLiteral("cgroup.events: %1").arg(read(v2 + QStringLiteral("/cgroup.events")));
    const QStringList pids =
        read(v1 + QStringLiteral("/cgroup.procs")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& pid : pids) {
        const QString proc = QStringLiteral("/proc/%1/").arg(pid);
        const QString stat = read(proc + QStringLiteral("stat"));
        const qsizetype close = stat.lastIndexOf(QLatin1Char(')'));
        const QString state = close > 0 ? stat.mid(close + 2, 1) : QStringLiteral("?");
        lines << QStringLiteral("pid %1 %2 state %3 wchan %4")
                     .arg(pid, read(proc + QStringLiteral("comm")), state,
                          read(proc + QStringLiteral("wchan")));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace relais::test
