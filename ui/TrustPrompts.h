#pragma once

#include <QDialog>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <functional>
#include <vector>

namespace relais {

/// The questions of GuiHostKeyVerifier and GuiTlsTrust about an unknown
/// host key or certificate, one per (host, port, fingerprint):
///
/// - a question asked again while its dialog is open opens no other
///   dialog: every caller gets the one answer;
/// - a refusal ("Cancel", Escape, the window closed) is remembered for the
///   rest of the session: the same question is then answered "no" at once,
///   without a dialog (logged once), until forgetRefusals(), which the
///   console calls when the user asks to check or reconnect again;
/// - a dialog destroyed without a choice answers "no" and is not
///   remembered as a refusal.
///
/// An accepted key or certificate is stored by the caller (known_hosts,
/// pinned certificates), so only refusals are kept here.
class TrustPrompts
{
public:
    /// @p what names the thing asked about in the log ("host key").
    explicit TrustPrompts(const char* what);
    /// The open dialogs go; their callers are answered "no".
    ~TrustPrompts();
    TrustPrompts(const TrustPrompts&) = delete;
    TrustPrompts& operator=(const TrustPrompts&) = delete;

    /// Answers @p answer exactly once: "no" now when this question was
    /// refused, else when the dialog (made by @p makeDialog, only when none
    /// is open for it: not yet shown, WA_DeleteOnClose) closes.
    void ask(const QString& host, int port, const QString& fingerprint,
             const std::function<QDialog*()>& makeDialog, std::function<void(bool)> answer);

    /// Whether (host, port, fingerprint) was refused in this session.
    bool isRefused(const QString& host, int port, const QString& fingerprint) const;
    /// Forgets every refusal: each question opens a dialog again.
    void forgetRefusals();

    /// The dialog opened last (null once it is gone).
    QDialog* lastDialog() const { return m_lastDialog; }
    /// How many dialogs are open.
    qsizetype openDialogs() const { return qsizetype(m_pending.size()); }

private:
    struct Pending
    {
        const QDialog* dialog = nullptr; ///< compared only: it may be gone
        QPointer<QDialog> window;
        std::vector<std::function<void(bool)>> answers;
    };

    static QString keyOf(const QString& host, int port, const QString& fingerprint);
    /// Answers every caller of @p key's dialog @p dialog, once.
    void settle(const QString& key, const QDialog* dialog, bool accept, bool remember);

    const char* m_what;
    /// The receiver of the dialogs' signals: they stop reaching this
    /// object when it goes.
    QObject m_context;
    QHash<QString, Pending> m_pending;
    QSet<QString> m_refused;
    /// Refusals whose first "no" without a dialog was logged.
    QSet<QString> m_logged;
    QPointer<QDialog> m_lastDialog;
};

} // namespace relais
