#include "NewSnapshotDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace relais {

NewSnapshotDialog::NewSnapshotDialog(const QString& instance, const QDateTime& now, QWidget* parent)
    : QDialog(parent)
    , m_now(now)
    , m_name(new QLineEdit(expandPattern(QString::fromLatin1(DefaultPattern), now), this))
    , m_expires(new QCheckBox(tr("&Delete it automatically after"), this))
    , m_days(new QSpinBox(this))
{
    setObjectName(QStringLiteral("newSnapshotDialog"));
    setWindowTitle(tr("New snapshot of %1").arg(instance));
    m_name->setObjectName(QStringLiteral("snapshotName"));
    // LXD's rule for snapshot names: no slash, not empty.
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[^/\\s]{1,63}")), m_name));
    m_expires->setObjectName(QStringLiteral("snapshotExpires"));
    m_days->setObjectName(QStringLiteral("snapshotDays"));
    m_days->setRange(1, 3650);
    m_days->setValue(7);
    m_days->setSuffix(tr(" day(s)"));
    m_days->setEnabled(false);
    connect(m_expires, &QCheckBox::toggled, m_days, &QWidget::setEnabled);

    auto* expiry = new QHBoxLayout;
    expiry->addWidget(m_expires);
    expiry->addWidget(m_days);
    expiry->addStretch();
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(expiry);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Take snapshot"));
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &NewSnapshotDialog::updateButtons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    updateButtons();
}

QString NewSnapshotDialog::expandPattern(const QString& pattern, const QDateTime& time)
{
    const QDateTime utc = time.toUTC();
    QString out;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c != QLatin1Char('%') || i + 1 >= pattern.size()) {
            out += c;
            continue;
        }
        const QChar f = pattern.at(++i);
        switch (f.unicode()) {
        case 'Y':
            out += utc.toString(QStringLiteral("yyyy"));
            break;
        case 'm':
            out += utc.toString(QStringLiteral("MM"));
            break;
        case 'd':
            out += utc.toString(QStringLiteral("dd"));
            break;
        case 'H':
            out += utc.toString(QStringLiteral("HH"));
            break;
        case 'M':
            out += utc.toString(QStringLiteral("mm"));
            break;
        case 'S':
            out += utc.toString(QStringLiteral("ss"));
            break;
        case '%':
            out += QLatin1Char('%');
            break;
        default:
            out += c;
            out += f;
        }
    }
    return out;
}

QString NewSnapshotDialog::snapshotName() const
{
    return m_name->text().trimmed();
}

QDateTime NewSnapshotDialog::expiresAt() const
{
    if (!m_expires->isChecked())
        return {};
    return m_now.addDays(m_days->value());
}

void NewSnapshotDialog::updateButtons()
{
    m_ok->setEnabled(m_name->hasAcceptableInput());
}

} // namespace relais
