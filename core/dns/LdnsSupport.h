#pragma once

// Private to core/dns: owning handles for ldns objects, ldns' status text,
// the module's thread pool and what its pool threads share. Only core/dns
// .cpp files include it, so no ldns type leaves the module.

#include <QHostAddress>
#include <QHostInfo>
#include <QString>
#include <QThreadPool>
#include <csignal>
#include <cstdlib>
#include <ldns/ldns.h>
#include <memory>
#include <optional>
#include <pthread.h>

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

/// A worker thread writing to a socket the server closed gets EPIPE rather
/// than a process-killing SIGPIPE (ldns does not ask for MSG_NOSIGNAL).
/// Only this module's pool threads run this.
inline void blockSigpipe()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

/// The server to ask: an IP address (no zone), or a name resolved by the
/// system (the calling thread may block: pool threads only); nullopt with
/// the reason in @p why.
inline std::optional<QHostAddress> serverAddress(const QString& server, QString* why)
{
    QHostAddress address;
    if (!address.setAddress(server)) {
        // A name: the system resolves it (this thread may block).
        const QHostInfo info = QHostInfo::fromName(server);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            *why = QStringLiteral("cannot resolve the server name \"%1\": %2")
                       .arg(server, info.errorString());
            return std::nullopt;
        }
        address = info.addresses().constFirst();
    }
    if (!address.scopeId().isEmpty()) {
        *why = QStringLiteral("server address with a zone (%1) is not supported").arg(server);
        return std::nullopt;
    }
    if (address.protocol() != QAbstractSocket::IPv4Protocol &&
        address.protocol() != QAbstractSocket::IPv6Protocol) {
        *why = QStringLiteral("invalid server address \"%1\"").arg(server);
        return std::nullopt;
    }
    return address;
}

} // namespace relais::ldns
