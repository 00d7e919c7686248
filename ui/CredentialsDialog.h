#pragma once

#include "common/Error.h"
#include "ssh/SshKeyPair.h"
#include "vault/VaultEntry.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QWidget;

namespace relais {

class Vault;
class VaultEntryModel;

/// The credentials manager: the vault's entries (never their secrets) and
/// what can be done with them: add, import an SSH key file, generate an
/// ed25519 key (its public line shown with a Copy button), reveal one secret
/// on demand (hidden again when the selection changes or after 30 s) and
/// delete with a confirmation naming the entry.
///
/// Every change is saved at once with Vault::save(); when saving fails the
/// change is undone in memory and the reason shown, so the window always
/// shows what the file holds.
class CredentialsDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int DefaultRevealMs = 30 * 1000;

    /// @p vault must stay open while the dialog uses it; forgetVault()
    /// lets go of it (when the vault locks).
    explicit CredentialsDialog(Vault& vault, QWidget* parent = nullptr);
    ~CredentialsDialog() override;

    VaultEntryModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    /// How long a revealed secret stays shown (tests shorten it).
    void setRevealTimeoutMs(int ms) { m_hideTimer.setInterval(ms); }
    bool isSecretShown() const;
    /// The public line of the last key imported or generated (empty: none).
    QString publicLine() const;

    /// Lets go of the vault: clears the list and any shown secret. The
    /// dialog is then useless and should be closed.
    void forgetVault();

public slots:
    void showAddDialog();
    void showImportDialog();
    void showGenerateDialog();
    /// Reads @p path as an SSH private key and, if it is one, asks its id
    /// and label (the step after the file dialog).
    void importKeyFile(const QString& path);
    void revealSelected();
    void hideSecret();
    /// Asks to confirm deleting the selected entry.
    void deleteSelected();
    void copyPublicLine();
    /// Reloads the list from the vault.
    void refresh();

signals:
    /// The vault answered Locked (it locked itself after being idle).
    void vaultLocked();

private:
    void updateActions();
    QString selectedId() const;
    QStringList ids() const;
    bool addEntry(VaultEntry entry);
    void deleteEntry(const QString& id);
    void showKeyResult(const SshKeyPair& pair, const QString& title);
    void showError(const QString& what, const Error& error);
    void clearError();
    void select(const QString& id);

    Vault* m_vault;
    VaultEntryModel* m_model;
    QTableView* m_table;
    QPushButton* m_add;
    QPushButton* m_import;
    QPushButton* m_generate;
    QPushButton* m_reveal;
    QPushButton* m_delete;
    QLabel* m_error;
    QLabel* m_revealLabel;
    QPlainTextEdit* m_secret;
    QWidget* m_publicBox;
    QLabel* m_publicTitle;
    QLineEdit* m_publicLine;
    QTimer m_hideTimer;
};

} // namespace relais
