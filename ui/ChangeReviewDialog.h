#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace relais {

/// The gate of a failback: the reverse sync's dry run (the changes it
/// would copy from backup to main) shown for review before anything is
/// copied. Accepted: Continue; rejected (the default, Escape too): Cancel
/// drill. Not modal to the application: shown with open().
class ChangeReviewDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p step: the title of the review step; @p lines: its output.
    ChangeReviewDialog(const QString& step, const QStringList& lines, QWidget* parent = nullptr);

    /// How many of @p lines name a changed file (rsync's itemized lines).
    static int changedFiles(const QStringList& lines);

    QPlainTextEdit* changesView() const { return m_changes; }
    QLabel* countLabel() const { return m_count; }
    QPushButton* continueButton() const { return m_continue; }
    QPushButton* cancelButton() const { return m_cancel; }

private:
    QPlainTextEdit* m_changes;
    QLabel* m_count;
    QPushButton* m_continue;
    QPushButton* m_cancel;
};

} // namespace relais
