#pragma once

#include "common/TlsTrust.h"

#include <QPointer>
#include <QWidget>

namespace relais {

class CertificateDialog;

/// The GUI's TlsTrust: each unknown server certificate opens a
/// CertificateDialog (with open(), never a nested event loop) and the
/// answer comes when it closes: true only for "Trust and connect". The
/// answer is given exactly once, false when the dialog goes without a
/// choice (its window destroyed).
class GuiTlsTrust : public TlsTrust
{
public:
    /// The dialogs are windows of @p parent (may be null).
    explicit GuiTlsTrust(QWidget* parent = nullptr);

    void verify(const TlsQuestion& question, std::function<void(bool accept)> answer) override;

    /// The dialog of the last question (null once it is gone); for tests.
    CertificateDialog* lastDialog() const;

private:
    QPointer<QWidget> m_parent;
    QPointer<CertificateDialog> m_lastDialog;
};

} // namespace relais
