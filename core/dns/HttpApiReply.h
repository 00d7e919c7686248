#pragma once

#include "common/Error.h"

#include <QByteArray>
#include <optional>

namespace relais {

/// What one HTTP API request brought back: a status and a body, or the
/// failure that stopped it before any status (network, TLS, timeout).
struct HttpApiReply
{
    int status = 0;
    QByteArray body;
    std::optional<Error> failure;

    bool isSuccess() const { return !failure && status >= 200 && status < 300; }
};

} // namespace relais
