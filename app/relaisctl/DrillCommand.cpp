#include "DrillCommand.h"

#include "ExitCode.h"
#include "common/AtomicFile.h"
#include "common/Database.h"
#include "common/Paths.h"
#include "plan/DrillJournal.h"
#include "plan/DrillPlanner.h"
#include "plan/DrillReport.h"
#include "plan/DrillText.h"
#include "site/SiteDocument.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace relais {

namespace {

const QString Usage = QStringLiteral("relaisctl drill run --site FILE [--mode MODE] [--yes]\n"
                                     "relaisctl drill plan --site FILE [--mode MODE] [--json]\n"
                                     "relaisctl drill history --site FILE [--limit N] [--json]\n"
                                     "relaisctl drill report --site FILE ID [--output FILE]");

struct Parsed
{
    Site site;
    QString siteKey;
    QStringList positional;
};

/// Parses the common options; nullopt (and a message) when it cannot go on.
std::optional<Parsed> parse(QCommandLineParser& parser, const QStringList& arguments,
                            QTextStream& out, QTextStream& err, int& exitCode)
{
    parser.addHelpOption();
    const QCommandLineOption siteOption(
        QStringLiteral("site"), DrillCommand::tr("The site document."), DrillCommand::tr("FILE"));
    parser.addOption(siteOption);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        exitCode = ExitCode::Error;
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        exitCode = ExitCode::Ok;
        return std::nullopt;
    }
    if (!parser.isSet(siteOption)) {
        err << DrillCommand::tr("Missing --site FILE.") << Qt::endl << Usage << Qt::endl;
        exitCode = ExitCode::Error;
        return std::nullopt;
    }
    const QString path = parser.value(siteOption);
    Result<Site> site = SiteDocument::load(path);
    if (!site) {
        err << site.error().toString() << Qt::endl;
        exitCode = ExitCode::Error;
        return std::nullopt;
    }
    return Parsed{std::move(site).value(), QFileInfo(path).absoluteFilePath(),
                  parser.positionalArguments()};
}

QJsonValue optionalNumber(const std::optional<qint64>& value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue();
}

QString isoTime(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

std::unique_ptr<Database> openDatabase(QTextStream& err)
{
    Result<std::unique_ptr<Database>> opened = Database::open(Paths::databaseFile());
    if (!opened) {
        err << DrillCommand::tr("Cannot open the drill journal: %1").arg(opened.error().message())
            << Qt::endl;
        return nullptr;
    }
    return std::move(opened).value();
}

} // namespace

int DrillCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const QString program = arguments.value(0);
    const QString command = arguments.value(1);
    const QStringList rest = QStringList{program + QLatin1Char(' ') + command} + arguments.mid(2);
    if (command == QStringLiteral("plan"))
        return plan(rest, out, err);
    if (command == QStringLiteral("history"))
        return history(rest, out, err);
    if (command == QStringLiteral("report"))
        return report(rest, out, err);
    if (command == QStringLiteral("-h") || command == QStringLiteral("--help")) {
        out << Usage << Qt::endl;
        return ExitCode::Ok;
    }
    if (!command.isEmpty())
        err << tr("Unknown drill command: %1").arg(command) << Qt::endl;
    err << Usage << Qt::endl;
    return ExitCode::Error;
}

int DrillCommand::plan(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show the steps a drill of the site's recovery plan would run, in order, and the "
           "decisions taken. Nothing is run."));
    const QCommandLineOption modeOption(
        QStringLiteral("mode"),
        tr("rehearsal (default), planned-failover, emergency-failover or failback."), tr("MODE"),
        QStringLiteral("rehearsal"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    parser.addOptions({modeOption, jsonOption});
    int exitCode = ExitCode::Ok;
    const auto parsed = parse(parser, arguments, out, err, exitCode);
    if (!parsed)
        return exitCode;
    const auto mode = drillModeFromName(parser.value(modeOption));
    if (!mode) {
        err << tr("Unknown mode \"%1\": use rehearsal, planned-failover, emergency-failover or "
                  "failback.")
                   .arg(parser.value(modeOption))
            << Qt::endl;
        return ExitCode::Error;
    }
    if (parsed->site.plan.isEmpty()) {
        err << tr("The site has no recovery plan (\"plan\" in its document).") << Qt::endl;
        return ExitCode::Error;
    }
    const DrillPlan plan = DrillPlanner::plan(parsed->site, *mode);
    if (parser.isSet(jsonOption)) {
        QJsonArray steps;
        for (const DrillStep& step : plan.steps) {
            QJsonObject o = step.toJson();
            o.insert(QStringLiteral("title"), DrillText::title(step));
            steps.append(o);
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("mode"), drillModeName(plan.mode)},
                                         {QStringLiteral("steps"), steps},
                                         {QStringLiteral("decisions"),
                                          QJsonArray::fromStringList(plan.decisions)}})
                   .toJson(QJsonDocument::Indented);
        return ExitCode::Ok;
    }
    out << tr("%1 of %2: %n steps", nullptr, int(plan.steps.size()))
               .arg(DrillText::mode(plan.mode), parsed->site.name)
        << Qt::endl;
    for (int i = 0; i < plan.steps.size(); ++i) {
        const DrillStep& step = plan.steps.at(i);
        out << QStringLiteral("%1. [%2] %3 (%4)")
                   .arg(i + 1, 2)
                   .arg(step.group, DrillText::title(step),
                        tr("timeout %n s", nullptr, step.timeoutSeconds))
            << Qt::endl;
        for (const PlanHook& hook : step.before)
            out << QStringLiteral("      ") << tr("before: %1").arg(hook.command) << Qt::endl;
        for (const PlanHook& hook : step.after)
            out << QStringLiteral("      ") << tr("after: %1").arg(hook.command) << Qt::endl;
    }
    for (const QString& decision : plan.decisions)
        out << QStringLiteral("* ") << decision << Qt::endl;
    return ExitCode::Ok;
}

