#pragma once

#include <QDateTime>
#include <QDialog>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace relais {

/// Asks for a new snapshot's name (proposed from a pattern such as
/// "relais-%Y%m%d-%H%M%S") and an optional lifetime after which LXD
/// deletes it.
class NewSnapshotDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr const char* DefaultPattern = "relais-%Y%m%d-%H%M%S";

    NewSnapshotDialog(const QString& instance, const QDateTime& now, QWidget* parent = nullptr);

    /// @p pattern with %Y %m %d %H %M %S (and %%) replaced by @p time's
    /// fields, in UTC.
    static QString expandPattern(const QString& pattern, const QDateTime& time);

    QString snapshotName() const;
    /// When LXD deletes the snapshot; invalid: never.
    QDateTime expiresAt() const;
    QLineEdit* nameEdit() const { return m_name; }
    QCheckBox* expiresCheck() const { return m_expires; }
    QSpinBox* daysSpin() const { return m_days; }

private:
    void updateButtons();

    QDateTime m_now;
    QLineEdit* m_name;
    QCheckBox* m_expires;
    QSpinBox* m_days;
    QWidget* m_ok = nullptr;
};

} // namespace relais
