#pragma once

#include "StepJob.h"

#include <functional>

namespace relais {

/// A plan's notify step: hands the message to whoever shows it (the tray,
/// the command line) and keeps it in the drill's output.
class NotifyStepJob : public StepJob
{
    Q_OBJECT

public:
    using Notifier = std::function<void(const QString& message)>;

    NotifyStepJob(QString message, Notifier notifier, QObject* parent = nullptr);

    void start() override;
    void cancel() override {}

private:
    QString m_message;
    Notifier m_notifier;
};

} // namespace relais
