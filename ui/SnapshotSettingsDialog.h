#pragma once

#include "lxd/LxdSnapshotSettings.h"

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QLineEdit;

namespace relais {

/// Edits an instance's scheduled snapshots: LXD's snapshots.schedule,
/// snapshots.expiry and snapshots.pattern in the instance's own config,
/// with the value in effect (a profile's) shown in an empty field. An
/// empty field removes the key from the instance (its profile's value
/// applies again); keys left as they were are not written.
class SnapshotSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p own: the instance's own keys; @p effective: the values in
    /// effect, profiles included.
    SnapshotSettingsDialog(const QString& instance, const LxdSnapshotSettings& own,
                           const LxdSnapshotSettings& effective, QWidget* parent = nullptr);

    /// The instance's own keys as edited.
    LxdSnapshotSettings settings() const;
    /// Only the keys changed, for a PATCH of the instance's config.
    QJsonObject changedConfig() const;
    /// Puts back values typed earlier that were not saved, and says so;
    /// changedConfig() still compares with @p own of the constructor.
    void setUnsavedSettings(const LxdSnapshotSettings& typed);
    /// The note that the fields hold values not saved yet.
    QLabel* unsavedNote() const { return m_unsavedNote; }
    QLineEdit* scheduleEdit() const { return m_schedule; }
    QLineEdit* expiryEdit() const { return m_expiry; }
    QLineEdit* patternEdit() const { return m_pattern; }

private:
    LxdSnapshotSettings m_own;
    QLineEdit* m_schedule;
    QLineEdit* m_expiry;
    QLineEdit* m_pattern;
    QLabel* m_unsavedNote;
};

} // namespace relais
