#include "DnsSwitchDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace relais {

DnsSwitchDialog::DnsSwitchDialog(const QString& service, const QString& record,
                                 DnsSwitchRequest::Side to, qint64 oldTtl, bool mainAnswers,
                                 QWidget* parent)
    : QDialog(parent)
    , m_side(to)
    , m_planned(new QRadioButton(this))
    , m_emergency(new QRadioButton(this))
{
    setObjectName(QStringLiteral("dnsSwitchDialog"));
    const QString sideText = to == DnsSwitchRequest::Side::Main ? tr("main") : tr("backup");
    setWindowTitle(tr("Switch %1 to %2").arg(service, sideText));

    auto* question = new QLabel(
        tr("Point %1 to %2? Users reach the %2 side as their resolvers pick up the change.")
            .arg(record, sideText),
        this);
    question->setWordWrap(true);

    m_planned->setObjectName(QStringLiteral("plannedChoice"));
    m_planned->setText(oldTtl > 0 ? tr("&Planned: lower the TTL first, wait the old TTL "
                                       "(%1 s) out, then change the address")
                                        .arg(oldTtl)
                                  : tr("&Planned: lower the TTL first, wait the old TTL out, "
                                       "then change the address"));
    m_emergency->setObjectName(QStringLiteral("emergencyChoice"));
    m_emergency->setText(tr("&Emergency: change the address now"));
    (mainAnswers ? m_planned : m_emergency)->setChecked(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* confirm =
        buttons->addButton(tr("&Switch to %1").arg(sideText), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmSwitch"));
    confirm->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_planned);
    layout->addWidget(m_emergency);
    layout->addWidget(buttons);
}

DnsSwitchRequest::Mode DnsSwitchDialog::mode() const
{
    return m_emergency->isChecked() ? DnsSwitchRequest::Mode::Emergency
                                    : DnsSwitchRequest::Mode::Planned;
}

} // namespace relais
