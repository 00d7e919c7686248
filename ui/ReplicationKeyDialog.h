#pragma once

#include "ReplicationKeyRequest.h"
#include "common/Result.h"
#include "site/Site.h"

#include <QDialog>
#include <QPointer>
#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace relais {

class ReplicationKeySetup;

/// Sets up a sync job's replication key from the Sync tab: says what will
/// be done on which host (the key file on the initiating host, the
/// authorized_keys file on the other host and the restriction the key gets
/// there), lets the user choose the flow (forward, or reverse for
/// failback's copy back) and another authorized_keys file, then runs the
/// set-up without blocking (progress, Cancel) and shows the outcome: the
/// key's path and fingerprint, or what went wrong and what to do.
///
/// Shown with open(), never exec(). Enter starts the set-up, Esc cancels a
/// running one (the dialog stays to say so) or closes the dialog.
class ReplicationKeyDialog : public QDialog
{
    Q_OBJECT

public:
    /// Makes the set-up job for a request (not started; the dialog owns it),
    /// or says why it cannot.
    using Starter = std::function<Result<ReplicationKeySetup*>(const ReplicationKeyRequest&)>;

    ReplicationKeyDialog(const Site& site, const SyncJob& job, QWidget* parent = nullptr);
    ~ReplicationKeyDialog() override;

    void setStarter(Starter starter) { m_starter = std::move(starter); }
    /// Where the keys go on the initiating host (default: ReplicationKeySetup's).
    void setKeyDirectory(const QString& directory);

    /// The request as the dialog's fields say now.
    ReplicationKeyRequest request() const;
    bool isRunning() const { return m_setup != nullptr; }
    /// The outcome's text once the set-up has ended (empty before).
    QString outcomeText() const;

    /// Sentence for a failed set-up: what happened and what to do.
    static QString errorText(const Error& error);

public slots:
    /// Starts the set-up (what the Set Up button does).
    void startSetup();
    /// Cancels a running set-up.
    void cancelSetup();
    /// The connections go away: the running set-up is dropped at once, the
    /// dialog closes.
    void abandon();
    void reject() override;

signals:
    /// The set-up ended (succeeded or not).
    void setupFinished(bool ok);

private:
    void updateDescription();
    void onFinished();
    void showRunning(bool running);

    Site m_site;
    SyncJob m_job;
    QString m_keyDir = ReplicationKeySetup::defaultKeyDirectory();
    Starter m_starter;
    QPointer<ReplicationKeySetup> m_setup;
    bool m_cancelling = false;

    QLabel* m_description;
    QRadioButton* m_forward;
    QRadioButton* m_reverse;
    QLineEdit* m_authorizedKeys;
    QProgressBar* m_progress;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
    QPushButton* m_start;
    QPushButton* m_close;
};

} // namespace relais
