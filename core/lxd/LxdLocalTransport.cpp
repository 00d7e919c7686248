#include "LxdLocalTransport.h"

namespace relais {

LxdLocalTransport::LxdLocalTransport(QString socketPath, QObject* parent)
    : LxdSocketTransport(parent)
    , m_path(std::move(socketPath))
{}

QString LxdLocalTransport::describe() const
{
    return QStringLiteral("unix:%1").arg(m_path);
}

} // namespace relais