int DrillCommand::history(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the site's drills, newest first, with their outcome, RTO and RPO."));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         tr("At most N drills (default 20)."), tr("N"),
                                         QStringLiteral("20"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    parser.addOptions({limitOption, jsonOption});
    int exitCode = ExitCode::Ok;
    const auto parsed = parse(parser, arguments, out, err, exitCode);
    if (!parsed)
        return exitCode;
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok || limit < 1 || limit > 10000) {
        err << tr("--limit expects a number from 1 to 10000.") << Qt::endl;
        return ExitCode::Error;
    }
    const auto database = openDatabase(err);
    if (!database)
        return ExitCode::Error;
    DrillJournal journal(*database, parsed->siteKey);
    const auto drills = journal.recent(limit);
    if (!drills) {
        err << drills.error().message() << Qt::endl;
        return ExitCode::Error;
    }
    const Targets& targets = parsed->site.targets;
    if (parser.isSet(jsonOption)) {
        QJsonArray list;
        for (const DrillRecord& drill : *drills) {
            list.append(QJsonObject{
                {QStringLiteral("id"), static_cast<double>(drill.id)},
                {QStringLiteral("mode"), drillModeName(drill.mode)},
                {QStringLiteral("state"), DrillText::runState(drill.state)},
                {QStringLiteral("started_at"), isoTime(drill.startedAt)},
                {QStringLiteral("ended_at"), isoTime(drill.endedAt)},
                {QStringLiteral("rto_ms"), optionalNumber(drill.rtoMs)},
                {QStringLiteral("rpo_seconds"), optionalNumber(drill.rpoSeconds)},
                {QStringLiteral("rto_met"), DrillReport::rtoMet(drill, targets)
                                                ? QJsonValue(*DrillReport::rtoMet(drill, targets))
                                                : QJsonValue()},
                {QStringLiteral("rpo_met"), DrillReport::rpoMet(drill, targets)
                                                ? QJsonValue(*DrillReport::rpoMet(drill, targets))
                                                : QJsonValue()},
                {QStringLiteral("message"), drill.message},
            });
        }
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return ExitCode::Ok;
    }
    if (drills->isEmpty()) {
        out << tr("No drill yet for this site.") << Qt::endl;
        return ExitCode::Ok;
    }
    for (const DrillRecord& drill : *drills) {
        const QString rto = drill.rtoMs ? DrillText::duration(*drill.rtoMs) : tr("not measured");
        const QString rpo =
            drill.rpoSeconds ? DrillText::duration(*drill.rpoSeconds * 1000) : tr("not measured");
        out << tr("#%1 %2 %3: %4; RTO %5 (target %6 min), RPO %7 (target %8 min)")
                   .arg(drill.id)
                   .arg(QLocale().toString(drill.startedAt.toLocalTime(), QLocale::ShortFormat),
                        DrillText::mode(drill.mode), DrillText::runState(drill.state), rto)
                   .arg(targets.rtoMinutes)
                   .arg(rpo)
                   .arg(targets.rpoMinutes)
            << Qt::endl;
    }
    return ExitCode::Ok;
}

int DrillCommand::report(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write the HTML report of drill ID (see \"relaisctl drill history\")."));
    const QCommandLineOption outputOption(
        QStringLiteral("output"), tr("Write to FILE (atomically) instead of standard output."),
        tr("FILE"));
    parser.addOption(outputOption);
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The drill's number."));
    int exitCode = ExitCode::Ok;
    const auto parsed = parse(parser, arguments, out, err, exitCode);
    if (!parsed)
        return exitCode;
    bool ok = false;
    const qint64 id = parsed->positional.value(0).toLongLong(&ok);
    if (parsed->positional.size() != 1 || !ok) {
        err << Usage << Qt::endl;
        return ExitCode::Error;
    }
    const auto database = openDatabase(err);
    if (!database)
        return ExitCode::Error;
    DrillJournal journal(*database, parsed->siteKey);
    const auto drill = journal.load(id);
    if (!drill || drill->site != parsed->siteKey) {
        err << tr("No drill %1 for this site (see \"relaisctl drill history\").").arg(id)
            << Qt::endl;
        return ExitCode::Error;
    }
    const QString html = DrillReport::html(*drill, parsed->site.name, parsed->site.targets);
    if (!parser.isSet(outputOption)) {
        out << html;
        return ExitCode::Ok;
    }
    const Result<void> written = AtomicFile::write(parser.value(outputOption), html.toUtf8());
    if (!written) {
        err << tr("Cannot write the report: %1").arg(written.error().message()) << Qt::endl;
        return ExitCode::Error;
    }
    return ExitCode::Ok;
}

} // namespace relais
