#include "GuiHostKeyVerifier.h"

#include "HostKeyDialog.h"

namespace relais {

GuiHostKeyVerifier::GuiHostKeyVerifier(QWidget* parent)
    : m_parent(parent)
{}

HostKeyDialog* GuiHostKeyVerifier::lastDialog() const
{
    return qobject_cast<HostKeyDialog*>(m_prompts.lastDialog());
}

bool GuiHostKeyVerifier::isRefused(const HostKeyQuestion& question) const
{
    return m_prompts.isRefused(question.host, question.port, question.fingerprint);
}

void GuiHostKeyVerifier::forgetRefusals()
{
    m_prompts.forgetRefusals();
}

void GuiHostKeyVerifier::verify(const HostKeyQuestion& question,
                                std::function<void(bool accept)> answer)
{
    m_prompts.ask(
        question.host, question.port, question.fingerprint,
        [this, &question] {
            auto* dialog = new HostKeyDialog(question, m_parent);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            return dialog;
        },
        std::move(answer));
}

} // namespace relais
