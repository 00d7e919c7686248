#pragma once

#include <QObject>
#include <QStringList>

class QSettings;

namespace relais {

/// The list of recently opened site files, most recent first, kept in the
/// settings given (tests pass a temporary one).
class RecentSites : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxEntries = 8;

    explicit RecentSites(QSettings& settings, QObject* parent = nullptr);

    QStringList paths() const;
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

signals:
    void changed();

private:
    void store(const QStringList& paths);

    QSettings& m_settings;
};

} // namespace relais
