#include "ReplicationKeyDialog.h"

#include "ErrorText.h"
#include "sync/ReplicationKeySetup.h"
#include "sync/SyncError.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace relais {

namespace {

bool pushes(const SyncJob& job)
{
    return job.direction == SyncJob::Direction::Push;
}

} // namespace

ReplicationKeyDialog::ReplicationKeyDialog(const Site& site, const SyncJob& job, QWidget* parent)
    : QDialog(parent)
    , m_site(site)
    , m_job(job)
    , m_description(new QLabel(this))
    , m_forward(new QRadioButton(this))
    , m_reverse(new QRadioButton(this))
    , m_authorizedKeys(new QLineEdit(ReplicationKeySetup::defaultAuthorizedKeysPath(), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_start(new QPushButton(tr("&Set Up Key"), this))
    , m_close(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("replicationKeyDialog"));
    setWindowTitle(tr("Set Up the Replication Key of %1").arg(m_job.name));

    const QString other = pushes(m_job) ? tr("backup") : tr("main");
    m_description->setObjectName(QStringLiteral("keyDescription"));
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                           Qt::TextSelectableByKeyboard);

    m_forward->setObjectName(QStringLiteral("keyForward"));
    m_forward->setText(tr("&Forward: the key of the job's runs (main → backup), %1")
                           .arg(RsyncCommand::keyName(m_job, RsyncCommand::Flow::Forward)));
    m_forward->setChecked(true);
    m_reverse->setObjectName(QStringLiteral("keyReverse"));
    m_reverse->setText(tr("&Reverse: the key of failback's copy back (backup → main), %1")
                           .arg(RsyncCommand::keyName(m_job, RsyncCommand::Flow::Reverse)));
    if (!RsyncCommand::isReversible(m_job)) {
        m_reverse->setEnabled(false);
        m_reverse->setToolTip(tr("Only a job with exactly one source can copy back."));
    }
    auto* flowBox = new QGroupBox(tr("Key"), this);
    auto* flowLayout = new QVBoxLayout(flowBox);
    flowLayout->addWidget(m_forward);
    flowLayout->addWidget(m_reverse);

    m_authorizedKeys->setObjectName(QStringLiteral("keyAuthorizedKeys"));
    m_authorizedKeys->setPlaceholderText(ReplicationKeySetup::defaultAuthorizedKeysPath());
    m_authorizedKeys->setToolTip(
        tr("The file the SSH server of %1 reads the authorized keys from; change it only "
           "when its sshd reads another one (AuthorizedKeysFile).")
            .arg(other));
    auto* form = new QFormLayout;
    auto* akLabel = new QLabel(tr("&authorized_keys on %1:").arg(other), this);
    akLabel->setBuddy(m_authorizedKeys);
    form->addRow(akLabel, m_authorizedKeys);

    m_progress->setObjectName(QStringLiteral("keyProgress"));
    m_progress->setAccessibleName(tr("Set-up progress"));
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("keyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_start->setObjectName(QStringLiteral("keyStartButton"));
    m_start->setDefault(true);
    m_close->setObjectName(QStringLiteral("keyCloseButton"));
    m_buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_close, QDialogButtonBox::RejectRole);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_description);
    layout->addWidget(flowBox);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_start, &QPushButton::clicked, this, &ReplicationKeyDialog::startSetup);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReplicationKeyDialog::reject);
    connect(m_forward, &QRadioButton::toggled, this, &ReplicationKeyDialog::updateDescription);
    connect(m_authorizedKeys, &QLineEdit::textChanged, this,
            &ReplicationKeyDialog::updateDescription);
    updateDescription();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

ReplicationKeyDialog::~ReplicationKeyDialog()
{
    if (m_setup) {
        m_setup->disconnect(this);
        delete m_setup;
    }
}

void ReplicationKeyDialog::setKeyDirectory(const QString& directory)
{
    m_keyDir = directory.isEmpty() ? ReplicationKeySetup::defaultKeyDirectory() : directory;
    updateDescription();
}

ReplicationKeyRequest ReplicationKeyDialog::request() const
{
    ReplicationKeyRequest r;
    r.job = m_job.name;
    r.flow = m_reverse->isChecked() ? RsyncCommand::Flow::Reverse : RsyncCommand::Flow::Forward;
    r.keyDirectory = m_keyDir;
    const QString ak = m_authorizedKeys->text().trimmed();
    r.authorizedKeysPath = ak.isEmpty() ? ReplicationKeySetup::defaultAuthorizedKeysPath() : ak;
    return r;
}

QString ReplicationKeyDialog::outcomeText() const
{
    return isRunning() ? QString() : m_status->text();
}

void ReplicationKeyDialog::updateDescription()
{
    const ReplicationKeyRequest r = request();
    const Host& initiating = pushes(m_job) ? m_site.main : m_site.backup;
    const Host& other = pushes(m_job) ? m_site.backup : m_site.main;
    const QString keyPath =
        r.keyDirectory + QLatin1Char('/') + RsyncCommand::keyName(m_job, r.flow);
    m_description->setText(
        tr("Relais makes a new ed25519 key on %1 (%2), the host that starts the copies: %3, "
           "readable only by its owner, and %4 with the SSH key of %5 as Relais trusts it.")
            .arg(pushes(m_job) ? tr("main") : tr("backup"), initiating.address, keyPath,
                 keyPath + QStringLiteral(".known_hosts"),
                 pushes(m_job) ? tr("backup") : tr("main")) +
        QLatin1Char('\n') +
        tr("On %1 (%2), its public half goes into %3, restricted to: %4")
            .arg(pushes(m_job) ? tr("backup") : tr("main"), other.address, r.authorizedKeysPath,
                 RsyncCommand::forcedCommand(m_job, r.flow)) +
        QLatin1Char('\n') +
        tr("The line of this job's previous key there is replaced; every other line stays. "
           "rrsync must be installed on %1.")
            .arg(pushes(m_job) ? tr("backup") : tr("main")));
}

