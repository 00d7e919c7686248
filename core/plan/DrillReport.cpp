#include "DrillReport.h"

#include "DrillText.h"

#include <QLocale>

namespace relais {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

/// Colours with a word next to them: never colour alone.
const char* stateColour(DrillStepRecord::State state)
{
    using S = DrillStepRecord::State;
    switch (state) {
    case S::Succeeded:
        return "#2e7d32";
    case S::Failed:
        return "#c62828";
    case S::Cancelled:
        return "#ef6c00";
    case S::Running:
        return "#1565c0";
    case S::Pending:
    case S::Skipped:
        return "#9e9e9e";
    }
    return "#9e9e9e";
}

QString when(const QDateTime& at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::LongFormat)
                        : DrillReport::tr("—");
}

QString measure(std::optional<qint64> valueMs, int targetMinutes, std::optional<bool> met)
{
    if (!valueMs)
        return DrillReport::tr("not measured (target %n min)", nullptr, targetMinutes);
    const QString value = esc(DrillText::duration(*valueMs));
    if (met.value_or(false))
        return DrillReport::tr("%1 — target %n min met", nullptr, targetMinutes).arg(value);
    return DrillReport::tr("%1 — target %n min MISSED", nullptr, targetMinutes).arg(value);
}

} // namespace

std::optional<bool> DrillReport::rtoMet(const DrillRecord& record, const Targets& targets)
{
    if (!record.rtoMs)
        return std::nullopt;
    return *record.rtoMs <= qint64(targets.rtoMinutes) * 60000;
}

std::optional<bool> DrillReport::rpoMet(const DrillRecord& record, const Targets& targets)
{
    if (!record.rpoSeconds)
        return std::nullopt;
    return *record.rpoSeconds <= qint64(targets.rpoMinutes) * 60;
}

