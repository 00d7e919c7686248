#include "SnapshotSettingsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace relais {

SnapshotSettingsDialog::SnapshotSettingsDialog(const QString& instance,
                                               const LxdSnapshotSettings& own,
                                               const LxdSnapshotSettings& effective,
                                               QWidget* parent)
    : QDialog(parent)
    , m_own(own)
    , m_schedule(new QLineEdit(own.schedule, this))
    , m_expiry(new QLineEdit(own.expiry, this))
    , m_pattern(new QLineEdit(own.pattern, this))
    , m_unsavedNote(new QLabel(tr("These are the values you typed before; they are not saved "
                                  "yet."),
                               this))
{
    setObjectName(QStringLiteral("snapshotSettingsDialog"));
    setWindowTitle(tr("Scheduled snapshots of %1").arg(instance));
    m_schedule->setObjectName(QStringLiteral("snapshotSchedule"));
    m_expiry->setObjectName(QStringLiteral("snapshotExpiry"));
    m_pattern->setObjectName(QStringLiteral("snapshotPattern"));
    // An empty field shows what applies without it: a profile's value
    // (known when the instance has none of its own), else LXD's default.
    const auto placeholder = [](const QString& own, const QString& effective,
                                const QString& fallback) {
        return own.isEmpty() && !effective.isEmpty() ? tr("%1 (from a profile)").arg(effective)
                                                     : fallback;
    };
    m_schedule->setPlaceholderText(placeholder(own.schedule, effective.schedule,
                                               tr("none (for example @daily or 0 */6 * * *)")));
    m_expiry->setPlaceholderText(
        placeholder(own.expiry, effective.expiry, tr("never (for example 2w or 1d 12H)")));
    m_pattern->setPlaceholderText(
        placeholder(own.pattern, effective.pattern, tr("LXD's default (snap%d)")));

    auto* intro = new QLabel(tr("LXD takes these snapshots itself. An empty field removes the "
                                "setting from the container; its profile's value then applies."),
                             this);
    intro->setWordWrap(true);
    m_unsavedNote->setObjectName(QStringLiteral("snapshotSettingsUnsaved"));
    m_unsavedNote->setWordWrap(true);
    m_unsavedNote->hide();
    auto* form = new QFormLayout;
    form->addRow(tr("&Schedule:"), m_schedule);
    form->addRow(tr("&Expiry:"), m_expiry);
    form->addRow(tr("&Name pattern:"), m_pattern);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_unsavedNote);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

LxdSnapshotSettings SnapshotSettingsDialog::settings() const
{
    return {m_schedule->text().trimmed(), m_expiry->text().trimmed(), m_pattern->text().trimmed()};
}

QJsonObject SnapshotSettingsDialog::changedConfig() const
{
    return settings().changesFrom(m_own);
}

void SnapshotSettingsDialog::setUnsavedSettings(const LxdSnapshotSettings& typed)
{
    m_schedule->setText(typed.schedule);
    m_expiry->setText(typed.expiry);
    m_pattern->setText(typed.pattern);
    m_unsavedNote->show();
}

} // namespace relais
