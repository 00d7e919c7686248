#include "AboutDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace relais {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Relais"));
    auto* text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(false);
    text->setWordWrap(true);
    text->setText(
        tr("<h2>Relais %1</h2>"
           "<p>The disaster-recovery console for small sites: health of main and backup, "
           "LXD snapshots and replication, rsync, DNS switching and measured failover "
           "drills.</p>"
           "<p>Free software under the GNU General Public License, version 3 or later.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QStringLiteral(RELAIS_VERSION), QLatin1String(qVersion())));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
}

} // namespace relais
