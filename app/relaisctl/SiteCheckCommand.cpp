#include "SiteCheckCommand.h"

#include "ExitCode.h"
#include "site/SiteDocument.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace relais {

int SiteCheckCommand::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Check a site document and list every problem."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The site document to check."));
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        err << tr("Usage: relaisctl site check FILE") << Qt::endl;
        return ExitCode::Error;
    }

    const Result<Site> site = SiteDocument::load(files.first());
    if (!site) {
        err << tr("%1: invalid site document: %2").arg(files.first(), site.error().message())
            << Qt::endl;
        for (const QString& problem : site.error().details())
            err << QStringLiteral("  ") << problem << Qt::endl;
        return ExitCode::Error;
    }
    out << tr("%1: valid site \"%2\" (main %3, backup %4, %n service(s))", nullptr,
              int(site->services.size()))
               .arg(files.first(), site->name, site->main.name, site->backup.name)
        << Qt::endl;
    return ExitCode::Ok;
}

} // namespace relais
