#pragma once

#include "RsyncItem.h"
#include "RsyncProgress.h"
#include "RsyncStats.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace relais {

/// Reads what rsync prints with `--info=progress2 --itemize-changes
/// --stats`, in chunks split anywhere: progress lines (ended by '\r' while
/// they update), the itemized change list, the --stats totals, and every
/// other line (rsync's warnings and errors) as messages. Paths escaped by
/// rsync ("\#ooo") are decoded.
class RsyncOutputParser
{
public:
    /// Parses what can be parsed; a line cut at the end waits for the rest.
    void feed(QByteArrayView chunk);
    /// The output ended: parses the last line, if unterminated.
    void finish();

    /// The latest progress line, if any came.
    const std::optional<RsyncProgress>& progress() const { return m_progress; }
    /// True once per new progress line since the last call.
    bool takeProgressChanged();
    /// The itemized changes parsed since the last call.
    QList<RsyncItem> takeItems();
    /// Lines that were neither progress, change list nor totals.
    QStringList takeMessages();
    const RsyncStats& stats() const { return m_stats; }

    static std::optional<RsyncProgress> parseProgress(const QString& line);
    static std::optional<RsyncItem> parseItem(const QString& line);
    /// "\#ooo" octal escapes of rsync's output → bytes, read as UTF-8.
    static QString unescape(QByteArrayView text);

private:
    void parseLine(QByteArrayView line);
    bool parseStatsLine(const QString& line);

    QByteArray m_partial;
    std::optional<RsyncProgress> m_progress;
    bool m_progressChanged = false;
    QList<RsyncItem> m_items;
    QStringList m_messages;
    RsyncStats m_stats;
};

} // namespace relais
