#pragma once

#include "common/Result.h"
#include "http/HttpRequest.h"

#include <QObject>
#include <optional>

namespace relais {

/// One HTTP request to an LXD daemon, as its transport carries it: over a
/// Unix socket read by core/http (LxdSocketExchange) or over HTTPS through
/// QNetworkAccessManager (LxdHttpsExchange). LxdTransport::createExchange()
/// makes the right one; LxdOperation and LxdClient see only this class.
///
/// start() never blocks and finished() comes exactly once, never from
/// start(); abort() stops without finished(). The result is the HTTP
/// answer whatever its status (LxdResponse reads LXD's envelope), or an
/// LxdError when no answer came: Unreachable, Timeout, ProtocolError, and
/// over HTTPS CertificateUnknown, CertificateMismatch or TlsFailed.
class LxdExchange : public QObject
{
    Q_OBJECT

public:
    explicit LxdExchange(HttpRequest request, QObject* parent = nullptr)
        : QObject(parent)
        , m_request(std::move(request))
    {}

    /// "GET /1.0/instances", for messages.
    QString describe() const
    {
        return QStringLiteral("%1 %2").arg(QString::fromLatin1(m_request.method),
                                           QString::fromUtf8(m_request.target));
    }
    const HttpRequest& request() const { return m_request; }

    virtual void start() = 0;
    /// Stops without finished().
    virtual void abort() = 0;
    bool isFinished() const { return m_result.has_value(); }
    const Result<HttpResponse>& result() const { return *m_result; }

signals:
    void finished();

protected:
    /// Records the result and emits finished(); the subclass stops first.
    void deliver(Result<HttpResponse> result)
    {
        m_result = std::move(result);
        emit finished();
    }

private:
    HttpRequest m_request;
    std::optional<Result<HttpResponse>> m_result;
};

} // namespace relais
