#include "CredentialsDialog.h"

#include "CredentialDialog.h"
#include "ErrorText.h"
#include "UiLogging.h"
#include "VaultEntryModel.h"
#include "common/AtomicFile.h"
#include "ssh/SshKeys.h"
#include "vault/Vault.h"
#include "vault/VaultError.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace relais {

namespace {

constexpr qint64 MaxKeyFileBytes = 1024 * 1024;

/// A vault id made from a file name: "id_ed25519" gives "id_ed25519".
QString idFromFileName(const QString& fileName)
{
    QString id;
    for (const QChar c : fileName.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') ||
            c == QLatin1Char('_') || c == QLatin1Char('-')) {
            id += c;
        } else {
            id += QLatin1Char('-');
        }
    }
    while (!id.isEmpty() && !id.front().isLetterOrNumber())
        id.remove(0, 1);
    return id.left(64);
}

} // namespace

CredentialsDialog::CredentialsDialog(Vault& vault, QWidget* parent)
    : QDialog(parent)
    , m_vault(&vault)
    , m_model(new VaultEntryModel(this))
    , m_table(new QTableView(this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_import(new QPushButton(tr("&Import Key File…"), this))
    , m_generate(new QPushButton(tr("&Generate Key…"), this))
    , m_reveal(new QPushButton(tr("&Reveal"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_error(new QLabel(this))
    , m_revealLabel(new QLabel(this))
    , m_secret(new QPlainTextEdit(this))
    , m_publicBox(new QWidget(this))
    , m_publicTitle(new QLabel(m_publicBox))
    , m_publicLine(new QLineEdit(m_publicBox))
{
    setObjectName(QStringLiteral("credentialsDialog"));
    setWindowTitle(tr("Credentials"));
    resize(760, 480);

    m_table->setObjectName(QStringLiteral("entries"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        hideSecret();
        updateActions();
    });

    m_add->setObjectName(QStringLiteral("addButton"));
    m_add->setToolTip(tr("Add a password, token, TSIG key, key or certificate"));
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setToolTip(tr("Keep an existing SSH private key file in the vault"));
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_generate->setToolTip(tr("Make a new ed25519 SSH key and keep it in the vault"));
    m_reveal->setObjectName(QStringLiteral("revealButton"));
    m_reveal->setToolTip(tr("Show the secret of the selected credential for 30 seconds"));
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_delete->setToolTip(tr("Delete the selected credential (Delete key)"));
    for (QPushButton* button : {m_add, m_import, m_generate, m_reveal, m_delete})
        button->setAutoDefault(false);
    connect(m_add, &QPushButton::clicked, this, &CredentialsDialog::showAddDialog);
    connect(m_import, &QPushButton::clicked, this, &CredentialsDialog::showImportDialog);
    connect(m_generate, &QPushButton::clicked, this, &CredentialsDialog::showGenerateDialog);
    connect(m_reveal, &QPushButton::clicked, this, &CredentialsDialog::revealSelected);
    connect(m_delete, &QPushButton::clicked, this, &CredentialsDialog::deleteSelected);
    auto* deleteKey = new QShortcut(QKeySequence::Delete, m_table);
    deleteKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(deleteKey, &QShortcut::activated, this, &CredentialsDialog::deleteSelected);

    m_error->setObjectName(QStringLiteral("credentialsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_revealLabel->setObjectName(QStringLiteral("revealLabel"));
    m_revealLabel->hide();
    m_secret->setObjectName(QStringLiteral("revealedSecret"));
    m_secret->setReadOnly(true);
    m_secret->setFont(fixed);
    m_secret->setMaximumHeight(120);
    m_secret->hide();

    m_publicBox->setObjectName(QStringLiteral("publicKeyBox"));
    m_publicTitle->setObjectName(QStringLiteral("publicKeyTitle"));
    m_publicTitle->setWordWrap(true);
    m_publicLine->setObjectName(QStringLiteral("publicLine"));
    m_publicLine->setReadOnly(true);
    m_publicLine->setFont(fixed);
    auto* copy = new QPushButton(tr("C&opy"), m_publicBox);
    copy->setObjectName(QStringLiteral("copyPublicLine"));
    copy->setAutoDefault(false);
    connect(copy, &QPushButton::clicked, this, &CredentialsDialog::copyPublicLine);
    auto* publicRow = new QHBoxLayout;
    publicRow->addWidget(m_publicLine, 1);
    publicRow->addWidget(copy);
    auto* publicLayout = new QVBoxLayout(m_publicBox);
    publicLayout->setContentsMargins(0, 0, 0, 0);
    publicLayout->addWidget(m_publicTitle);
    publicLayout->addLayout(publicRow);
    m_publicBox->hide();

    auto* actions = new QVBoxLayout;
    for (QPushButton* button : {m_add, m_import, m_generate, m_reveal, m_delete})
        actions->addWidget(button);
    actions->addStretch();
    auto* top = new QHBoxLayout;
    top->addWidget(m_table, 1);
    top->addLayout(actions);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_revealLabel);
    layout->addWidget(m_secret);
    layout->addWidget(m_publicBox);
    layout->addWidget(buttons);

    m_hideTimer.setSingleShot(true);
    m_hideTimer.setInterval(DefaultRevealMs);
    connect(&m_hideTimer, &QTimer::timeout, this, &CredentialsDialog::hideSecret);
    // Secrets never outlive the window.
    connect(this, &QDialog::finished, this, &CredentialsDialog::hideSecret);

    refresh();
    m_table->setFocus();
}

CredentialsDialog::~CredentialsDialog()
{
    hideSecret();
}

void CredentialsDialog::forgetVault()
{
    hideSecret();
    m_vault = nullptr;
    m_model->clear();
    m_publicLine->clear();
    m_publicBox->hide();
    updateActions();
}

void CredentialsDialog::refresh()
{
    const QString current = selectedId();
    if (!m_vault) {
        m_model->clear();
        updateActions();
        return;
    }
    Result<QList<VaultEntry>> entries = m_vault->entries();
    if (!entries) {
        m_model->clear();
        showError(tr("The credentials cannot be listed."), entries.error());
        if (entries.error().is(VaultError::Locked))
            emit vaultLocked();
        updateActions();
        return;
    }
    m_model->setEntries(*entries);
    for (VaultEntry& entry : *entries)
        entry.secret.wipe();
    m_table->resizeColumnsToContents();
    select(current);
    updateActions();
}

void CredentialsDialog::select(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0) {
        m_table->clearSelection();
        return;
    }
    m_table->selectRow(row);
}

QString CredentialsDialog::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return m_model->idAt(rows.first().row());
}

QStringList CredentialsDialog::ids() const
{
    QStringList all;
    for (int row = 0; row < m_model->rowCount(); ++row)
        all << m_model->idAt(row);
    return all;
}

void CredentialsDialog::updateActions()
{
    const bool open = m_vault != nullptr;
    const bool selected = open && !selectedId().isEmpty();
    m_add->setEnabled(open);
    m_import->setEnabled(open);
    m_generate->setEnabled(open);
    m_reveal->setEnabled(selected);
    m_delete->setEnabled(selected);
}

bool CredentialsDialog::isSecretShown() const
{
    return m_secret->isVisibleTo(this) && !m_secret->toPlainText().isEmpty();
}

QString CredentialsDialog::publicLine() const
{
    return m_publicLine->text();
}

void CredentialsDialog::showAddDialog()
{
    auto* dialog = new CredentialDialog(CredentialDialog::Mode::Add, ids(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (addEntry(dialog->entry()))
            m_publicBox->hide();
    });
    dialog->open();
}

void CredentialsDialog::showImportDialog()
{
    auto* dialog = new QFileDialog(this, tr("Import an SSH Private Key"),
                                   QDir::home().filePath(QStringLiteral(".ssh")));
    dialog->setObjectName(QStringLiteral("importFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    connect(dialog, &QFileDialog::fileSelected, this, &CredentialsDialog::importKeyFile);
    dialog->open();
}

void CredentialsDialog::importKeyFile(const QString& path)
{
    clearError();
    Result<QByteArray> read = AtomicFile::read(path, MaxKeyFileBytes);
    if (!read) {
        showError(tr("%1 cannot be read.").arg(QDir::toNativeSeparators(path)), read.error());
        return;
    }
    const SecretBytes text = SecretBytes::takeFrom(*read);
    const QString fileName = QFileInfo(path).fileName();
    Result<SshKeyPair> key = SshKeys::inspect(text, fileName);
    if (!key) {
        showError(tr("%1 is not an SSH private key Relais can use.").arg(fileName), key.error());
        return;
    }
    auto* dialog = new CredentialDialog(CredentialDialog::Mode::ImportKey, ids(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSuggestedId(idFromFileName(fileName));
    dialog->setLabel(fileName);
    dialog->setSecret(text, tr("%1 key from %2, fingerprint %3")
                                .arg(key->type, QDir::toNativeSeparators(path), key->fingerprint));
    const SshKeyPair pair = *key;
    connect(dialog, &QDialog::accepted, this, [this, dialog, pair] {
        if (addEntry(dialog->entry()))
            showKeyResult(pair, tr("Imported. Its public line, for ~/.ssh/authorized_keys on the "
                                   "servers it opens:"));
    });
    dialog->open();
}

void CredentialsDialog::showGenerateDialog()
{
    auto* dialog = new CredentialDialog(CredentialDialog::Mode::GenerateKey, ids(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        clearError();
        VaultEntry entry = dialog->entry();
        Result<SshKeyPair> key =
            SshKeys::generateEd25519(QStringLiteral("relais:%1").arg(entry.id));
        if (!key) {
            showError(tr("No key was made."), key.error());
            return;
        }
        entry.secret = key->privateKey;
        if (addEntry(std::move(entry))) {
            showKeyResult(*key, tr("New ed25519 key kept in the vault. Add this line to "
                                   "~/.ssh/authorized_keys on each server it should open:"));
        }
    });
    dialog->open();
}

bool CredentialsDialog::addEntry(VaultEntry entry)
{
    clearError();
    if (!m_vault)
        return false;
    const QString id = entry.id;
    if (Result<void> added = m_vault->add(std::move(entry)); !added) {
        showError(tr("%1 was not added.").arg(id), added.error());
        if (added.error().is(VaultError::Locked))
            emit vaultLocked();
        return false;
    }
    if (Result<void> saved = m_vault->save(); !saved) {
        // Undo in memory: the window keeps showing what the file holds.
        (void)m_vault->remove(id);
        showError(tr("%1 was not added.").arg(id), saved.error());
        refresh();
        return false;
    }
    qCInfo(lcUi) << "added credential" << id;
    refresh();
    select(id);
    return true;
}

void CredentialsDialog::showKeyResult(const SshKeyPair& pair, const QString& title)
{
    m_publicTitle->setText(title);
    m_publicLine->setText(pair.publicLine);
    m_publicLine->setCursorPosition(0);
    m_publicBox->show();
}

void CredentialsDialog::copyPublicLine()
{
    if (!m_publicLine->text().isEmpty())
        QApplication::clipboard()->setText(m_publicLine->text());
}

void CredentialsDialog::revealSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || !m_vault)
        return;
    clearError();
    Result<VaultEntry> entry = m_vault->entry(id);
    if (!entry) {
        showError(tr("The secret of %1 cannot be shown.").arg(id), entry.error());
        if (entry.error().is(VaultError::Locked))
            emit vaultLocked();
        return;
    }
    m_revealLabel->setText(
        tr("Secret of %1, hidden again in %n seconds or when the selection changes:", nullptr,
           m_hideTimer.interval() / 1000)
            .arg(entry->label.isEmpty() ? id : entry->label));
    m_secret->setPlainText(QString::fromUtf8(entry->secret.constData(), entry->secret.size()));
    entry->secret.wipe();
    m_revealLabel->show();
    m_secret->show();
    m_hideTimer.start();
}

void CredentialsDialog::hideSecret()
{
    m_hideTimer.stop();
    m_secret->clear();
    m_secret->hide();
    m_revealLabel->hide();
}

void CredentialsDialog::deleteSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || !m_vault)
        return;
    const int row = m_model->rowOf(id);
    const QString label =
        m_model->data(m_model->index(row, VaultEntryModel::LabelColumn)).toString();
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Delete a Credential"),
        tr("Delete “%1” (%2) from the vault?").arg(label.isEmpty() ? id : label, id),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("deleteConfirm"));
    box->setInformativeText(tr("Sites that use it can no longer connect with it. This cannot "
                               "be undone, except from the vault's .bak file."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* remove = box->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDelete"));
    QPushButton* keep = box->addButton(QMessageBox::Cancel);
    keep->setObjectName(QStringLiteral("cancelDelete"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        if (box->clickedButton() == remove)
            deleteEntry(id);
    });
    box->open();
}

void CredentialsDialog::deleteEntry(const QString& id)
{
    clearError();
    if (!m_vault)
        return;
    hideSecret();
    Result<VaultEntry> entry = m_vault->entry(id);
    if (!entry) {
        showError(tr("%1 was not deleted.").arg(id), entry.error());
        return;
    }
    const int index = m_model->rowOf(id);
    if (Result<void> removed = m_vault->remove(id); !removed) {
        showError(tr("%1 was not deleted.").arg(id), removed.error());
        return;
    }
    if (Result<void> saved = m_vault->save(); !saved) {
        // Put it back as it was: the file still holds it.
        (void)m_vault->restore(std::move(*entry), index);
        showError(tr("%1 was not deleted.").arg(id), saved.error());
        refresh();
        return;
    }
    entry->secret.wipe();
    qCInfo(lcUi) << "deleted credential" << id;
    refresh();
}

void CredentialsDialog::showError(const QString& what, const Error& error)
{
    // The sentence for people, then core's technical detail.
    m_error->setText(what + QLatin1Char(' ') + ErrorText::summary(error) + QLatin1Char('\n') +
                     error.message());
    m_error->show();
}

void CredentialsDialog::clearError()
{
    m_error->clear();
    m_error->hide();
}

} // namespace relais
