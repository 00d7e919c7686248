#pragma once

#include "vault/SecretBytes.h"
#include "vault/VaultEntry.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace relais {

/// Asks for a new credential: its kind, id, label and secret (typed with
/// echo off, or read from a file). In the key modes the kind is an SSH
/// private key and only the id and label are asked: the secret is the
/// imported file, or a key made after the dialog closes.
class CredentialDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Add,         ///< any kind, secret typed or read from a file
        ImportKey,   ///< the secret is given (an imported key file)
        GenerateKey, ///< no secret: a new ed25519 key is made afterwards
    };

    /// @p takenIds are refused as ids (the vault's current ones).
    CredentialDialog(Mode mode, QStringList takenIds, QWidget* parent = nullptr);

    Mode mode() const { return m_mode; }
    void setSuggestedId(const QString& id);
    void setLabel(const QString& label);
    /// The secret in the ImportKey mode (or a file read in the Add mode).
    void setSecret(const SecretBytes& secret, const QString& source);
    /// Reads the secret from @p path (the "Read from file" button); false,
    /// with the reason shown, when it cannot be read.
    bool readSecretFile(const QString& path);

    /// The credential asked for, once accepted (no secret in GenerateKey).
    VaultEntry entry() const;

public slots:
    void accept() override;

private:
    void chooseFile();
    void showError(const QString& text);

    Mode m_mode;
    QStringList m_takenIds;
    SecretBytes m_fileSecret;
    QComboBox* m_kind;
    QLineEdit* m_id;
    QLineEdit* m_label;
    QLineEdit* m_secret = nullptr;
    QPushButton* m_fromFile = nullptr;
    QLabel* m_source;
    QLabel* m_error;
};

} // namespace relais
