#include "GuiTlsTrust.h"

#include "CertificateDialog.h"
#include "UiLogging.h"

#include <memory>

namespace relais {

GuiTlsTrust::GuiTlsTrust(QWidget* parent)
    : m_parent(parent)
{}

CertificateDialog* GuiTlsTrust::lastDialog() const
{
    return m_lastDialog;
}

void GuiTlsTrust::verify(const TlsQuestion& question, std::function<void(bool accept)> answer)
{
    auto* dialog = new CertificateDialog(question, m_parent);
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
        qCInfo(lcUi) << (accept ? "trusted" : "refused") << "certificate" << question.fingerprint
                     << "of" << question.host << question.port;
        reply(accept);
    });
    QObject::connect(dialog, &QObject::destroyed, [reply] { reply(false); });
    dialog->open();
}

} // namespace relais
