#include "HostCard.h"

#include "HealthIcon.h"
#include "HealthText.h"
#include "Sparkline.h"
#include "health/ProbeMonitor.h"
#include "health/SiteHealth.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace relais {

namespace {
constexpr int BadgeSize = 20;
constexpr int ProbeIconSize = 14;
} // namespace

HostCard::HostCard(HostRole role, QWidget* parent)
    : QFrame(parent)
    , m_role(role)
    , m_title(new QLabel(this))
    , m_name(new QLabel(this))
    , m_address(new QLabel(this))
    , m_ssh(new QLabel(this))
    , m_lxd(new QLabel(this))
    , m_badge(new QLabel(this))
    , m_state(new QLabel(this))
    , m_lastCheck(new QLabel(this))
    , m_sparkline(new Sparkline(this))
    , m_probeBox(new QWidget(this))
    , m_probeLayout(new QGridLayout(m_probeBox))
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

    m_badge->setObjectName(QStringLiteral("stateBadge"));
    m_badge->setFixedSize(BadgeSize, BadgeSize);
    m_state->setObjectName(QStringLiteral("state"));
    m_state->setWordWrap(true);
    QFont stateFont = m_state->font();
    stateFont.setBold(true);
    m_state->setFont(stateFont);
    m_lastCheck->setObjectName(QStringLiteral("lastCheck"));
    m_probeBox->setObjectName(QStringLiteral("probes"));
    m_probeLayout->setContentsMargins(0, 0, 0, 0);
    m_probeLayout->setColumnStretch(1, 1);
    for (QLabel* label : {m_name, m_address, m_ssh, m_lxd, m_state, m_lastCheck})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* stateRow = new QHBoxLayout;
    stateRow->addWidget(m_badge, 0, Qt::AlignTop);
    stateRow->addWidget(m_state, 1);

    auto* form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Address:"), m_address);
    form->addRow(tr("SSH:"), m_ssh);
    form->addRow(tr("LXD:"), m_lxd);
    form->addRow(tr("State:"), stateRow);
    form->addRow(tr("Last check:"), m_lastCheck);
    form->addRow(tr("Latency:"), m_sparkline);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_probeBox);
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

    m_hasHost = true;
    refresh();
}

void HostCard::clear()
{
    m_hasHost = false;
    setHealth(nullptr);
    for (QLabel* label : {m_name, m_address, m_ssh, m_lxd})
        label->setText(tr("—"));
    showState(HealthState::Unknown, tr("Unknown: no site open"));
}

void HostCard::setHealth(SiteHealth* health)
{
    m_health = health;
    rebuildProbeRows();
    refresh();
}

void HostCard::rebuildProbeRows()
{
    for (const ProbeRow& row : std::as_const(m_probeRows)) {
        delete row.icon;
        delete row.text;
    }
    m_probeRows.clear();
    if (!m_health)
        return;
    for (ProbeMonitor* monitor : m_health->monitors()) {
        if (monitor->target() != m_role)
            continue;
        ProbeRow row{new QLabel(m_probeBox), new QLabel(m_probeBox)};
        row.icon->setFixedSize(ProbeIconSize, ProbeIconSize);
        row.text->setObjectName(QStringLiteral("probe"));
        row.text->setWordWrap(true);
        row.text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        const int line = int(m_probeRows.size());
        m_probeLayout->addWidget(row.icon, line, 0, Qt::AlignTop);
        m_probeLayout->addWidget(row.text, line, 1);
        m_probeRows << row;
    }
}

QString HostCard::stateSentence(HealthState state) const
{
    int probes = 0;
    int answered = 0;
    int down = 0;
    for (const ProbeMonitor* monitor : m_health->monitors()) {
        if (monitor->target() != m_role)
            continue;
        ++probes;
        if (monitor->lastResult())
            ++answered;
        if (monitor->state() == HealthState::Down)
            ++down;
    }
    switch (state) {
    case HealthState::Up:
        return tr("Up: %n probe(s) answer", nullptr, probes);
    case HealthState::Degraded:
        return tr("Degraded: %1 of %2 probes fail").arg(down).arg(probes);
    case HealthState::Down:
        return tr("Down: no probe answers");
    case HealthState::Unknown:
        break;
    }
    if (probes == 0)
        return tr("Unknown: no probe checks this host");
    if (answered == 0)
        return tr("Unknown: not checked yet");
    return tr("Unknown: waiting for enough checks to decide");
}

void HostCard::refresh()
{
    if (!m_health) {
        m_lastCheck->setText(tr("never"));
        m_sparkline->clear();
        if (m_hasHost)
            showState(HealthState::Unknown, tr("Unknown: not checked yet"));
        return;
    }

    const HealthState state = m_health->hostState(m_role);
    showState(state, stateSentence(state));

    QDateTime last;
    QList<QList<LatencySample>> series;
    int line = 0;
    for (const ProbeMonitor* monitor : m_health->monitors()) {
        if (monitor->target() != m_role)
            continue;
        if (monitor->lastCheck().isValid() && (!last.isValid() || monitor->lastCheck() > last))
            last = monitor->lastCheck();
        series << QList<LatencySample>(monitor->samples().begin(), monitor->samples().end());

        if (line >= m_probeRows.size())
            continue;
        const ProbeRow& row = m_probeRows[line++];
        const QString description = monitor->description();
        const HealthState probeState = monitor->state();
        QString text;
        const std::optional<ProbeResult>& result = monitor->lastResult();
        if (!result) {
            text = tr("%1: not checked yet").arg(description);
        } else if (result->ok) {
            text = tr("%1: %2, %3 ms")
                       .arg(description, HealthText::stateName(probeState))
                       .arg(result->latencyMs);
        } else if (probeState == HealthState::Down) {
            text = tr("%1: %2 — %3")
                       .arg(description, HealthText::stateName(probeState),
                            HealthText::lastFailure(*m_health, *monitor));
        } else {
            text = tr("%1: %2; the last check failed — %3")
                       .arg(description, HealthText::stateName(probeState),
                            HealthText::lastFailure(*m_health, *monitor));
        }
        if (monitor->flapping())
            text = tr("%1 (flapping)").arg(text);
        row.text->setText(text);
        row.text->setToolTip(result ? result->message : QString());
        row.icon->setPixmap(HealthIcon::badge(probeState, ProbeIconSize, devicePixelRatioF()));
        row.icon->setToolTip(HealthText::stateName(probeState));
    }
    m_lastCheck->setText(last.isValid() ? HealthText::time(last) : tr("never"));
    m_sparkline->setSeries(std::move(series));
}

void HostCard::showState(HealthState state, const QString& text)
{
    m_state->setText(text);
    if (m_styled && state == m_shownState)
        return;
    m_styled = true;
    m_shownState = state;
    const QColor colour = HealthText::stateColor(state);
    m_state->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    m_badge->setPixmap(HealthIcon::badge(state, BadgeSize, devicePixelRatioF()));
    m_badge->setToolTip(HealthText::stateName(state));
    m_badge->setAccessibleName(HealthText::stateName(state));
    // The card's frame repeats the colour.
    setStyleSheet(QStringLiteral("QFrame#%1 { border: 2px solid %2; border-radius: 6px; }")
                      .arg(objectName(), colour.name()));
}

QString HostCard::stateText() const
{
    return m_state->text();
}

QString HostCard::lastCheckText() const
{
    return m_lastCheck->text();
}

QStringList HostCard::probeTexts() const
{
    QStringList texts;
    for (const ProbeRow& row : m_probeRows)
        texts << row.text->text();
    return texts;
}

} // namespace relais
