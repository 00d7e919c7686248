#pragma once

#include "vault/KdfParams.h"
#include "vault/Vault.h"
#include "vault/VaultOpenJob.h"

#include <QDialog>
#include <QPointer>
#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace relais {

class Clock;
class Error;
class KeychainJob;
class KeychainStore;

/// Unlocks the vault, or creates it when its file does not exist yet.
///
/// When shown, it first asks the keychain (if given) for a remembered key
/// and unlocks without a question when that key opens the vault; when no
/// Secret Service answers it says so and asks for the passphrase. scrypt
/// runs in a VaultOpenJob while the dialog shows that it is busy; Cancel
/// (or Escape) stops it and closes. A wrong passphrase is said in the
/// dialog, which keeps the field focused; nothing is written.
///
/// Accepted means unlocked: takeVault() then gives the open vault.
class UnlockDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Unlock,
        Create,
    };

    /// @p keychain (may be null: "remember" is not offered) and @p clock must
    /// outlive the dialog; @p clock also outlives the vault it opens.
    UnlockDialog(const QString& vaultPath, KeychainStore* keychain, const Clock& clock,
                 QWidget* parent = nullptr);
    ~UnlockDialog() override;

    Mode mode() const { return m_mode; }
    /// The scrypt parameters of a vault created here (tests use small ones).
    void setKdfParams(const KdfParams& params) { m_kdf = params; }
    /// Whether a key derivation or the saving of a key is under way.
    bool isBusy() const { return m_busy; }
    /// Whether the keychain is being asked for a remembered key (the
    /// passphrase can be typed meanwhile; unlocking with it stops asking).
    bool isRecalling() const { return m_recalling; }

    /// The unlocked vault, once accepted (null before, and after the first call).
    std::unique_ptr<Vault> takeVault() { return std::move(m_vault); }

public slots:
    void reject() override;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void confirm();
    void updateStrength();
    void recallKey();
    void keyRecalled(KeychainJob* job);
    void stopRecalling();
    void startOpening(VaultOpenJob::Mode mode, const SecretBytes& secret);
    void opened(VaultOpenJob* job);
    void remembered(KeychainJob* job);
    void setBusy(bool busy, const QString& status = {});
    void showError(const QString& text);
    void showNote(const QString& text);
    void stopJobs();

    QString m_path;
    KeychainStore* m_keychain;
    const Clock& m_clock;
    Mode m_mode;
    KdfParams m_kdf;
    std::unique_ptr<Vault> m_vault;
    QPointer<VaultOpenJob> m_job;
    QPointer<KeychainJob> m_keychainJob;
    bool m_busy = false;
    bool m_recallTried = false;
    bool m_recalling = false;
    bool m_keychainAvailable = true;

    QLabel* m_intro;
    QLineEdit* m_passphrase;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_strength = nullptr;
    QCheckBox* m_remember;
    QLabel* m_note;
    QLabel* m_error;
    QLabel* m_status;
    QProgressBar* m_progress;
    QDialogButtonBox* m_buttons;
    QPushButton* m_ok;
};

} // namespace relais
