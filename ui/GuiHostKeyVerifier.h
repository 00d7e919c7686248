#pragma once

#include "ssh/HostKeyVerifier.h"

#include <QPointer>
#include <QWidget>

namespace relais {

class HostKeyDialog;

/// The GUI's HostKeyVerifier: each unknown key opens a HostKeyDialog (with
/// open(), never a nested event loop) and the answer comes when it closes:
/// true only for "Trust and connect". The answer is given exactly once,
/// false when the dialog goes without a choice (its window destroyed).
class GuiHostKeyVerifier : public HostKeyVerifier
{
public:
    /// The dialogs are windows of @p parent (may be null).
    explicit GuiHostKeyVerifier(QWidget* parent = nullptr);

    void verify(const HostKeyQuestion& question, std::function<void(bool accept)> answer) override;

    /// The dialog of the last question (null once it is gone); for tests.
    HostKeyDialog* lastDialog() const;

private:
    QPointer<QWidget> m_parent;
    QPointer<HostKeyDialog> m_lastDialog;
};

} // namespace relais
