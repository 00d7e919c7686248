#include "DrillNotification.h"

#include "DrillReport.h"
#include "DrillText.h"

namespace relais {

NotifyMessage DrillNotification::message(const DrillRecord& record, const QString& site,
                                         const Targets& targets)
{
    const QString rto =
        record.rtoMs ? DrillText::duration(*record.rtoMs) : DrillText::tr("not measured");
    const QString rpo = record.rpoSeconds ? DrillText::duration(*record.rpoSeconds * 1000)
                                          : DrillText::tr("not measured");
    const bool targetsMet = DrillReport::rtoMet(record, targets).value_or(true) &&
                            DrillReport::rpoMet(record, targets).value_or(true);
    NotifyMessage message;
    message.event = NotificationChannel::Event::Drill;
    message.site = site;
    //: %1 the drill's mode ("Rehearsal"), %2 its outcome ("succeeded")
    message.title = DrillText::tr("%1: %2").arg(DrillText::mode(record.mode),
                                                DrillText::runState(record.state));
    message.body = DrillText::tr("RTO %1 (target %2 min), RPO %3 (target %4 min).")
                       .arg(rto)
                       .arg(targets.rtoMinutes)
                       .arg(rpo)
                       .arg(targets.rpoMinutes);
    if (!record.message.isEmpty())
        message.body += QLatin1Char('\n') + record.message;
    if (record.state != DrillRecord::State::Succeeded)
        message.severity = NotifyMessage::Severity::Critical;
    else if (!targetsMet)
        message.severity = NotifyMessage::Severity::Warning;
    message.time = record.endedAt.isValid() ? record.endedAt : QDateTime::currentDateTimeUtc();
    return message;
}

} // namespace relais
