#include "LxdSocketTransport.h"

#include "LxdSocketExchange.h"

namespace relais {

LxdExchange* LxdSocketTransport::createExchange(HttpRequest request, int timeoutMs, QObject* parent)
{
    return new LxdSocketExchange(this, std::move(request), timeoutMs, parent);
}

} // namespace relais
