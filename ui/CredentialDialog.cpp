#include "CredentialDialog.h"

#include "ErrorText.h"
#include "VaultEntryModel.h"
#include "common/AtomicFile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace relais {

namespace {

/// Secret files are small: a key, a certificate, a token.
constexpr qint64 MaxSecretFileBytes = 1024 * 1024;

} // namespace

CredentialDialog::CredentialDialog(Mode mode, QStringList takenIds, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_takenIds(std::move(takenIds))
    , m_kind(new QComboBox(this))
    , m_id(new QLineEdit(this))
    , m_label(new QLineEdit(this))
    , m_source(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("credentialDialog"));
    setMinimumWidth(440);
    switch (mode) {
    case Mode::Add:
        setWindowTitle(tr("Add a Credential"));
        break;
    case Mode::ImportKey:
        setWindowTitle(tr("Import an SSH Key"));
        break;
    case Mode::GenerateKey:
        setWindowTitle(tr("Generate an SSH Key"));
        break;
    }

    m_kind->setObjectName(QStringLiteral("kind"));
    for (const VaultEntry::Kind kind :
         {VaultEntry::Kind::Password, VaultEntry::Kind::ApiToken, VaultEntry::Kind::TsigKey,
          VaultEntry::Kind::SshPrivateKey, VaultEntry::Kind::TlsClientCertificate}) {
        m_kind->addItem(VaultEntryModel::kindText(kind), int(kind));
    }
    if (mode != Mode::Add) {
        m_kind->setCurrentIndex(m_kind->findData(int(VaultEntry::Kind::SshPrivateKey)));
        m_kind->setEnabled(false);
    }
    m_id->setObjectName(QStringLiteral("entryId"));
    m_id->setPlaceholderText(tr("main-ssh-key"));
    m_id->setToolTip(tr("How site documents refer to it: 1 to 64 of a-z, 0-9, '.', '_' and '-', "
                        "starting with a letter or a digit."));
    m_label->setObjectName(QStringLiteral("entryLabel"));
    m_label->setPlaceholderText(tr("Key of the main server"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Id:"), m_id);
    form->addRow(tr("&Label:"), m_label);
    if (mode == Mode::Add) {
        m_secret = new QLineEdit(this);
        m_secret->setObjectName(QStringLiteral("secret"));
        m_secret->setEchoMode(QLineEdit::Password);
        m_secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                      Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
        m_fromFile = new QPushButton(tr("Read from &File…"), this);
        m_fromFile->setObjectName(QStringLiteral("secretFromFile"));
        m_fromFile->setAutoDefault(false);
        connect(m_fromFile, &QPushButton::clicked, this, &CredentialDialog::chooseFile);
        auto* row = new QHBoxLayout;
        row->addWidget(m_secret, 1);
        row->addWidget(m_fromFile);
        auto* secretLabel = new QLabel(tr("&Secret:"), this);
        secretLabel->setBuddy(m_secret);
        form->addRow(secretLabel, row);
    }
    m_source->setObjectName(QStringLiteral("secretSource"));
    m_source->setWordWrap(true);
    m_source->setVisible(false);
    form->addRow(QString(), m_source);
    if (mode == Mode::GenerateKey) {
        auto* note = new QLabel(tr("A new ed25519 key is made and kept in the vault. Its public "
                                   "line is shown afterwards, to add to ~/.ssh/authorized_keys "
                                   "on the servers."),
                                this);
        note->setWordWrap(true);
        form->addRow(QString(), note);
    }
    m_error->setObjectName(QStringLiteral("credentialError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* ok = buttons->addButton(mode == Mode::GenerateKey ? tr("&Generate") : tr("&Add"),
                                         QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("credentialOk"));
    ok->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("credentialCancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CredentialDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CredentialDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    (mode == Mode::Add ? static_cast<QWidget*>(m_kind) : m_id)->setFocus();
}

void CredentialDialog::setSuggestedId(const QString& id)
{
    m_id->setText(id);
    m_id->selectAll();
}

void CredentialDialog::setLabel(const QString& label)
{
    m_label->setText(label);
}

void CredentialDialog::setSecret(const SecretBytes& secret, const QString& source)
{
    m_fileSecret = secret;
    if (m_secret) {
        m_secret->clear();
        m_secret->setEnabled(false);
    }
    m_source->setText(source);
    m_source->setVisible(!source.isEmpty());
    adjustSize();
}

void CredentialDialog::chooseFile()
{
    auto* dialog = new QFileDialog(this, tr("Read the Secret from a File"), QDir::homePath());
    dialog->setObjectName(QStringLiteral("secretFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &CredentialDialog::readSecretFile);
    dialog->open();
}

bool CredentialDialog::readSecretFile(const QString& path)
{
    Result<QByteArray> read = AtomicFile::read(path, MaxSecretFileBytes);
    if (!read) {
        showError(ErrorText::summary(read.error()) + QLatin1Char(' ') + read.error().message());
        return false;
    }
    const QString source =
        tr("%n bytes read from %1.", nullptr, int(read->size())).arg(QFileInfo(path).fileName());
    setSecret(SecretBytes::takeFrom(*read), source);
    return true;
}

VaultEntry CredentialDialog::entry() const
{
    VaultEntry entry;
    entry.id = m_id->text().trimmed();
    entry.kind = VaultEntry::Kind(m_kind->currentData().toInt());
    entry.label = m_label->text().trimmed();
    if (!m_fileSecret.isEmpty()) {
        entry.secret = m_fileSecret;
    } else if (m_secret) {
        QByteArray utf8 = m_secret->text().toUtf8();
        entry.secret = SecretBytes::takeFrom(utf8);
    }
    return entry;
}

void CredentialDialog::accept()
{
    const QString id = m_id->text().trimmed();
    if (!VaultEntry::isValidId(id)) {
        showError(tr("The id must be 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a "
                     "letter or a digit."));
        m_id->setFocus();
        return;
    }
    if (m_takenIds.contains(id)) {
        showError(
            tr("The vault already holds a credential with the id %1. Choose another id.").arg(id));
        m_id->setFocus();
        return;
    }
    if (m_mode == Mode::Add && m_fileSecret.isEmpty() && m_secret->text().isEmpty()) {
        showError(tr("Type the secret, or read it from a file."));
        m_secret->setFocus();
        return;
    }
    if (m_label->text().trimmed().isEmpty())
        m_label->setText(id);
    QDialog::accept();
}

void CredentialDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->show();
    adjustSize();
}

} // namespace relais
