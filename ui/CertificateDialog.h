#pragma once

#include "common/TlsQuestion.h"

#include <QDialog>

class QPushButton;

namespace relais {

/// Asks whether to trust a server certificate Relais has never seen (an LXD
/// daemon reached over HTTPS): host, port, subject, validity and SHA-256
/// fingerprint, with how to check it on the server. Cancel is the default
/// button; "Trust and connect" accepts.
class CertificateDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CertificateDialog(const TlsQuestion& question, QWidget* parent = nullptr);

    const TlsQuestion& question() const { return m_question; }
    QPushButton* trustButton() const { return m_trust; }
    QPushButton* cancelButton() const { return m_cancel; }

private:
    TlsQuestion m_question;
    QPushButton* m_trust;
    QPushButton* m_cancel;
};

} // namespace relais
