// LXD operations through Relais' LxdClient over the daemon's Unix socket,
// one process for every round, for tests/bench/lxd_snapshot.sh. Prints one
// line per round ("round_ms N") and the median.
//
//   relais_bench_lxd snapshot-restore SOCKET INSTANCE COUNT
//       COUNT rounds of: snapshot INSTANCE (bench-N), restore it; the
//       snapshots are deleted afterwards, outside the timing.
//   relais_bench_lxd list SOCKET COUNT
//       COUNT listings of every instance with its state (recursion=2);
//       prints the number of instances listed.

#include "lxd/LxdClient.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdLocalTransport.h"
#include "lxd/LxdOperation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace relais;

namespace {

class Bench : public QObject
{
public:
    Bench(const QString& socket, QString mode, QString instance, int count)
        : m_client(new LxdLocalTransport(socket))
        , m_mode(std::move(mode))
        , m_instance(std::move(instance))
        , m_count(count)
    {}

    void start() { next(); }

private:
    void run(LxdOperation* op, std::function<void(const QJsonValue&)> then)
    {
        connect(op, &LxdOperation::finished, this, [op, then = std::move(then)] {
            op->deleteLater();
            if (!op->result()) {
                std::fprintf(stderr, "%s failed: %s\n", qPrintable(op->describe()),
                             qPrintable(op->result().error().message()));
                QCoreApplication::exit(1);
                return;
            }
            then(*op->result());
        });
        op->start();
    }

    QString snapshotName(int round) const { return QStringLiteral("bench-%1").arg(round); }

    void next()
    {
        if (m_round == m_count) {
            cleanUp(0);
            return;
        }
        ++m_round;
        m_timer.start();
        if (m_mode == QLatin1String("list")) {
            run(m_client.listInstances(), [this](const QJsonValue& value) {
                const auto list = LxdInstance::listFromJson(value);
                if (!list) {
                    std::fprintf(stderr, "listing unreadable: %s\n",
                                 qPrintable(list.error().message()));
                    QCoreApplication::exit(1);
                    return;
                }
                m_instances = list->size();
                roundDone();
            });
            return;
        }
        const QString name = snapshotName(m_round);
        run(m_client.createSnapshot(m_instance, name), [this, name](const QJsonValue&) {
            run(m_client.restoreSnapshot(m_instance, name),
                [this](const QJsonValue&) { roundDone(); });
        });
    }

    void roundDone()
    {
        const double ms = m_timer.nsecsElapsed() / 1e6;
        m_rounds.append(ms);
        std::printf("round_ms %.1f\n", ms);
        next();
    }

    void cleanUp(int index)
    {
        if (m_mode == QLatin1String("list") || index == m_count) {
            std::sort(m_rounds.begin(), m_rounds.end());
            const qsizetype n = m_rounds.size();
            const double median =
                n % 2 ? m_rounds.at(n / 2) : (m_rounds.at(n / 2 - 1) + m_rounds.at(n / 2)) / 2;
            std::printf("median_ms %.1f\n", median);
            if (m_mode == QLatin1String("list"))
                std::printf("instances %lld\n", static_cast<long long>(m_instances));
            std::fflush(stdout);
            QCoreApplication::exit(0);
            return;
        }
        run(m_client.deleteSnapshot(m_instance, snapshotName(index + 1)),
            [this, index](const QJsonValue&) { cleanUp(index + 1); });
    }

    LxdClient m_client;
    QString m_mode;
    QString m_instance;
    int m_count;
    int m_round = 0;
    qsizetype m_instances = 0;
    QElapsedTimer m_timer;
    QList<double> m_rounds;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("relais.*.info=false"));
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    const bool list = mode == QLatin1String("list");
    if ((!list && mode != QLatin1String("snapshot-restore")) || args.size() != (list ? 4 : 5)) {
        std::fprintf(stderr, "usage: relais_bench_lxd snapshot-restore SOCKET INSTANCE COUNT\n"
                             "       relais_bench_lxd list SOCKET COUNT\n");
        return 2;
    }
    const int count = args.last().toInt();
    if (count < 1) {
        std::fprintf(stderr, "COUNT must be at least 1\n");
        return 2;
    }
    Bench bench(args.at(2), mode, list ? QString() : args.at(3), count);
    QMetaObject::invokeMethod(
        &bench, [&bench] { bench.start(); }, Qt::QueuedConnection);
    return app.exec();
}
