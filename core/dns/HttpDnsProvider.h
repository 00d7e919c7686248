#pragma once

#include "DnsProvider.h"
#include "HttpApiClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QTimer>
#include <optional>

namespace relais {

/// The common part of the providers spoken over an HTTP API: one call at a
/// time, its timeout, cancel(), exactly one finished signal per call, the
/// checks of a change before anything is sent, and the comparison with the
/// expected addresses right before writing (these APIs have no
/// conditional update). A change with no expected address creates the
/// record (refused when it exists), one with no new address deletes it
/// (see DnsRecordChange).
///
/// A subclass implements beginRead() and beginChange() with requests sent
/// through client(), and ends the call with finishRead(), finishChange() or
/// fail(); a callback that runs after the call ended is never invoked
/// (client() is aborted when the call ends).
class HttpDnsProvider : public DnsProvider
{
    Q_OBJECT

public:
    static constexpr int DefaultTimeoutMs = 30000;

    /// @p zone: the zone's name, without the final dot.
    explicit HttpDnsProvider(QString zone, QObject* parent = nullptr);
    ~HttpDnsProvider() override;

    void read(const QString& name, DnsRecordType type) final;
    void change(const DnsRecordChange& change) final;
    void cancel() final;
    bool isRunning() const final { return m_call != Call::None; }

    const QString& zone() const { return m_zone; }
    /// The whole call's timeout, all its requests included.
    void setTimeoutMs(int ms);
    /// Trusts @p certificates as CAs besides the system's (a private CA).
    void addCaCertificates(const QList<QSslCertificate>& certificates);

    /// @p name relative to the zone ("www", "@" for the apex), or a null
    /// string when it is not inside the zone.
    static QString relativeName(const QString& name, const QString& zone);
    /// Whether @p a and @p b hold the same addresses, in any order.
    static bool sameAddresses(QList<QHostAddress> a, QList<QHostAddress> b);
    /// "10.0.0.1, 10.0.0.2", or "nothing".
    static QString addressList(const QList<QHostAddress>& addresses);

    /// The error for a reply that is not a success: the failure, or the
    /// status mapped to a code, with @p serviceMessage (the service's
    /// words, if any) in the message.
    static Error replyError(const HttpApiReply& reply, const QString& what,
                            const QString& serviceMessage);
    /// The body as a JSON document, or Malformed.
    static Result<QJsonDocument> parseJson(const HttpApiReply& reply, const QString& what);
    /// The printable first characters of a service's text.
    static QString sanitized(const QString& text, qsizetype max = 200);

protected:
    virtual void beginRead(const QString& name, DnsRecordType type) = 0;
    /// Called once change() checked the change's names, addresses and TTL.
    virtual void beginChange(const DnsRecordChange& change) = 0;
    /// A provider's own limits on a change (for example a minimum TTL).
    virtual std::optional<Error> checkChange(const DnsRecordChange& change) const;

    HttpApiClient& client() { return *m_client; }
    /// Milliseconds since the call started.
    qint64 elapsedMs() const { return m_elapsed.elapsed(); }

    void finishRead(const Result<DnsRecordState>& result);
    void finishChange(const Result<DnsChangeResult>& result);
    /// Ends the running call, read or change, with @p error.
    void fail(const Error& error);
    /// The RecordChanged error when @p state does not hold what @p change
    /// expects; nothing otherwise.
    static std::optional<Error> compareExpected(const DnsRecordState& state,
                                                const DnsRecordChange& change);

private:
    enum class Call
    {
        None,
        Read,
        Change,
    };

    void start(Call call);
    /// The checks every provider makes on a change.
    std::optional<Error> checkCommon(const DnsRecordChange& change) const;
    void onTimeout();
    void finishBusy(Call call);

    QString m_zone;
    HttpApiClient* m_client;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    Call m_call = Call::None;
    quint64 m_run = 0; ///< the running call's number
};

} // namespace relais
