#pragma once

#include "TrustPrompts.h"
#include "common/TlsTrust.h"

#include <QPointer>
#include <QWidget>

namespace relais {

class CertificateDialog;

/// The GUI's TlsTrust: an unknown server certificate opens a
/// CertificateDialog (with open(), never a nested event loop) and the
/// answer comes when it closes: true only for "Trust and connect". The
/// answer is given exactly once, false when the dialog goes without a
/// choice (its window destroyed).
///
/// The same question (host, port, fingerprint) asked while its dialog is
/// open shares that dialog and its answer. A refused certificate is not
/// asked about again in this session (answered false at once) until
/// forgetRefusals(): the console calls it when the user checks the site
/// again, so a health round every 30 s does not bring the dialog back.
class GuiTlsTrust : public TlsTrust
{
public:
    /// The dialogs are windows of @p parent (may be null).
    explicit GuiTlsTrust(QWidget* parent = nullptr);

    void verify(const TlsQuestion& question, std::function<void(bool accept)> answer) override;

    /// Whether this certificate of this server was refused in this session.
    bool isRefused(const TlsQuestion& question) const;
    /// Asks again about the certificates refused so far.
    void forgetRefusals();

    /// The dialog of the last question (null once it is gone); for tests.
    CertificateDialog* lastDialog() const;
    /// How many certificate dialogs are open; for tests.
    qsizetype openDialogs() const { return m_prompts.openDialogs(); }

private:
    QPointer<QWidget> m_parent;
    TrustPrompts m_prompts{"certificate"};
};

} // namespace relais
