#pragma once

#include "dns/DnsProvider.h"
#include "dns/DnsProviderError.h"
#include "dns/DnsUpdateError.h"

#include <QTimer>
#include <algorithm>
#include <functional>

/// A DnsProvider for tests that holds one record in memory: read() gives
/// it, change() applies a change whose expected addresses match (else
/// PrerequisiteFailed, as an RFC 2136 server would), each after delayMs.
/// onChange, when set, sees each change before it is applied and may
/// return an error instead.
class ScriptedDnsProvider : public relais::DnsProvider
{
public:
    using DnsProvider::DnsProvider;

    relais::DnsRecordState record;
    QList<relais::DnsRecordChange> changes;
    int reads = 0;
    int delayMs = 10;
    std::function<std::optional<relais::Error>(const relais::DnsRecordChange&)> onChange;

    QString displayName() const override { return QStringLiteral("scripted"); }
    bool isRunning() const override { return m_timer.isActive(); }

    void read(const QString&, relais::DnsRecordType) override
    {
        ++reads;
        later(false, [this] { emit readFinished(record); });
    }

    void change(const relais::DnsRecordChange& change) override
    {
        changes.append(change);
        later(true, [this, change] {
            if (onChange) {
                if (std::optional<relais::Error> error = onChange(change)) {
                    emit changeFinished(*error);
                    return;
                }
            }
            if (!sameSet(change.expected, record.addresses)) {
                emit changeFinished(relais::Error(relais::DnsUpdateError::PrerequisiteFailed,
                                                  QStringLiteral("the record changed behind our "
                                                                 "back")));
                return;
            }
            record.addresses = change.addresses;
            record.ttl = change.ttl;
            relais::DnsChangeResult result;
            result.latencyMs = delayMs;
            emit changeFinished(result);
        });
    }

    void cancel() override
    {
        if (!m_timer.isActive())
            return;
        m_timer.stop();
        m_timer.disconnect();
        if (m_lastWasChange)
            emit changeFinished(relais::Error(relais::DnsUpdateError::Cancelled, {}));
        else
            emit readFinished(relais::Error(relais::DnsProviderError::Failed, {}));
    }

private:
    static bool sameSet(QList<QHostAddress> a, QList<QHostAddress> b)
    {
        const auto less = [](const QHostAddress& x, const QHostAddress& y) {
            return x.toString() < y.toString();
        };
        std::sort(a.begin(), a.end(), less);
        std::sort(b.begin(), b.end(), less);
        return a == b;
    }

    void later(bool isChange, std::function<void()> action)
    {
        m_lastWasChange = isChange;
        m_timer.disconnect();
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, this, action);
        m_timer.start(delayMs);
    }

    QTimer m_timer;
    bool m_lastWasChange = false;
};
