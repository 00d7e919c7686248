#include "NotifyStepJob.h"

#include <QTimer>

namespace relais {

NotifyStepJob::NotifyStepJob(QString message, Notifier notifier, QObject* parent)
    : StepJob(parent)
    , m_message(std::move(message))
    , m_notifier(std::move(notifier))
{}

void NotifyStepJob::start()
{
    // finished() never comes from inside start().
    QTimer::singleShot(0, this, [this] {
        emit output(m_message);
        if (m_notifier)
            m_notifier(m_message);
        emit finished(Result<void>::success());
    });
}

} // namespace relais
