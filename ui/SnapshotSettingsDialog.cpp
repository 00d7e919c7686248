#include "SnapshotSettingsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace relais {

SnapshotSettingsDialog::SnapshotSettingsDialog(const QString& instance,
                                               const LxdSnapshotSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_schedule(new QLineEdit(settings.schedule, this))
    , m_expiry(new QLineEdit(settings.expiry, this))
    , m_pattern(new QLineEdit(settings.pattern, this))
{
    setObjectName(QStringLiteral("snapshotSettingsDialog"));
    setWindowTitle(tr("Scheduled snapshots of %1").arg(instance));
    m_schedule->setObjectName(QStringLiteral("snapshotSchedule"));
    m_expiry->setObjectName(QStringLiteral("snapshotExpiry"));
    m_pattern->setObjectName(QStringLiteral("snapshotPattern"));
    m_schedule->setPlaceholderText(tr("none (for example @daily or 0 */6 * * *)"));
    m_expiry->setPlaceholderText(tr("never (for example 2w or 1d 12H)"));
    m_pattern->setPlaceholderText(tr("LXD's default (snap%d)"));

    auto* intro = new QLabel(tr("LXD takes these snapshots itself. An empty field removes the "
                                "setting from the container; its profile's value then applies."),
                             this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Schedule:"), m_schedule);
    form->addRow(tr("&Expiry:"), m_expiry);
    form->addRow(tr("&Name pattern:"), m_pattern);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

LxdSnapshotSettings SnapshotSettingsDialog::settings() const
{
    return {m_schedule->text().trimmed(), m_expiry->text().trimmed(), m_pattern->text().trimmed()};
}

} // namespace relais
