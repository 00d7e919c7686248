#pragma once

#include "RehearsalStatus.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace relais {

/// The dashboard's "last good rehearsal" badge: how long ago the plan was
/// last rehearsed with success and its RTO and RPO against the targets, in
/// words beside a symbol that differs by shape as well as by colour (as the
/// host cards do); a warning when no rehearsal is recent enough. Clicking it,
/// or its button (reachable with the keyboard), asks for the drills.
class RehearsalBadge : public QFrame
{
    Q_OBJECT

public:
    explicit RehearsalBadge(QWidget* parent = nullptr);

    void setStatus(const RehearsalStatus& status);
    const RehearsalStatus& status() const { return m_status; }

    /// The sentence shown.
    QString text() const;
    /// Whether the badge is in its warning style (no or no recent rehearsal,
    /// or a missed target).
    bool isWarning() const { return m_warning; }
    QPushButton* openButton() const { return m_open; }

    /// The sentence for @p status.
    static QString sentence(const RehearsalStatus& status);

signals:
    /// The user wants to see the drills.
    void openRequested();

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    RehearsalStatus m_status;
    QLabel* m_symbol;
    QLabel* m_text;
    QPushButton* m_open;
    bool m_warning = false;
};

} // namespace relais
