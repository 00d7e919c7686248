#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

namespace relais {

/// What a web channel sends: one POST. Header values may hold a token:
/// never log them; the URL's last segment may hold an IFTTT key: log only
/// its scheme, host and port.
struct HttpPost
{
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray contentType;
    QByteArray body;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace relais
