#pragma once

#include <QByteArray>

namespace relais {

/// What a command run in an instance left: its exit status and its
/// recorded output.
struct LxdExecResult
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};

} // namespace relais
