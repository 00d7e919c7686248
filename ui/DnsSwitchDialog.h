#pragma once

#include "dns/DnsSwitchRequest.h"

#include <QDialog>

class QRadioButton;

namespace relais {

/// Asks to confirm a switch and how: planned (TTL lowered, old TTL waited
/// out) or emergency (at once). Shown with open(), never exec().
class DnsSwitchDialog : public QDialog
{
    Q_OBJECT

public:
    /// @p mainAnswers: main is up, so there is time for a planned switch
    /// (the default then); otherwise emergency is the default.
    DnsSwitchDialog(const QString& service, const QString& record, DnsSwitchRequest::Side to,
                    qint64 oldTtl, bool mainAnswers, QWidget* parent = nullptr);

    DnsSwitchRequest::Side side() const { return m_side; }
    DnsSwitchRequest::Mode mode() const;

private:
    DnsSwitchRequest::Side m_side;
    QRadioButton* m_planned;
    QRadioButton* m_emergency;
};

} // namespace relais