void ReplicationKeyDialog::showRunning(bool running)
{
    m_forward->setEnabled(!running);
    m_reverse->setEnabled(!running && RsyncCommand::isReversible(m_job));
    m_authorizedKeys->setEnabled(!running);
    m_start->setEnabled(!running);
    m_progress->setVisible(running);
    m_close->setText(running ? tr("Cancel") : tr("Close"));
    m_close->setToolTip(running ? tr("Stop the set-up") : QString());
}

void ReplicationKeyDialog::startSetup()
{
    if (m_setup)
        return;
    m_cancelling = false;
    const ReplicationKeyRequest r = request();
    Result<ReplicationKeySetup*> made =
        m_starter ? m_starter(r)
                  : Result<ReplicationKeySetup*>(
                        Error(SyncError::NotConnected, tr("no session to the hosts")));
    if (!made || !*made) {
        const Error error =
            made ? Error(SyncError::NotConnected, tr("no session to the hosts")) : made.error();
        m_status->setText(tr("The replication key of %1 was not set up.").arg(m_job.name) +
                          QLatin1Char('\n') + errorText(error) + QLatin1Char('\n') +
                          tr("Details: %1").arg(error.message()));
        showRunning(false);
        emit setupFinished(false);
        return;
    }
    m_setup = *made;
    m_setup->setParent(this);
    connect(m_setup, &ReplicationKeySetup::progress, m_status, &QLabel::setText);
    connect(m_setup, &ReplicationKeySetup::finished, this, &ReplicationKeyDialog::onFinished);
    m_status->setText(tr("Connecting to the hosts…"));
    showRunning(true);
    m_setup->start();
}

void ReplicationKeyDialog::cancelSetup()
{
    if (!m_setup || m_cancelling)
        return;
    m_cancelling = true;
    m_status->setText(tr("Cancelling…"));
    m_setup->cancel();
}

void ReplicationKeyDialog::abandon()
{
    if (m_setup) {
        m_setup->disconnect(this);
        delete m_setup;
    }
    QDialog::reject();
}

void ReplicationKeyDialog::reject()
{
    // Esc and Cancel while it runs stop the set-up; the dialog stays to say
    // what was done.
    if (m_setup) {
        cancelSetup();
        return;
    }
    QDialog::reject();
}

void ReplicationKeyDialog::onFinished()
{
    ReplicationKeySetup* setup = m_setup;
    if (!setup)
        return;
    m_setup = nullptr;
    setup->disconnect(this);
    const Result<void>& result = setup->result();
    const bool ok = result.ok();
    const QString otherName = pushes(m_job) ? tr("backup") : tr("main");
    const QString initiatingName = pushes(m_job) ? tr("main") : tr("backup");
    if (ok) {
        m_status->setText(tr("The replication key %1 is set up.")
                              .arg(RsyncCommand::keyName(m_job, setup->flow())) +
                          QLatin1Char('\n') +
                          tr("Private key: %1 on %2").arg(setup->keyPath(), initiatingName) +
                          QLatin1Char('\n') + tr("Fingerprint: %1").arg(setup->fingerprint()) +
                          QLatin1Char('\n') +
                          tr("Authorized in %1 on %2, for rrsync on the job's paths only.")
                              .arg(setup->authorizedKeysPath(), otherName));
    } else {
        const Error& error = result.error();
        m_status->setText(tr("The replication key of %1 was not set up.").arg(m_job.name) +
                          QLatin1Char('\n') + errorText(error) + QLatin1Char('\n') +
                          tr("Details: %1").arg(error.message()));
    }
    setup->deleteLater();
    m_cancelling = false;
    showRunning(false);
    m_start->setText(tr("&Set Up Again"));
    m_close->setDefault(true);
    m_close->setFocus();
    emit setupFinished(ok);
}

QString ReplicationKeyDialog::errorText(const Error& error)
{
    if (auto code = error.code<SyncError>()) {
        switch (*code) {
        case SyncError::Cancelled:
            return tr("The set-up was cancelled. A step already done on a host stays done: set "
                      "the key up again before the job's next run.");
        case SyncError::NotConnected:
            return tr("Relais could not reach a host over SSH, or does not trust the other "
                      "host's key yet. Check both hosts on the Dashboard (trust the key when "
                      "asked), then set the key up again.");
        case SyncError::RsyncFailed:
            return tr("A host refused a step of the set-up; the details say which and why. Fix "
                      "it (install rrsync, or give the authorized_keys file its sshd reads), then "
                      "set the key up again.");
        case SyncError::DirectionLocked:
        case SyncError::HookFailed:
        case SyncError::CanaryFailed:
        case SyncError::AlreadyRunning:
            break;
        }
    }
    return ErrorText::summary(error);
}

} // namespace relais
