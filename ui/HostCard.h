#pragma once

#include "health/HealthState.h"
#include "health/SiteHealth.h"
#include "site/Host.h"

#include <QFrame>
#include <QPointer>

class QGridLayout;
class QLabel;

namespace relais {

class Sparkline;

/// A card for one host of the site (main or backup): who it is, how it is
/// reached, its health state in words beside a badge of the same colour and
/// shape, when it was last checked, the latency of its probes over the last
/// minutes, and each of its probes with its last error in plain language.
class HostCard : public QFrame
{
    Q_OBJECT

public:
    explicit HostCard(HostRole role, QWidget* parent = nullptr);

    HostRole role() const { return m_role; }

    void setHost(const Host& host);
    void clear();

    /// Follows @p health (null: no live health). The card reads it again on
    /// refresh(); the dashboard calls that when the health changes.
    void setHealth(SiteHealth* health);
    void refresh();

    /// The health state shown, in words (never colour alone).
    QString stateText() const;
    HealthState state() const { return m_shownState; }
    QString lastCheckText() const;
    /// One line per probe of this host, as shown.
    QStringList probeTexts() const;
    Sparkline* sparkline() const { return m_sparkline; }

private:
    static QString roleTitle(HostRole role);
    void showState(HealthState state, const QString& text);
    void rebuildProbeRows();
    QString stateSentence(HealthState state) const;

    HostRole m_role;
    QLabel* m_title;
    QLabel* m_name;
    QLabel* m_address;
    QLabel* m_ssh;
    QLabel* m_lxd;
    QLabel* m_badge;
    QLabel* m_state;
    QLabel* m_lastCheck;
    Sparkline* m_sparkline;
    QWidget* m_probeBox;
    QGridLayout* m_probeLayout;
    struct ProbeRow
    {
        QLabel* icon;
        QLabel* text;
    };
    QList<ProbeRow> m_probeRows;
    QPointer<SiteHealth> m_health;
    HealthState m_shownState = HealthState::Unknown;
    bool m_styled = false;
    bool m_hasHost = false;
};

} // namespace relais
