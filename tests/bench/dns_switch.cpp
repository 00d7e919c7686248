// Switches a record COUNT times between two addresses with DnsUpdater (each
// update signed, with its prerequisite, answer verified) and, after each,
// reads the record from the same server until it answers the new address.
// Prints the total time of the updates and of update + verified answer, for
// tests/bench/dns_switch.sh.
//
//   relais_bench_dns SERVER PORT KEY_FILE COUNT ZONE NAME ADDRESS_A ADDRESS_B

#include "dns/DnsClient.h"
#include "dns/DnsUpdater.h"
#include "dns/TsigKey.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <cstdio>

using namespace relais;

namespace {

class Bench : public QObject
{
public:
    Bench(DnsUpdate update, TsigKey key, int count)
        : m_update(std::move(update))
        , m_key(std::move(key))
        , m_count(count)
    {
        connect(&m_updater, &DnsUpdater::finished, this, &Bench::onUpdated);
        connect(&m_client, &DnsClient::finished, this, &Bench::onAnswer);
    }

    void start()
    {
        m_total.start();
        next();
    }

private:
    void next()
    {
        if (m_done == m_count) {
            std::printf("updates_ms %.1f\nconverged_ms %.1f\ncount %d\n", m_updatesNs / 1e6,
                        m_total.nsecsElapsed() / 1e6, m_count);
            QCoreApplication::exit(0);
            return;
        }
        m_step.start();
        m_updater.start(m_update, m_key);
    }

    void onUpdated(const Result<DnsUpdateResult>& result)
    {
        m_updatesNs += m_step.nsecsElapsed();
        if (!result) {
            std::fprintf(stderr, "update %d failed: %s\n", m_done + 1,
                         qPrintable(result.error().message()));
            QCoreApplication::exit(1);
            return;
        }
        read();
    }

    void read()
    {
        DnsQuery query;
        query.server = m_update.server;
        query.port = m_update.port;
        query.name = m_update.name;
        m_client.query(query);
    }

    void onAnswer(const Result<DnsAnswer>& answer)
    {
        if (!answer) {
            std::fprintf(stderr, "read %d failed: %s\n", m_done + 1,
                         qPrintable(answer.error().message()));
            QCoreApplication::exit(1);
            return;
        }
        if (answer->addresses != m_update.addresses) {
            read(); // not there yet
            return;
        }
        ++m_done;
        std::swap(m_update.expected, m_update.addresses);
        next();
    }

    DnsUpdater m_updater;
    DnsClient m_client;
    DnsUpdate m_update;
    TsigKey m_key;
    int m_count;
    int m_done = 0;
    qint64 m_updatesNs = 0;
    QElapsedTimer m_total;
    QElapsedTimer m_step;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("relais.*.info=false"));
    const QStringList args = app.arguments();
    if (args.size() != 9) {
        std::fprintf(stderr, "usage: relais_bench_dns SERVER PORT KEY_FILE COUNT ZONE NAME "
                             "ADDRESS_A ADDRESS_B\n");
        return 2;
    }
    QFile file(args[3]);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read the key file\n");
        return 2;
    }
    QByteArray text = file.readAll();
    Result<TsigKey> key = TsigKey::parse(SecretBytes::takeFrom(text));
    if (!key) {
        std::fprintf(stderr, "%s\n", qPrintable(key.error().message()));
        return 2;
    }
    DnsUpdate update;
    update.server = args[1];
    update.port = quint16(args[2].toUInt());
    update.zone = args[5];
    update.name = args[6];
    update.expected = {QHostAddress(args[7])};
    update.addresses = {QHostAddress(args[8])};
    update.ttl = 60;
    Bench bench(update, *key, args[4].toInt());
    bench.start();
    return QCoreApplication::exec();
}