QString DrillReport::html(const DrillRecord& record, const QString& siteName,
                          const Targets& targets)
{
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
    h += esc(tr("Drill report — %1").arg(siteName));
    h += QStringLiteral("</title></head>\n<body>\n<h1>");
    h += esc(tr("Drill report — %1").arg(siteName));
    h += QStringLiteral("</h1>\n<table cellpadding=\"3\">\n");
    auto row = [&h](const QString& label, const QString& valueHtml) {
        h += QStringLiteral("<tr><th align=\"left\">") + esc(label) + QStringLiteral("</th><td>") +
             valueHtml + QStringLiteral("</td></tr>\n");
    };
    row(tr("Mode"), esc(DrillText::mode(record.mode)));
    row(tr("Outcome"),
        QStringLiteral("<b>") + esc(DrillText::runState(record.state)) + QStringLiteral("</b>") +
            (record.message.isEmpty() ? QString() : QStringLiteral(": ") + esc(record.message)));
    row(tr("Started"), esc(when(record.startedAt)));
    row(tr("Ended"), esc(when(record.endedAt)));
    const qint64 total = record.startedAt.isValid() && record.endedAt.isValid()
                             ? record.startedAt.msecsTo(record.endedAt)
                             : -1;
    row(tr("Duration"), esc(DrillText::duration(total)));
    row(tr("RTO (time to serve again)"),
        measure(record.rtoMs, targets.rtoMinutes, rtoMet(record, targets)));
    row(tr("RPO (data-loss window)"),
        measure(record.rpoSeconds ? std::optional<qint64>(*record.rpoSeconds * 1000) : std::nullopt,
                targets.rpoMinutes, rpoMet(record, targets)));
    h += QStringLiteral("</table>\n");

    if (!record.decisions.isEmpty()) {
        h += QStringLiteral("<h2>") + esc(tr("Decisions")) + QStringLiteral("</h2>\n<ul>\n");
        for (const QString& decision : record.decisions)
            h += QStringLiteral("<li>") + esc(decision) + QStringLiteral("</li>\n");
        h += QStringLiteral("</ul>\n");
    }

    // Timeline: one row per step that ran, a bar placed in the drill's span.
    h += QStringLiteral("<h2>") + esc(tr("Timeline")) + QStringLiteral("</h2>\n");
    const qint64 span = qMax<qint64>(1, total);
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">\n");
    for (const DrillStepRecord& step : record.steps) {
        h += QStringLiteral("<tr><td width=\"35%\">") + esc(DrillText::title(step.step)) +
             QStringLiteral("</td><td width=\"65%\">");
        if (step.startedAt.isValid() && record.startedAt.isValid()) {
            const QDateTime end = step.endedAt.isValid() ? step.endedAt : record.endedAt;
            const qint64 from = qBound<qint64>(0, record.startedAt.msecsTo(step.startedAt), span);
            const qint64 length = qBound<qint64>(
                0, step.startedAt.msecsTo(end.isValid() ? end : step.startedAt), span - from);
            const int before = int(from * 100 / span);
            const int width = qMax(1, int(length * 100 / span));
            const int after = qMax(0, 100 - before - width);
            h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>");
            if (before > 0)
                h += QStringLiteral("<td width=\"%1%\"></td>").arg(before);
            h += QStringLiteral("<td width=\"%1%\" bgcolor=\"%2\">&nbsp;</td>")
                     .arg(width)
                     .arg(QLatin1String(stateColour(step.state)));
            if (after > 0)
                h += QStringLiteral("<td width=\"%1%\"></td>").arg(after);
            h += QStringLiteral("</tr></table>");
        } else {
            h += esc(DrillText::stepState(step.state));
        }
        h += QStringLiteral("</td></tr>\n");
    }
    h += QStringLiteral("</table>\n");

    h += QStringLiteral("<h2>") + esc(tr("Steps")) + QStringLiteral("</h2>\n");
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<tr>");
    for (const QString& header : {tr("#"), tr("Step"), tr("Group"), tr("State"), tr("Start"),
                                  tr("Duration"), tr("Attempts"), tr("Message")})
        h += QStringLiteral("<th>") + esc(header) + QStringLiteral("</th>");
    h += QStringLiteral("</tr>\n");
    for (int i = 0; i < record.steps.size(); ++i) {
        const DrillStepRecord& step = record.steps.at(i);
        const qint64 offset = step.startedAt.isValid() && record.startedAt.isValid()
                                  ? record.startedAt.msecsTo(step.startedAt)
                                  : -1;
        const qint64 duration = step.startedAt.isValid() && step.endedAt.isValid()
                                    ? step.startedAt.msecsTo(step.endedAt)
                                    : -1;
        QString title = esc(DrillText::title(step.step));
        if (step.step.cleanup)
            title += QStringLiteral(" <i>(") + esc(tr("cleanup")) + QStringLiteral(")</i>");
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td>"
                            "<td><font color=\"%4\">■</font> %5</td><td>%6</td><td>%7</td>"
                            "<td>%8</td><td>%9</td></tr>\n")
                 .arg(i + 1)
                 .arg(title, esc(step.step.group), QLatin1String(stateColour(step.state)),
                      esc(DrillText::stepState(step.state)),
                      offset >= 0 ? esc(QStringLiteral("+") + DrillText::duration(offset))
                                  : QString(),
                      esc(DrillText::duration(duration)), QString::number(step.attempts),
                      esc(step.message));
    }
    h += QStringLiteral("</table>\n");

    bool outputTitle = false;
    for (int i = 0; i < record.steps.size(); ++i) {
        const DrillStepRecord& step = record.steps.at(i);
        if (step.output.isEmpty())
            continue;
        if (!outputTitle) {
            h += QStringLiteral("<h2>") + esc(tr("Output")) + QStringLiteral("</h2>\n");
            outputTitle = true;
        }
        h += QStringLiteral("<h3>%1. %2</h3>\n<pre>")
                 .arg(i + 1)
                 .arg(esc(DrillText::title(step.step)));
        h += esc(step.output.join(QLatin1Char('\n')));
        h += QStringLiteral("</pre>\n");
    }
    h += QStringLiteral("<p><small>") +
         esc(tr("Relais %1, drill %2").arg(QStringLiteral(RELAIS_VERSION)).arg(record.id)) +
         QStringLiteral("</small></p>\n</body></html>\n");
    return h;
}

} // namespace relais
