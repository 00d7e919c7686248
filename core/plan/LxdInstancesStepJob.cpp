#include "LxdInstancesStepJob.h"

#include "DrillCloneRequest.h"
#include "PlanError.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdInstance.h"
#include "lxd/LxdOperation.h"

#include <QJsonArray>
#include <QJsonObject>

namespace relais {

namespace {

constexpr int CleanStopSeconds = 60;

} // namespace

LxdInstancesStepJob::LxdInstancesStepJob(LxdClient* client, Action action, QStringList names,
                                         QDateTime now, QObject* parent)
    : StepJob(parent)
    , m_client(client)
    , m_action(action)
    , m_names(std::move(names))
    , m_now(std::move(now))
{}

LxdInstancesStepJob::~LxdInstancesStepJob() = default;

QString LxdInstancesStepJob::cloneName(const QString& container)
{
    QString name = QStringLiteral("relais-drill-") + container;
    name.truncate(63);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name;
}

void LxdInstancesStepJob::start()
{
    // Names and statuses are enough: no state of every instance.
    m_operation = m_client->listInstancesBrief();
    connect(m_operation, &LxdOperation::finished, this, &LxdInstancesStepJob::onListed);
    m_operation->start();
}

void LxdInstancesStepJob::cancel()
{
    m_cancelled = true;
    if (m_operation)
        m_operation->cancel();
}

void LxdInstancesStepJob::onListed()
{
    LxdOperation* list = std::exchange(m_operation, nullptr);
    list->deleteLater();
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (!list->result()) {
        emit finished(list->result().error());
        return;
    }
    m_listing = *list->result();
    if (m_action != Action::Clone) {
        plan({});
        return;
    }
    // A clone's network devices go to one of backup's isolated bridges.
    m_operation = m_client->request("GET", QStringLiteral("/1.0/networks?recursion=1"));
    connect(m_operation, &LxdOperation::finished, this, [this] {
        LxdOperation* networks = std::exchange(m_operation, nullptr);
        networks->deleteLater();
        if (m_cancelled) {
            emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
            return;
        }
        if (!networks->result()) {
            emit finished(networks->result().error());
            return;
        }
        plan(DrillCloneRequest::isolatedBridges(networks->result()->toArray()));
    });
    m_operation->start();
}

void LxdInstancesStepJob::plan(const QStringList& isolatedBridges)
{
    const Result<QList<LxdInstance>> instances = LxdInstance::listFromJson(m_listing);
    if (!instances) {
        emit finished(instances.error());
        return;
    }
    auto find = [&](const QString& name) -> const LxdInstance* {
        for (const LxdInstance& instance : *instances) {
            if (instance.name == name)
                return &instance;
        }
        return nullptr;
    };
    auto sourceJson = [&](const QString& name) {
        for (const QJsonValue& value : m_listing.toArray()) {
            if (value.toObject().value(QStringLiteral("name")).toString() == name)
                return value.toObject();
        }
        return QJsonObject();
    };
    QPointer<LxdClient> client = m_client;
    for (const QString& name : std::as_const(m_names)) {
        const LxdInstance* instance = find(name);
        switch (m_action) {
        case Action::Start:
            if (!instance) {
                emit finished(Error(LxdError::NotFound,
                                    tr("There is no container \"%1\" to start.").arg(name)));
                return;
            }
            if (instance->isRunning()) {
                emit output(tr("%1 is already running.").arg(name));
                break;
            }
            m_steps.append({tr("Starting %1").arg(name),
                            [client, name] { return client->startInstance(name); },
                            {}});
            break;
        case Action::Stop:
            if (!instance) {
                emit output(tr("There is no container \"%1\" here: nothing to stop.").arg(name));
                break;
            }
            if (!instance->isRunning()) {
                emit output(tr("%1 is already stopped.").arg(name));
                break;
            }
            m_steps.append({tr("Stopping %1").arg(name),
                            [client, name] { return client->stopInstance(name, CleanStopSeconds); },
                            [client, name] {
                                return client->stopInstance(name, 0, true);
                            }});
            break;
        case Action::Snapshot: {
            if (!instance) {
                emit finished(Error(LxdError::NotFound,
                                    tr("There is no container \"%1\" to snapshot.").arg(name)));
                return;
            }
            const QString snapshot = QStringLiteral("relais-drill-") +
                                     m_now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
            const QDateTime expires = m_now.addDays(7);
            m_steps.append({tr("Snapshot %1/%2").arg(name, snapshot),
                            [client, name, snapshot, expires] {
                                return client->createSnapshot(name, snapshot, expires);
                            },
                            {}});
            break;
        }
        case Action::Clone: {
            if (!instance) {
                emit finished(
                    Error(LxdError::NotFound,
                          tr("There is no copy of \"%1\" to clone on this host.").arg(name)));
                return;
            }
            const QString clone = cloneName(name);
            if (const LxdInstance* leftover = find(clone)) {
                if (leftover->isRunning())
                    m_steps.append(
                        {tr("Stopping the leftover %1").arg(clone),
                         [client, clone] { return client->stopInstance(clone, 0, true); },
                         {}});
                m_steps.append({tr("Removing the leftover %1").arg(clone),
                                [client, clone] { return client->deleteInstance(clone); },
                                {}});
            }
            QStringList notes;
            const QJsonObject body =
                DrillCloneRequest::body(sourceJson(name), clone, isolatedBridges, &notes);
            for (const QString& note : std::as_const(notes))
                emit output(note);
            m_steps.append({tr("Cloning %1 into %2").arg(name, clone),
                            [client, body] {
                                return client->request("POST", QStringLiteral("/1.0/instances"),
                                                       body);
                            },
                            {}});
            break;
        }
        case Action::Remove:
            if (!instance) {
                emit output(tr("%1 is already gone.").arg(name));
                break;
            }
            if (instance->isRunning())
                m_steps.append({tr("Stopping %1").arg(name),
                                [client, name] { return client->stopInstance(name, 0, true); },
                                {}});
            m_steps.append({tr("Deleting %1").arg(name),
                            [client, name] { return client->deleteInstance(name); },
                            {}});
            break;
        }
    }
    runNext();
}

void LxdInstancesStepJob::runNext()
{
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (m_steps.isEmpty()) {
        emit finished(Result<void>::success());
        return;
    }
    const Step& step = m_steps.first();
    emit output(step.what);
    m_operation = m_usingFallback ? step.fallback() : step.make();
    connect(m_operation, &LxdOperation::progress, this,
            [this](const QString& text, int) { emit output(text); });
    connect(m_operation, &LxdOperation::finished, this, &LxdInstancesStepJob::onStepFinished);
    m_operation->start();
}

void LxdInstancesStepJob::onStepFinished()
{
    LxdOperation* operation = std::exchange(m_operation, nullptr);
    operation->deleteLater();
    if (m_cancelled) {
        emit finished(Error(PlanError::Cancelled, tr("Cancelled.")));
        return;
    }
    if (!operation->result()) {
        const Step& step = m_steps.first();
        if (step.fallback && !m_usingFallback) {
            emit output(tr("%1 failed (%2); forcing it.")
                            .arg(step.what, operation->result().error().message()));
            m_usingFallback = true;
            runNext();
            return;
        }
        emit finished(operation->result().error());
        return;
    }
    m_usingFallback = false;
    m_steps.removeFirst();
    runNext();
}

} // namespace relais
