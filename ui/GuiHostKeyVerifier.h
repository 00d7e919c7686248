#pragma once

#include "TrustPrompts.h"
#include "ssh/HostKeyVerifier.h"

#include <QPointer>
#include <QWidget>

namespace relais {

class HostKeyDialog;

/// The GUI's HostKeyVerifier: an unknown key opens a HostKeyDialog (with
/// open(), never a nested event loop) and the answer comes when it closes:
/// true only for "Trust and connect". The answer is given exactly once,
/// false when the dialog goes without a choice (its window destroyed).
///
/// The same question (host, port, fingerprint) asked while its dialog is
/// open shares that dialog and its answer. A refused key is not asked about
/// again in this session (answered false at once) until forgetRefusals():
/// the console calls it when the user checks the site again, so a health
/// round every 30 s does not bring the dialog back.
class GuiHostKeyVerifier : public HostKeyVerifier
{
public:
    /// The dialogs are windows of @p parent (may be null).
    explicit GuiHostKeyVerifier(QWidget* parent = nullptr);

    void verify(const HostKeyQuestion& question, std::function<void(bool accept)> answer) override;

    /// Whether this key of this host was refused in this session.
    bool isRefused(const HostKeyQuestion& question) const;
    /// Asks again about the keys refused so far.
    void forgetRefusals();

    /// The dialog of the last question (null once it is gone); for tests.
    HostKeyDialog* lastDialog() const;
    /// How many host key dialogs are open; for tests.
    qsizetype openDialogs() const { return m_prompts.openDialogs(); }

private:
    QPointer<QWidget> m_parent;
    TrustPrompts m_prompts{"host key"};
};

} // namespace relais
