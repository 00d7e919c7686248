#include "GuiHostKeyVerifier.h"

#include "HostKeyDialog.h"
#include "UiLogging.h"

#include <memory>

namespace relais {

GuiHostKeyVerifier::GuiHostKeyVerifier(QWidget* parent)
    : m_parent(parent)
{}

HostKeyDialog* GuiHostKeyVerifier::lastDialog() const
{
    return m_lastDialog;
}

void GuiHostKeyVerifier::verify(const HostKeyQuestion& question,
                                std::function<void(bool accept)> answer)
{
    auto* dialog = new HostKeyDialog(question, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_lastDialog = dialog;
    // Shared by both connections below: whichever comes first answers.
    auto pending = std::make_shared<std::function<void(bool)>>(std::move(answer));
    const auto reply = [pending](bool accept) {
        if (!*pending)
            return;
        const std::function<void(bool)> once = std::move(*pending);
        *pending = nullptr;
        once(accept);
    };
    QObject::connect(dialog, &QDialog::finished, dialog, [reply, question](int result) {
        const bool accept = result == QDialog::Accepted;
        qCInfo(lcUi) << (accept ? "trusted" : "refused") << "host key" << question.fingerprint
                     << "of" << question.host << question.port;
        reply(accept);
    });
    QObject::connect(dialog, &QObject::destroyed, [reply] { reply(false); });
    dialog->open();
}

} // namespace relais
