#include "ChangeReviewDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace relais {

ChangeReviewDialog::ChangeReviewDialog(const QString& step, const QStringList& lines,
                                       QWidget* parent)
    : QDialog(parent)
    , m_changes(new QPlainTextEdit(this))
    , m_count(new QLabel(this))
    , m_continue(new QPushButton(tr("C&ontinue"), this))
    , m_cancel(new QPushButton(tr("&Cancel drill"), this))
{
    setObjectName(QStringLiteral("changeReview"));
    setWindowTitle(tr("Review the changes"));
    auto* intro = new QLabel(tr("%1: the dry run lists what would be copied.").arg(step), this);
    intro->setWordWrap(true);

    m_changes->setReadOnly(true);
    m_changes->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_changes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_changes->setPlainText(lines.join(QLatin1Char('\n')));
    m_changes->setAccessibleName(tr("Changes to copy"));
    m_changes->setTabChangesFocus(true);
    m_changes->setMinimumSize(560, 240);

    const int files = changedFiles(lines);
    m_count->setText(tr("%n changed file(s) listed.", nullptr, files));

    auto* question = new QLabel(tr("Copy these changes from backup to main?"), this);
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    question->setWordWrap(true);

    // Cancelling is the safe answer: the default, and Escape's.
    m_continue->setAutoDefault(false);
    m_continue->setDefault(false);
    m_cancel->setDefault(true);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_continue, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_changes, 1);
    layout->addWidget(m_count);
    layout->addWidget(question);
    layout->addWidget(buttons);
    m_cancel->setFocus();
}

int ChangeReviewDialog::changedFiles(const QStringList& lines)
{
    // rsync --itemize-changes: 11 characters (or "*deleting"), a space, a path.
    static const QRegularExpression itemized(
        QStringLiteral("^(?:[<>ch.][fdLDS][.+?a-zA-Z]{9}|\\*deleting\\s*) \\S"));
    int files = 0;
    for (const QString& line : lines) {
        if (itemized.match(line).hasMatch() && !line.endsWith(QLatin1Char('/')))
            ++files;
    }
    return files;
}

} // namespace relais
