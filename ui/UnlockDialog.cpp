#include "UnlockDialog.h"

#include "ErrorText.h"
#include "UiLogging.h"
#include "vault/KeychainJob.h"
#include "vault/KeychainStore.h"
#include "vault/PassphraseStrength.h"
#include "vault/VaultError.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace relais {

namespace {

/// The UTF-8 bytes of what @p field holds, then the field is emptied.
SecretBytes takeText(QLineEdit* field)
{
    QByteArray utf8 = field->text().toUtf8();
    field->clear();
    return SecretBytes::takeFrom(utf8);
}

} // namespace

UnlockDialog::UnlockDialog(const QString& vaultPath, KeychainStore* keychain, const Clock& clock,
                           QWidget* parent)
    : QDialog(parent)
    , m_path(vaultPath)
    , m_keychain(keychain)
    , m_clock(clock)
    , m_mode(QFileInfo::exists(vaultPath) ? Mode::Unlock : Mode::Create)
    , m_intro(new QLabel(this))
    , m_passphrase(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember on this computer"), this))
    , m_note(new QLabel(this))
    , m_error(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_ok(nullptr)
{
    setObjectName(QStringLiteral("unlockDialog"));
    const bool creating = m_mode == Mode::Create;
    setWindowTitle(creating ? tr("Create the Vault") : tr("Unlock the Vault"));
    setMinimumWidth(460);

    m_intro->setObjectName(QStringLiteral("unlockIntro"));
    m_intro->setWordWrap(true);
    m_intro->setText(
        creating
            ? tr("There is no vault yet. Choose a passphrase to create one at "
                 "%1; it encrypts every credential Relais keeps. Nobody can "
                 "recover it for you.")
                  .arg(QDir::toNativeSeparators(m_path))
            : tr("Type the passphrase of the vault %1.").arg(QDir::toNativeSeparators(m_path)));

    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                      Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);

    auto* form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_passphrase);
    if (creating) {
        m_confirm = new QLineEdit(this);
        m_confirm->setObjectName(QStringLiteral("confirmPassphrase"));
        m_confirm->setEchoMode(QLineEdit::Password);
        m_confirm->setInputMethodHints(m_passphrase->inputMethodHints());
        form->addRow(tr("&Again:"), m_confirm);
        m_strength = new QLabel(this);
        m_strength->setObjectName(QStringLiteral("strengthHint"));
        m_strength->setWordWrap(true);
        form->addRow(QString(), m_strength);
        connect(m_passphrase, &QLineEdit::textChanged, this, &UnlockDialog::updateStrength);
        connect(m_confirm, &QLineEdit::textChanged, this, &UnlockDialog::updateStrength);
    }

    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setToolTip(tr("Keep the vault's key in this computer's keychain (Secret "
                              "Service), so that Relais opens the vault without asking."));
    m_remember->setVisible(m_keychain != nullptr);

    m_note->setObjectName(QStringLiteral("keychainNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_error->setObjectName(QStringLiteral("unlockError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_error->hide();
    m_status->setObjectName(QStringLiteral("unlockStatus"));
    m_status->hide();
    m_progress->setObjectName(QStringLiteral("unlockProgress"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();

    m_ok = m_buttons->addButton(creating ? tr("&Create Vault") : tr("&Unlock"),
                                QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("unlockButton"));
    m_ok->setDefault(true);
    QPushButton* cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_ok, &QPushButton::clicked, this, &UnlockDialog::confirm);
    connect(cancel, &QPushButton::clicked, this, &UnlockDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_remember);
    layout->addWidget(m_note);
    layout->addWidget(m_error);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    m_passphrase->setFocus();
    updateStrength();
}

UnlockDialog::~UnlockDialog()
{
    stopJobs();
}

void UnlockDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (!m_recallTried) {
        m_recallTried = true;
        if (m_mode == Mode::Unlock && m_keychain)
            recallKey();
    }
}

void UnlockDialog::reject()
{
    stopJobs();
    QDialog::reject();
}

void UnlockDialog::stopJobs()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job->deleteLater();
    }
    if (m_keychainJob)
        m_keychainJob->disconnect(this);
}

void UnlockDialog::updateStrength()
{
    if (!m_strength)
        return;
    const QString text = m_passphrase->text();
    QString hint;
    switch (PassphraseStrength::rate(text)) {
    case PassphraseStrength::Rating::TooShort:
        hint = tr("Too short: at least %n characters.", nullptr, PassphraseStrength::MinimumLength);
        break;
    case PassphraseStrength::Rating::Weak:
        hint = tr("Weak: add words, or mix letters, digits and signs.");
        break;
    case PassphraseStrength::Rating::Fair:
        hint = tr("Fair: a few more words would make it strong.");
        break;
    case PassphraseStrength::Rating::Strong:
        hint = tr("Strong.");
        break;
    }
    if (!m_confirm->text().isEmpty() && m_confirm->text() != text)
        hint += QLatin1Char(' ') + tr("The two passphrases differ.");
    m_strength->setText(hint);
}

