#pragma once

#include "common/Result.h"
#include "dns/DnsApiError.h"
#include "dns/DnsProvider.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QTest>
#include <optional>

namespace relais::test {

/// Runs one read() or change() of a DnsProvider to its end (test code
/// only) and checks that its finished signal came exactly once.
template <typename T> struct ProviderOutcome
{
    std::optional<Result<T>> result;
    int emitted = 0;
};

inline ProviderOutcome<DnsRecordState> readWith(DnsProvider& provider, const QString& name,
                                                int waitMs = 20000)
{
    ProviderOutcome<DnsRecordState> outcome;
    const QMetaObject::Connection connection = QObject::connect(
        &provider, &DnsProvider::readFinished, [&](const Result<DnsRecordState>& result) {
            ++outcome.emitted;
            outcome.result.emplace(result);
        });
    provider.read(name, DnsRecordType::A);
    (void)QTest::qWaitFor([&] { return outcome.result.has_value(); }, waitMs);
    QTest::qWait(20);
    QObject::disconnect(connection);
    return outcome;
}

inline ProviderOutcome<DnsChangeResult>
changeWith(DnsProvider& provider, const DnsRecordChange& change, int waitMs = 20000)
{
    ProviderOutcome<DnsChangeResult> outcome;
    const QMetaObject::Connection connection = QObject::connect(
        &provider, &DnsProvider::changeFinished, [&](const Result<DnsChangeResult>& result) {
            ++outcome.emitted;
            outcome.result.emplace(result);
        });
    provider.change(change);
    (void)QTest::qWaitFor([&] { return outcome.result.has_value(); }, waitMs);
    QTest::qWait(20);
    QObject::disconnect(connection);
    return outcome;
}

/// The message of a failed result, for QVERIFY2.
template <typename T> QByteArray describe(const std::optional<Result<T>>& result)
{
    if (!result)
        return "no result";
    if (*result)
        return "success";
    return result->error().message().toUtf8();
}

/// Everything logged while it lives, every category's debug included.
class LogCapture
{
public:
    LogCapture()
    {
        s_self = this;
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules(QString());
        s_self = nullptr;
    }
    QByteArray text() const
    {
        QMutexLocker lock(&m_mutex);
        return m_text;
    }

private:
    static void handle(QtMsgType, const QMessageLogContext& context, const QString& message)
    {
        if (!s_self)
            return;
        QMutexLocker lock(&s_self->m_mutex);
        s_self->m_text +=
            QByteArray(context.category ? context.category : "") + ": " + message.toUtf8() + '\n';
    }

    static inline LogCapture* s_self = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QByteArray m_text;
};

} // namespace relais::test
