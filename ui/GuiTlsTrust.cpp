#include "GuiTlsTrust.h"

#include "CertificateDialog.h"

namespace relais {

GuiTlsTrust::GuiTlsTrust(QWidget* parent)
    : m_parent(parent)
{}

CertificateDialog* GuiTlsTrust::lastDialog() const
{
    return qobject_cast<CertificateDialog*>(m_prompts.lastDialog());
}

bool GuiTlsTrust::isRefused(const TlsQuestion& question) const
{
    return m_prompts.isRefused(question.host, question.port, question.fingerprint);
}

void GuiTlsTrust::forgetRefusals()
{
    m_prompts.forgetRefusals();
}

void GuiTlsTrust::verify(const TlsQuestion& question, std::function<void(bool accept)> answer)
{
    m_prompts.ask(
        question.host, question.port, question.fingerprint,
        [this, &question] {
            auto* dialog = new CertificateDialog(question, m_parent);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            return dialog;
        },
        std::move(answer));
}

} // namespace relais
