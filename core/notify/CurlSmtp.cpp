#include "CurlSmtp.h"

#include "NotifyError.h"
#include "common/Logging.h"

#include <QFile>
#include <QFileInfo>
#include <cstring>
#include <curl/curl.h>
#include <memory>
#include <mutex>

namespace relais {

namespace {

struct Upload
{
    const QByteArray* data;
    qsizetype offset = 0;
};

size_t readMessage(char* buffer, size_t size, size_t count, void* user)
{
    auto* upload = static_cast<Upload*>(user);
    const qsizetype room = static_cast<qsizetype>(size * count);
    const qsizetype left = upload->data->size() - upload->offset;
    const qsizetype n = std::min(room, left);
    if (n > 0) {
        std::memcpy(buffer, upload->data->constData() + upload->offset, static_cast<size_t>(n));
        upload->offset += n;
    }
    return static_cast<size_t>(n);
}

int progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<const std::atomic_bool*>(user)->load() ? 1 : 0;
}

struct CurlDeleter
{
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};

struct ListDeleter
{
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

/// A NUL-terminated copy of a secret for curl, wiped when done.
class CString
{
public:
    explicit CString(const SecretBytes& secret)
        : m_bytes(SecretBytes::zeroed(secret.size() + 1))
    {
        if (!secret.isEmpty())
            std::memcpy(m_bytes.data(), secret.constData(), static_cast<size_t>(secret.size()));
    }
    const char* get() const { return m_bytes.constData(); }

private:
    SecretBytes m_bytes;
};

QByteArray urlHost(const QString& host)
{
    if (host.contains(QLatin1Char(':')))
        return '[' + host.toLatin1() + ']';
    return host.toUtf8();
}

NotifyError codeOf(CURLcode code)
{
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
        return NotifyError::Unreachable;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
        return NotifyError::Tls;
    case CURLE_SSL_CACERT_BADFILE:
        return NotifyError::NotConfigured;
    case CURLE_LOGIN_DENIED:
        return NotifyError::AuthRefused;
    case CURLE_OPERATION_TIMEDOUT:
        return NotifyError::Timeout;
    case CURLE_ABORTED_BY_CALLBACK:
        return NotifyError::Cancelled;
    default:
        return NotifyError::SmtpRejected;
    }
}

} // namespace

Result<void> CurlSmtp::send(const SmtpRequest& request, const std::atomic_bool& cancelled)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

    if (!request.caFile.isEmpty() && !QFileInfo(request.caFile).isReadable())
        return Error(
            NotifyError::NotConfigured,
            QStringLiteral("%1: cannot read the CA file %2").arg(request.channel, request.caFile));

    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl)
        return Error(NotifyError::SmtpRejected,
                     QStringLiteral("%1: libcurl could not start").arg(request.channel));
    CURL* c = curl.get();

    const bool implicit = request.tls == NotificationChannel::Tls::Implicit;
    const QByteArray url = (implicit ? QByteArray("smtps://") : QByteArray("smtp://")) +
                           urlHost(request.host) + ':' + QByteArray::number(request.port);
    std::unique_ptr<curl_slist, ListDeleter> recipients;
    for (const QString& to : request.to) {
        const QByteArray address = '<' + to.toUtf8() + '>';
        curl_slist* list = curl_slist_append(recipients.get(), address.constData());
        if (!list)
            return Error(NotifyError::SmtpRejected, QStringLiteral("out of memory"));
        (void)recipients.release();
        recipients.reset(list);
    }
    const QByteArray from = '<' + request.from.toUtf8() + '>';
    const QByteArray caFile = QFile::encodeName(request.caFile);
    const QByteArray user = request.user.toUtf8();
    const CString password(request.password);
    Upload upload{&request.message};
    char errorText[CURL_ERROR_SIZE] = {};

    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!caFile.isEmpty()) {
        // Both are read by the OpenSSL backend: the channel's CA and the
        // system's.
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
        curl_easy_setopt(c, CURLOPT_CAPATH, "/etc/ssl/certs");
    }
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.get());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(request.message.size()));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.timeoutMs));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeoutMs));
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, const_cast<std::atomic_bool*>(&cancelled));
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorText);

    qCDebug(lcNotify).noquote() << "SMTP to channel" << request.channel << "at" << request.host
                                << request.port << (implicit ? "tls" : "starttls");
    const CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK) {
        qCDebug(lcNotify).noquote() << "channel" << request.channel << "accepted the message";
        return Result<void>::success();
    }
    long response = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response);
    QString text = QString::fromUtf8(errorText).trimmed();
    if (text.isEmpty())
        text = QString::fromUtf8(curl_easy_strerror(code));
    QString message = QStringLiteral("%1: SMTP %2:%3: %4")
                          .arg(request.channel, request.host)
                          .arg(request.port)
                          .arg(text);
    if (response > 0)
        message += QStringLiteral(" (server reply %1)").arg(response);
    return Error(codeOf(code), message);
}

} // namespace relais
