#include "RecentSites.h"

#include <QFileInfo>
#include <QSettings>

namespace relais {

namespace {
const QString Key = QStringLiteral("recentSites");
}

RecentSites::RecentSites(QSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{}

QStringList RecentSites::paths() const
{
    return m_settings.value(Key).toStringList();
}

void RecentSites::add(const QString& path)
{
    // Resource paths (the embedded lab site) are not files to remember.
    if (path.startsWith(QLatin1Char(':')))
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxEntries)
        list.removeLast();
    store(list);
}

void RecentSites::remove(const QString& path)
{
    QStringList list = paths();
    if (list.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        store(list);
}

void RecentSites::clear()
{
    store({});
}

void RecentSites::store(const QStringList& paths)
{
    m_settings.setValue(Key, paths);
    m_settings.sync();
    emit changed();
}

} // namespace relais
