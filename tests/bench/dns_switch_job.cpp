// Switches a record to the backup address and back with DnsSwitchJob
// (emergency: read, already-switched check, conditional RFC 2136 update
// through Rfc2136Provider, then direct questions to each verify server
// until all answer the new address). Prints, for each way, the whole
// switch, the provider's change and the time to verified convergence, for
// tests/bench/dns_switch.sh.
//
//   relais_bench_dns_switch SERVER PORT KEY_FILE ZONE NAME MAIN BACKUP VERIFY...
//
// VERIFY: address:port of each server the switch is verified at.

#include "dns/DnsSwitchJob.h"
#include "dns/Rfc2136Provider.h"
#include "dns/TsigKey.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <cstdio>

using namespace relais;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("relais.*.info=false"));
    const QStringList args = app.arguments();
    if (args.size() < 9) {
        std::fprintf(stderr, "usage: relais_bench_dns_switch SERVER PORT KEY_FILE ZONE NAME "
                             "MAIN BACKUP VERIFY...\n");
        return 2;
    }
    QFile keyFile(args.at(3));
    if (!keyFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(3)));
        return 2;
    }
    QByteArray keyText = keyFile.readAll();
    Result<TsigKey> key = TsigKey::parse(SecretBytes::takeFrom(keyText));
    if (!key) {
        std::fprintf(stderr, "%s\n", qPrintable(key.error().message()));
        return 2;
    }

    DnsSwitchRequest request;
    request.service = QStringLiteral("bench");
    request.zone = args.at(4);
    request.name = args.at(5);
    request.mainAddress = QHostAddress(args.at(6));
    request.backupAddress = QHostAddress(args.at(7));
    request.mode = DnsSwitchRequest::Mode::Emergency;
    request.ttl = 60;
    request.pollIntervalMs = 50;
    request.propagationTimeoutMs = 30000;
    for (const QString& text : args.mid(8)) {
        const std::optional<DnsServerAddress> server = DnsServerAddress::parse(text);
        if (!server) {
            std::fprintf(stderr, "not address:port: %s\n", qPrintable(text));
            return 2;
        }
        request.verifyServers.append(*server);
    }

    auto provider = std::make_unique<Rfc2136Provider>(args.at(1), quint16(args.at(2).toUInt()),
                                                      request.zone, *key);
    DnsSwitchJob job(std::move(provider));
    QElapsedTimer elapsed;
    int exitCode = 0;
    const QList<DnsSwitchRequest::Side> ways = {DnsSwitchRequest::Side::Backup,
                                                DnsSwitchRequest::Side::Main};
    int step = 0;
    const auto next = [&] {
        request.to = ways.at(step);
        elapsed.start();
        job.start(request);
    };
    QObject::connect(&job, &DnsSwitchJob::finished, &app,
                     [&](const Result<DnsSwitchReport>& result) {
                         const char* way = step == 0 ? "to_backup" : "to_main";
                         if (!result) {
                             std::fprintf(stderr, "switch %s failed: %s\n", way,
                                          qPrintable(result.error().message()));
                             exitCode = 1;
                             QCoreApplication::exit(1);
                             return;
                         }
                         std::printf("%s switch_ms %.1f change_ms %lld convergence_ms %lld "
                                     "servers %lld\n",
                                     way, elapsed.nsecsElapsed() / 1e6, result->changeLatencyMs,
                                     result->convergenceMs, qint64(result->servers.size()));
                         if (++step < ways.size())
                             next();
                         else
                             QCoreApplication::exit(0);
                     });
    next();
    app.exec();
    return exitCode;
}
