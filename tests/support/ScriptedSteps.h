#pragma once

// Scripted drill steps for tests: each action succeeds, fails, hangs until
// cancelled or hangs for good, attempt by attempt, and logs what ran.

#include "plan/DrillContext.h"
#include "plan/PlanError.h"
#include "plan/StepJob.h"
#include "plan/StepJobFactory.h"

#include <QHash>
#include <QStringList>
#include <QTimer>

namespace relais::test {

/// What a scripted step does on each attempt.
enum class Script
{
    Succeed,
    Fail,
    Hang,         ///< never ends by itself; ends when cancelled
    HangForever,  ///< ignores cancel()
    CancelAtOnce, ///< never ends by itself; cancel() finishes it before returning
};

class ScriptedJob : public StepJob
{
public:
    ScriptedJob(Script script, QString name, QStringList& log, QObject* parent)
        : StepJob(parent)
        , m_script(script)
        , m_name(std::move(name))
        , m_log(log)
    {}

    void start() override
    {
        m_log.append(QStringLiteral("start ") + m_name);
        emit output(QStringLiteral("hello from ") + m_name);
        if (m_script == Script::Succeed)
            QTimer::singleShot(1, this, [this] { emit finished(Result<void>::success()); });
        else if (m_script == Script::Fail)
            QTimer::singleShot(1, this, [this] {
                emit finished(Error(PlanError::StepFailed, QStringLiteral("boom in ") + m_name));
            });
    }

    void cancel() override
    {
        m_log.append(QStringLiteral("cancel ") + m_name);
        if (m_script == Script::CancelAtOnce)
            emit finished(Error(PlanError::Cancelled, QStringLiteral("cancelled")));
        if (m_script == Script::Hang)
            QTimer::singleShot(1, this, [this] {
                emit finished(Error(PlanError::Cancelled, QStringLiteral("cancelled")));
            });
    }

private:
    Script m_script;
    QString m_name;
    QStringList& m_log;
};

/// Scripts per action name (one entry per attempt; the last repeats), and
/// a cleanup registered by clone-for-drill steps, as the real one does.
class ScriptedFactory : public StepJobFactory
{
public:
    QHash<QString, QList<Script>> scripts;
    QHash<QString, int> attempts;
    QStringList log;
    QStringList failingHooks;
    /// The containers each clone-for-drill step named once its cleanup was
    /// registered.
    QList<QStringList> clonedContainers;

    Result<StepJob*> create(const DrillStep& step, DrillContext& context, QObject* parent) override
    {
        const QString name = drillActionName(step.action);
        const int attempt = attempts[name]++;
        const QList<Script> list = scripts.value(name, {Script::Succeed});
        if (step.action == DrillAction::CloneForDrill) {
            DrillStep cleanup = step;
            cleanup.action = DrillAction::RemoveClones;
            cleanup.before.clear();
            cleanup.after.clear();
            context.addCleanup(cleanup);
            // Read after the registration, as the real factory does.
            clonedContainers.append(step.containers);
        }
        if (step.action == DrillAction::ProbeClones || step.action == DrillAction::Verify)
            context.markServiceUp(upAt);
        if (step.action == DrillAction::ReadCanary)
            context.setRpoSeconds(42);
        return static_cast<StepJob*>(
            new ScriptedJob(list.at(qMin(attempt, int(list.size()) - 1)), name, log, parent));
    }

    Result<StepJob*> createHook(const PlanHook& hook, QObject* parent) override
    {
        return static_cast<StepJob*>(
            new ScriptedJob(failingHooks.contains(hook.command) ? Script::Fail : Script::Succeed,
                            QStringLiteral("hook ") + hook.command, log, parent));
    }

    QDateTime upAt;
};

} // namespace relais::test