void UnlockDialog::confirm()
{
    if (m_busy)
        return;
    if (m_vault) {
        // Unlocked already; only remembering failed, and the user read why.
        accept();
        return;
    }
    if (m_mode == Mode::Create) {
        if (PassphraseStrength::rate(m_passphrase->text()) ==
            PassphraseStrength::Rating::TooShort) {
            showError(tr("The passphrase is too short: use at least %n characters.", nullptr,
                         PassphraseStrength::MinimumLength));
            m_passphrase->setFocus();
            return;
        }
        if (m_confirm->text() != m_passphrase->text()) {
            showError(tr("The two passphrases differ. Type the same passphrase twice."));
            m_confirm->selectAll();
            m_confirm->setFocus();
            return;
        }
        m_confirm->clear();
        startOpening(VaultOpenJob::Mode::Create, takeText(m_passphrase));
        return;
    }
    if (m_passphrase->text().isEmpty()) {
        showError(tr("Type the passphrase of the vault."));
        m_passphrase->setFocus();
        return;
    }
    if (m_recalling)
        stopRecalling();
    startOpening(VaultOpenJob::Mode::OpenWithPassphrase, takeText(m_passphrase));
}

void UnlockDialog::recallKey()
{
    // The passphrase can be typed meanwhile: a keychain being started by
    // D-Bus may take long to answer, and typing wins over waiting.
    m_recalling = true;
    m_status->setText(tr("Looking for a key remembered on this computer…"));
    m_status->show();
    m_progress->show();
    // Keychain jobs have no parent: they delete themselves once answered.
    // Deleting one earlier, with this dialog, would leave libsecret calling
    // back into a job that is gone.
    m_keychainJob = m_keychain->recall(m_path);
    connect(m_keychainJob, &KeychainJob::finished, this, &UnlockDialog::keyRecalled);
}

void UnlockDialog::stopRecalling()
{
    m_recalling = false;
    if (m_keychainJob)
        m_keychainJob->disconnect(this);
    if (!m_busy) {
        m_status->hide();
        m_progress->hide();
    }
}

void UnlockDialog::keyRecalled(KeychainJob* job)
{
    stopRecalling();
    if (job->ok()) {
        m_remember->setChecked(true);
        startOpening(VaultOpenJob::Mode::OpenWithKey, job->key());
        return;
    }
    if (job->error().is(VaultError::KeychainUnavailable)) {
        m_keychainAvailable = false;
        m_remember->setChecked(false);
        m_remember->setEnabled(false);
        showNote(tr("No keychain answered on this computer (no Secret Service such as GNOME "
                    "Keyring or KWallet is running), so the vault cannot be remembered here. "
                    "Type the passphrase."));
    }
    // EntryNotFound: nothing remembered yet, the passphrase is asked.
    m_passphrase->setFocus();
}

void UnlockDialog::startOpening(VaultOpenJob::Mode mode, const SecretBytes& secret)
{
    m_error->hide();
    m_job = new VaultOpenJob(mode, m_path, secret, m_clock, this);
    m_job->setKdfParams(m_kdf);
    connect(m_job, &VaultOpenJob::finished, this, &UnlockDialog::opened);
    setBusy(true, mode == VaultOpenJob::Mode::Create ? tr("Creating the vault…")
                                                     : tr("Unlocking the vault…"));
    m_job->start();
}

void UnlockDialog::opened(VaultOpenJob* job)
{
    job->deleteLater();
    setBusy(false);
    if (!job->result())
        return;
    Result<Vault>& result = *job->result();
    const bool withKey = job->mode() == VaultOpenJob::Mode::OpenWithKey;
    if (!result) {
        qCInfo(lcUi) << "vault not opened:" << result.error().message();
        if (withKey) {
            // A key remembered before the passphrase changed: forget it.
            if (m_keychain)
                m_keychain->forget(m_path);
            m_remember->setChecked(false);
            showNote(tr("The key remembered on this computer no longer opens the vault. Type "
                        "the passphrase."));
            m_passphrase->setFocus();
            return;
        }
        showError(ErrorText::summary(result.error()));
        m_passphrase->setFocus();
        return;
    }
    m_vault = std::make_unique<Vault>(std::move(result).value());
    if (withKey || !m_keychain || !m_keychainAvailable || !m_remember->isChecked()) {
        accept();
        return;
    }
    Result<SecretBytes> key = m_vault->key();
    if (!key) {
        accept();
        return;
    }
    setBusy(true, tr("Remembering the vault on this computer…"));
    m_keychainJob = m_keychain->remember(m_path, *key);
    connect(m_keychainJob, &KeychainJob::finished, this, &UnlockDialog::remembered);
}

void UnlockDialog::remembered(KeychainJob* job)
{
    setBusy(false);
    if (job->ok()) {
        accept();
        return;
    }
    // The vault is open; only remembering it failed. Say why, then go on.
    m_remember->setChecked(false);
    m_remember->setEnabled(false);
    showNote(tr("The vault is unlocked but could not be remembered on this computer: %1")
                 .arg(ErrorText::summary(job->error())));
    m_ok->setText(tr("&Continue"));
    m_ok->setFocus();
}

void UnlockDialog::setBusy(bool busy, const QString& status)
{
    m_busy = busy;
    m_passphrase->setEnabled(!busy);
    if (m_confirm)
        m_confirm->setEnabled(!busy);
    m_remember->setEnabled(!busy && m_keychainAvailable && !m_vault);
    m_ok->setEnabled(!busy);
    m_status->setText(status);
    m_status->setVisible(busy);
    m_progress->setVisible(busy);
}

void UnlockDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->show();
    m_passphrase->selectAll();
    adjustSize();
}

void UnlockDialog::showNote(const QString& text)
{
    m_note->setText(text);
    m_note->show();
    adjustSize();
}

} // namespace relais
