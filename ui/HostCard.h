#pragma once

#include "site/Host.h"

#include <QFrame>

class QLabel;

namespace relais {

/// A card for one host of the site (main or backup): who it is, how it is
/// reached, and its health state in words.
class HostCard : public QFrame
{
    Q_OBJECT

public:
    explicit HostCard(HostRole role, QWidget* parent = nullptr);

    HostRole role() const { return m_role; }

    void setHost(const Host& host);
    void clear();

    /// The health state shown, in words (never colour alone).
    QString stateText() const;

private:
    static QString roleTitle(HostRole role);

    HostRole m_role;
    QLabel* m_title;
    QLabel* m_name;
    QLabel* m_address;
    QLabel* m_ssh;
    QLabel* m_lxd;
    QLabel* m_state;
};

} // namespace relais
