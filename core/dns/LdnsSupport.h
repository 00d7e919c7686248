#pragma once

// Private to core/dns: owning handles for ldns objects, ldns' status text,
// and the module's thread pool. Only core/dns .cpp files include it, so no
// ldns type leaves the module.

#include <QString>
#include <QThreadPool>
#include <cstdlib>
#include <ldns/ldns.h>
#include <memory>

namespace relais::ldns {

struct ResolverFree
{
    void operator()(ldns_resolver* resolver) const { ldns_resolver_deep_free(resolver); }
};
struct PacketFree
{
    void operator()(ldns_pkt* packet) const { ldns_pkt_free(packet); }
};
struct RdfFree
{
    void operator()(ldns_rdf* rdf) const { ldns_rdf_deep_free(rdf); }
};
struct RrListFree
{
    void operator()(ldns_rr_list* list) const { ldns_rr_list_deep_free(list); }
};
struct BufferFree
{
    void operator()(ldns_buffer* buffer) const { ldns_buffer_free(buffer); }
};
struct MallocFree
{
    void operator()(void* memory) const { std::free(memory); }
};

using ResolverPtr = std::unique_ptr<ldns_resolver, ResolverFree>;
using PacketPtr = std::unique_ptr<ldns_pkt, PacketFree>;
using RdfPtr = std::unique_ptr<ldns_rdf, RdfFree>;
using RrListPtr = std::unique_ptr<ldns_rr_list, RrListFree>;
using BufferPtr = std::unique_ptr<ldns_buffer, BufferFree>;

/// ldns' text for @p status.
inline QString statusText(ldns_status status)
{
    const char* text = ldns_get_errorstr_by_id(status);
    return text ? QString::fromLatin1(text) : QStringLiteral("ldns status %1").arg(int(status));
}

/// The threads that run ldns' blocking calls (queries and updates): this
/// module's own, so that a slow server never holds up the global pool (or
/// the other way round).
inline QThreadPool& threadPool()
{
    struct Pool
    {
        Pool() { threads.setMaxThreadCount(8); }
        QThreadPool threads;
    };
    static Pool pool;
    return pool.threads;
}

} // namespace relais::ldns
