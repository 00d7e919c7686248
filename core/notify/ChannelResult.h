#pragma once

#include "common/Result.h"

#include <QString>

namespace relais {

/// How sending to one channel went.
struct ChannelResult
{
    QString channel; ///< the channel's name in the site document
    Result<void> result;
};

} // namespace relais
