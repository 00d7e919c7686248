#pragma once

#include "StepJob.h"

#include <QDateTime>
#include <QJsonValue>
#include <QPointer>
#include <QStringList>
#include <functional>

namespace relais {

class LxdClient;
class LxdOperation;

/// LXD work of a drill step on one host's containers, one operation after
/// the other: the instances are listed first so that the step does only
/// what is needed (a running container is not started again, a missing one
/// is not stopped), then:
/// - Start: start each (a missing one fails the step);
/// - Stop: stop each cleanly (60 s), forced when that fails;
/// - Snapshot: snapshot each as relais-drill-DATE, kept 7 days;
/// - Clone: copy each into cloneName() on the same host, isolated as
///   DrillCloneRequest says (no proxy, network only on an isolated bridge:
///   production does not see the copy), never started at boot; a leftover
///   clone is removed first;
/// - Remove: stop and delete each clone that exists.
class LxdInstancesStepJob : public StepJob
{
    Q_OBJECT

public:
    enum class Action
    {
        Start,
        Stop,
        Snapshot,
        Clone,
        Remove,
    };

    /// @p client must outlive the job. For Start and Stop @p names are the
    /// instances; for Clone the originals; for Remove the clones.
    LxdInstancesStepJob(LxdClient* client, Action action, QStringList names, QDateTime now,
                        QObject* parent = nullptr);
    ~LxdInstancesStepJob() override;

    /// The drill copy of @p container: "relais-drill-" + the name, cut to
    /// LXD's 63 characters.
    static QString cloneName(const QString& container);

    void start() override;
    void cancel() override;

private:
    struct Step
    {
        QString what;
        std::function<LxdOperation*()> make;
        /// Stop: when the clean stop fails, the forced stop comes next.
        std::function<LxdOperation*()> fallback;
    };

    void onListed();
    void plan(const QStringList& isolatedBridges);
    void runNext();
    void onStepFinished();

    QPointer<LxdClient> m_client;
    Action m_action;
    QStringList m_names;
    QDateTime m_now;
    QJsonValue m_listing;
    QList<Step> m_steps;
    LxdOperation* m_operation = nullptr;
    bool m_cancelled = false;
    bool m_usingFallback = false;
};

} // namespace relais
