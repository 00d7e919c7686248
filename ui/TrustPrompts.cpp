#include "TrustPrompts.h"

#include "UiLogging.h"

#include <QDialog>

namespace relais {

TrustPrompts::TrustPrompts(const char* what)
    : m_what(what)
{}

TrustPrompts::~TrustPrompts()
{
    // Nobody is left to hear the open dialogs' answers: they go, and
    // their callers hear "no", as when the window goes.
    const auto pending = std::exchange(m_pending, {});
    for (const Pending& p : pending)
        delete p.window.data();
    for (const Pending& p : pending) {
        for (const auto& answer : p.answers)
            answer(false);
    }
}

QString TrustPrompts::keyOf(const QString& host, int port, const QString& fingerprint)
{
    return host + QLatin1Char('\n') + QString::number(port) + QLatin1Char('\n') + fingerprint;
}

bool TrustPrompts::isRefused(const QString& host, int port, const QString& fingerprint) const
{
    return m_refused.contains(keyOf(host, port, fingerprint));
}

void TrustPrompts::forgetRefusals()
{
    if (!m_refused.isEmpty())
        qCInfo(lcUi) << "asking again about" << m_refused.size() << "refused" << m_what << "(s)";
    m_refused.clear();
    m_logged.clear();
}

void TrustPrompts::ask(const QString& host, int port, const QString& fingerprint,
                       const std::function<QDialog*()>& makeDialog,
                       std::function<void(bool)> answer)
{
    const QString key = keyOf(host, port, fingerprint);
    if (m_refused.contains(key)) {
        if (!m_logged.contains(key)) {
            m_logged.insert(key);
            qCInfo(lcUi) << "not asking again about the refused" << m_what << fingerprint << "of"
                         << host << port << "until the user checks again";
        }
        answer(false);
        return;
    }
    auto open = m_pending.find(key);
    if (open != m_pending.end()) {
        // The same question is on screen: its answer is this caller's too.
        open->answers.push_back(std::move(answer));
        return;
    }
    QDialog* dialog = makeDialog();
    m_lastDialog = dialog;
    Pending& pending = m_pending[key];
    pending.dialog = dialog;
    pending.window = dialog;
    pending.answers.push_back(std::move(answer));
    QObject::connect(dialog, &QDialog::finished, &m_context,
                     [this, key, dialog, host, port, fingerprint](int result) {
                         const bool accept = result == QDialog::Accepted;
                         qCInfo(lcUi) << (accept ? "trusted" : "refused") << m_what << fingerprint
                                      << "of" << host << port;
                         settle(key, dialog, accept, true);
                     });
    // Gone without a choice (its window closed with the parent): "no", but
    // not a refusal to remember.
    QObject::connect(dialog, &QObject::destroyed, &m_context,
                     [this, key, dialog] { settle(key, dialog, false, false); });
    dialog->open();
}

void TrustPrompts::settle(const QString& key, const QDialog* dialog, bool accept, bool remember)
{
    auto it = m_pending.find(key);
    if (it == m_pending.end() || it->dialog != dialog)
        return; // answered already
    const std::vector<std::function<void(bool)>> answers = std::move(it->answers);
    m_pending.erase(it);
    // Remembered before anyone hears it: a caller that asks again at once
    // is answered from it.
    if (!accept && remember)
        m_refused.insert(key);
    for (const auto& answer : answers)
        answer(accept);
}

} // namespace relais
