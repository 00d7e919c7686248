#include "DrillReportFile.h"

#include "common/AtomicFile.h"
#include "plan/DrillReport.h"

#include <QBuffer>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace relais {

Result<void> DrillReportFile::writeHtml(const QString& path, const DrillRecord& record,
                                        const QString& siteName, const Targets& targets)
{
    return AtomicFile::write(path, DrillReport::html(record, siteName, targets).toUtf8());
}

QByteArray DrillReportFile::pdf(const DrillRecord& record, const QString& siteName,
                                const Targets& targets)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(tr("Drill report — %1").arg(siteName));
        writer.setCreator(QStringLiteral("Relais " RELAIS_VERSION));
        QTextDocument document;
        document.setHtml(DrillReport::html(record, siteName, targets));
        document.print(&writer);
    }
    return bytes;
}

Result<void> DrillReportFile::writePdf(const QString& path, const DrillRecord& record,
                                       const QString& siteName, const Targets& targets)
{
    return AtomicFile::write(path, pdf(record, siteName, targets));
}

} // namespace relais
