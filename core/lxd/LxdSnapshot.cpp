#include "LxdSnapshot.h"

#include "LxdError.h"

#include <QJsonArray>
#include <QJsonObject>

namespace relais {

QDateTime LxdSnapshot::parseTime(const QString& text)
{
    // Go writes RFC 3339 with up to nine fractional digits; Qt reads at most three.
    QString t = text;
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    if (dot >= 0) {
        qsizetype end = dot + 1;
        while (end < t.size() && t.at(end).isDigit())
            ++end;
        t = t.left(dot + 1) + t.mid(dot + 1, qMin<qsizetype>(3, end - dot - 1)) + t.mid(end);
    }
    QDateTime time = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!time.isValid() || time.date().year() <= 1)
        return {};
    return time.toUTC();
}

Result<LxdSnapshot> LxdSnapshot::fromJson(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    LxdSnapshot s;
    s.name = o.value(QStringLiteral("name")).toString();
    if (s.name.isEmpty())
        return Error(LxdError::ProtocolError, QStringLiteral("a snapshot without a name"));
    // Some LXD versions give "instance/snapshot".
    s.name = s.name.section(QLatin1Char('/'), -1);
    s.createdAt = parseTime(o.value(QStringLiteral("created_at")).toString());
    s.expiresAt = parseTime(o.value(QStringLiteral("expires_at")).toString());
    s.stateful = o.value(QStringLiteral("stateful")).toBool();
    return s;
}

Result<QList<LxdSnapshot>> LxdSnapshot::listFromJson(const QJsonValue& value)
{
    QList<LxdSnapshot> list;
    if (value.isNull() || value.isUndefined())
        return list; // LXD sends null for "none"
    if (!value.isArray())
        return Error(LxdError::ProtocolError, QStringLiteral("snapshots are not a list"));
    for (const QJsonValue& v : value.toArray()) {
        auto s = fromJson(v);
        if (!s)
            return s.error();
        list.append(*s);
    }
    return list;
}

} // namespace relais
