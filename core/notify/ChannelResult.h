#pragma once

#include "common/Result.h"

#include <QString>

namespace relais {

/// How sending to one channel went.
struct ChannelResult
{
    QString channel; ///< the channel's name in the site document
    Result<void> result;

    /// The error's message without the channel's name it starts with (for
    /// a line that already names the channel); empty on success.
    QString reason() const
    {
        if (result)
            return {};
        const QString prefix = channel + QStringLiteral(": ");
        const QString message = result.error().message();
        return message.startsWith(prefix) ? message.mid(prefix.size()) : message;
    }
};

} // namespace relais
