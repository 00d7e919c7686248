#include "HostCard.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace relais {

HostCard::HostCard(HostRole role, QWidget* parent)
    : QFrame(parent)
    , m_role(role)
    , m_title(new QLabel(this))
    , m_name(new QLabel(this))
    , m_address(new QLabel(this))
    , m_ssh(new QLabel(this))
    , m_lxd(new QLabel(this))
    , m_state(new QLabel(this))
{
    setObjectName(role == HostRole::Main ? QStringLiteral("mainCard")
                                         : QStringLiteral("backupCard"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(roleTitle(role));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setText(roleTitle(role));

    m_state->setObjectName(QStringLiteral("state"));
    for (QLabel* label : {m_name, m_address, m_ssh, m_lxd, m_state})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("SSH:"), m_ssh);
    form->addRow(tr("LXD:"), m_lxd);
    form->addRow(tr("State:"), m_state);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addStretch();

    clear();
}

QString HostCard::roleTitle(HostRole role)
{
    return role == HostRole::Main ? tr("Main") : tr("Backup");
}

void HostCard::setHost(const Host& host)
{
    m_name->setText(host.name);
    m_address->setText(host.publicAddress.isEmpty() || host.publicAddress == host.address
                           ? host.address
                           : tr("%1 (public %2)").arg(host.address, host.publicAddress));

    QString ssh = tr("%1@%2 port %3").arg(host.ssh.user, host.address).arg(host.ssh.port);
    if (host.ssh.jump)
        ssh = tr("%1, through %2@%3").arg(ssh, host.ssh.jump->user, host.ssh.jump->address);
    m_ssh->setText(ssh);

    if (!host.lxd)
        m_lxd->setText(tr("none"));
    else if (host.lxd->transport == LxdEndpoint::Transport::Ssh)
        m_lxd->setText(tr("socket %1 through SSH").arg(host.lxd->socketPath));
    else
        m_lxd->setText(tr("%1 (certificate pinned)").arg(host.lxd->url));

    m_state->setText(tr("Unknown: not checked yet"));
}

void HostCard::clear()
{
    for (QLabel* label : {m_name, m_address, m_ssh, m_lxd})
        label->setText(tr("—"));
    m_state->setText(tr("Unknown: no site open"));
}

QString HostCard::stateText() const
{
    return m_state->text();
}

} // namespace relais
