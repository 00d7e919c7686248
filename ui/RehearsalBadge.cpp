#include "RehearsalBadge.h"

#include "HealthIcon.h"
#include "HealthText.h"
#include "plan/DrillText.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>

namespace relais {

namespace {

constexpr int SymbolSize = 20;

QString measure(std::optional<qint64> ms, std::optional<bool> met)
{
    if (!ms || !met)
        return RehearsalBadge::tr("not measured");
    return *met ? RehearsalBadge::tr("%1 (met)").arg(DrillText::duration(*ms))
                : RehearsalBadge::tr("%1 (missed)").arg(DrillText::duration(*ms));
}

} // namespace

RehearsalBadge::RehearsalBadge(QWidget* parent)
    : QFrame(parent)
    , m_symbol(new QLabel(this))
    , m_text(new QLabel(this))
    , m_open(new QPushButton(tr("Show &drills"), this))
{
    setObjectName(QStringLiteral("rehearsalBadge"));
    setFrameShape(QFrame::StyledPanel);
    setCursor(Qt::PointingHandCursor);
    m_symbol->setObjectName(QStringLiteral("rehearsalSymbol"));
    m_symbol->setFixedSize(SymbolSize, SymbolSize);
    m_text->setObjectName(QStringLiteral("rehearsalText"));
    m_text->setWordWrap(true);
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    m_open->setObjectName(QStringLiteral("rehearsalOpenDrills"));
    m_open->setToolTip(tr("Open the drills: history, trend of RTO and RPO, run a rehearsal"));
    connect(m_open, &QPushButton::clicked, this, &RehearsalBadge::openRequested);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_symbol, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_open);
    refresh();
}

void RehearsalBadge::setStatus(const RehearsalStatus& status)
{
    m_status = status;
    refresh();
}

QString RehearsalBadge::text() const
{
    return m_text->text();
}

QString RehearsalBadge::sentence(const RehearsalStatus& status)
{
    using State = RehearsalStatus::State;
    switch (status.state) {
    case State::NoPlan:
        return tr("No recovery plan to rehearse");
    case State::None:
        return tr("No rehearsal yet — time to run one");
    case State::Overdue:
        return tr("Last good rehearsal %n day(s) ago — time to run one", nullptr, status.ageDays);
    case State::Recent:
        break;
    }
    const DrillRecord& last = *status.last;
    const QString age =
        status.ageDays == 0 ? tr("today") : tr("%n day(s) ago", nullptr, status.ageDays);
    return tr("Last good rehearsal: %1 — RTO %2, RPO %3")
        .arg(
            age, measure(last.rtoMs, status.rtoMet),
            measure(last.rpoSeconds ? std::optional<qint64>(*last.rpoSeconds * 1000) : std::nullopt,
                    status.rpoMet));
}

void RehearsalBadge::refresh()
{
    using State = RehearsalStatus::State;
    HealthState symbol = HealthState::Unknown;
    switch (m_status.state) {
    case State::NoPlan:
        symbol = HealthState::Unknown;
        break;
    case State::None:
    case State::Overdue:
        symbol = HealthState::Degraded;
        break;
    case State::Recent:
        symbol = m_status.targetMissed() ? HealthState::Degraded : HealthState::Up;
        break;
    }
    m_warning = symbol == HealthState::Degraded;
    const QString text = sentence(m_status);
    m_text->setText(text);
    const QColor colour = HealthText::stateColor(symbol);
    m_text->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    m_symbol->setPixmap(HealthIcon::badge(symbol, SymbolSize, devicePixelRatioF()));
    const QString symbolName = m_warning                   ? tr("Warning")
                               : symbol == HealthState::Up ? tr("Good")
                                                           : tr("No plan");
    m_symbol->setToolTip(symbolName);
    m_symbol->setAccessibleName(symbolName);
    setStyleSheet(QStringLiteral("QFrame#%1 { border: 2px solid %2; border-radius: 6px; }")
                      .arg(objectName(), colour.name()));
    setAccessibleName(tr("Last good rehearsal"));
    setAccessibleDescription(text);
    setToolTip(tr("A good rehearsal is a rehearsal that succeeded: every step ran and its clones "
                  "were removed. A reminder comes when the last one is older than %n day(s).",
                  nullptr, m_status.reminderDays));
}

void RehearsalBadge::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit openRequested();
    QFrame::mouseReleaseEvent(event);
}

void RehearsalBadge::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

} // namespace relais
