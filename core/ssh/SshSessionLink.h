#pragma once

#include <QMutex>

namespace relais {

class SshSession;

/// Shared by an SshSession and its worker: the worker posts to the session
/// only under the mutex and only while the session still exists.
struct SshSessionLink
{
    QMutex mutex;
    SshSession* session = nullptr;
};

} // namespace relais
