#pragma once

#include "ssh/HostKeyQuestion.h"

#include <QDialog>

class QPushButton;

namespace relais {

/// Asks whether to trust a host key Relais has never seen: host, port, key
/// type and SHA256 fingerprint, with how to check it on the server. Cancel
/// is the default button; "Trust and connect" accepts.
class HostKeyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HostKeyDialog(const HostKeyQuestion& question, QWidget* parent = nullptr);

    const HostKeyQuestion& question() const { return m_question; }
    QPushButton* trustButton() const { return m_trust; }
    QPushButton* cancelButton() const { return m_cancel; }

private:
    HostKeyQuestion m_question;
    QPushButton* m_trust;
    QPushButton* m_cancel;
};

} // namespace relais
