#include "VaultEntry.h"

#include <array>

namespace relais {

namespace {

constexpr std::array KindNames = {"ssh-private-key", "password", "api-token", "tsig-key",
                                  "tls-client-certificate"};

} // namespace

QString VaultEntry::kindName(Kind kind)
{
    return QLatin1String(KindNames.at(static_cast<std::size_t>(kind)));
}

std::optional<VaultEntry::Kind> VaultEntry::kindFromName(const QString& name)
{
    for (std::size_t i = 0; i < KindNames.size(); ++i) {
        if (name == QLatin1String(KindNames[i]))
            return static_cast<Kind>(i);
    }
    return std::nullopt;
}

bool VaultEntry::isValidId(const QString& id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const char16_t c = id.at(i).unicode();
        const bool lowerOrDigit = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        const bool punct = i > 0 && (c == u'.' || c == u'_' || c == u'-');
        if (!lowerOrDigit && !punct)
            return false;
    }
    return true;
}

} // namespace relais
