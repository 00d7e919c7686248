#pragma once

#include "lxd/LxdSnapshotSettings.h"

#include <QDialog>

class QLineEdit;

namespace relais {

/// Edits an instance's scheduled snapshots: LXD's snapshots.schedule,
/// snapshots.expiry and snapshots.pattern. An empty field removes the key
/// from the instance (its profile's value applies again).
class SnapshotSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SnapshotSettingsDialog(const QString& instance, const LxdSnapshotSettings& settings,
                           QWidget* parent = nullptr);

    LxdSnapshotSettings settings() const;
    QLineEdit* scheduleEdit() const { return m_schedule; }
    QLineEdit* expiryEdit() const { return m_expiry; }
    QLineEdit* patternEdit() const { return m_pattern; }

private:
    QLineEdit* m_schedule;
    QLineEdit* m_expiry;
    QLineEdit* m_pattern;
};

} // namespace relais
