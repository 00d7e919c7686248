#include "DnsServerAddress.h"

#include <QHostAddress>

namespace relais {

std::optional<DnsServerAddress> DnsServerAddress::parse(const QString& text)
{
    QString host = text.trimmed();
    QString portText;
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype end = host.indexOf(QLatin1Char(']'));
        if (end < 0)
            return std::nullopt;
        const QString rest = host.mid(end + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return std::nullopt;
            portText = rest.mid(1);
        }
        host = host.mid(1, end - 1);
        if (!host.contains(QLatin1Char(':')))
            return std::nullopt;
    } else if (host.count(QLatin1Char(':')) == 1) {
        portText = host.section(QLatin1Char(':'), 1);
        host = host.section(QLatin1Char(':'), 0, 0);
    }
    QHostAddress address;
    if (host.isEmpty() || host.contains(QLatin1Char('%')) || !address.setAddress(host))
        return std::nullopt;
    DnsServerAddress server;
    server.address = address.toString();
    if (!portText.isNull()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return std::nullopt;
        server.port = quint16(port);
    }
    return server;
}

QString DnsServerAddress::toString() const
{
    const bool ipv6 = address.contains(QLatin1Char(':'));
    return (ipv6 ? QLatin1Char('[') + address + QLatin1Char(']') : address) + QLatin1Char(':') +
           QString::number(port);
}

} // namespace relais
