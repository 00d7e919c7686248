#pragma once

#include "LxdReplicationReport.h"
#include "common/Result.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <optional>

namespace relais {

class LxdClient;
class LxdOperation;
class LxdReplicationHistory;

/// Copies a container from main's LXD to backup's, incrementally when the
/// backup already has a copy (`lxc copy --refresh`), with the backup's LXD
/// pulling the data from main's over the network: Relais only tells main to
/// offer the instance (POST /1.0/instances/NAME {"migration": true}) and
/// hands the offer's secrets, operation URL and main's certificate to the
/// backup (POST /1.0/instances, source type "migration", mode "pull"). The
/// console never carries the data, and main's LXD need only be reachable
/// from the backup.
///
/// The backup never loses its last good copy: the refresh goes into a
/// staging instance (NAME-relais-new) cloned on the backup from the current
/// copy (cheap on a copy-on-write pool); only once it succeeded and was
/// checked (stopped, boot.autostart false) is the current copy renamed
/// NAME-relais-old, the staging one renamed NAME, and the old one deleted.
/// A failure or a cancel before that deletes the staging instance and
/// leaves the copy as it was; a run that finds leftovers of an interrupted
/// one puts them right first. A copy that is running on the backup (a
/// failover happened) is never replaced.
///
/// start() never blocks; finished() comes exactly once, also after cancel()
/// (once the staging instance is removed) or the timeout.
class LxdReplicationJob : public QObject
{
    Q_OBJECT

public:
    enum class Stage
    {
        Preparing,    ///< reading both sides, putting leftovers right
        Cloning,      ///< cloning the current copy into the staging instance
        Transferring, ///< backup pulls from main
        Verifying,    ///< checking the staging instance
        Swapping,     ///< renaming: the new copy takes the name (not cancellable)
        CleaningUp,   ///< after a failure or cancel: removing the staging instance
    };
    Q_ENUM(Stage)

    /// @p main and @p backup must outlive the job.
    LxdReplicationJob(LxdClient* main, LxdClient* backup, QString instance,
                      QObject* parent = nullptr);
    ~LxdReplicationJob() override;

    /// Where the backup reaches main's LXD ("https://10.231.0.10:8443").
    /// Default: the first address main's LXD listens on (core.https_address).
    void setSourceUrl(const QString& url) { m_sourceUrl = url; }
    /// Records the outcome (success or not) there when given.
    void setHistory(LxdReplicationHistory* history) { m_history = history; }
    /// For a failback, where the target is main's own instance and not a
    /// copy: the instance replaced is kept, stopped and never started at
    /// boot, as keptName() (nothing of main's is deleted: data written on
    /// main after its last replication is still there), and the new one
    /// gets the replaced one's boot.autostart (a copy's false would keep
    /// the service down after main's next reboot). Set before start().
    void setKeepReplaced(bool keep) { m_keepReplaced = keep; }
    /// "web-before-failback-20261207-084500" (cut to LXD's 63 characters).
    static QString keptName(const QString& instance, const QDateTime& at);
    /// The whole job's limit (0: none); set while the job runs, it counts
    /// from then. It does not stop the swap (each of its steps has its own
    /// limit): stopped between its renames, the backup would be left
    /// without a copy under the instance's name.
    void setTimeout(int ms);

    void start();
    /// Stops the transfer (both LXD operations) and removes the staging
    /// instance; ignored once the new copy is being swapped in.
    void cancel();
    bool isRunning() const { return m_running; }
    Stage stage() const { return m_stage; }
    const Result<LxdReplicationReport>& result() const { return *m_result; }
    const QString& instance() const { return m_instance; }

    static QString stagingName(const QString& instance);
    static QString previousName(const QString& instance);
    /// The instance definition to create on the backup from @p instance (an
    /// instance's JSON from LXD): type, architecture, profiles, devices and
    /// config without volatile keys (but volatile.base_image), with
    /// boot.autostart false so the copy never starts alongside main.
    static QJsonObject copyDefinition(const QJsonObject& instance);
    /// The bytes in an LXD transfer progress text ("web: 12.5MB (3MB/s)").
    static std::optional<qint64> bytesFromProgress(const QString& text);

    /// The bytes of a whole transfer from LXD's progress reports. LXD counts
    /// each volume (every snapshot, then the root filesystem) from zero again,
    /// so a figure smaller than the one before starts a new volume.
    struct ByteTally
    {
        qint64 finishedVolumes = 0;
        qint64 currentVolume = 0;
        bool seen = false;

        void add(qint64 reported);
        qint64 total() const { return seen ? finishedVolumes + currentVolume : -1; }
    };

signals:
    void stageChanged(relais::LxdReplicationJob::Stage stage);
    /// @p percent is -1 when LXD gives only a text.
    void progress(const QString& text, int percent);
    void finished();

private:
    using Next = std::function<void(const Result<QJsonValue>&)>;

    LxdOperation* call(LxdClient* client, const QByteArray& method, const QString& path,
                       const QJsonValue& body, Next next);
    /// False when the job ended meanwhile (a receiver cancelled it).
    bool setStage(Stage stage);
    void readSource();
    void readBackup();
    /// Once both sides are read: on with the backup's leftovers.
    void afterReads();
    void putLeftoversRight(bool hasTarget, bool hasStaging, bool hasPrevious);
    void clone();
    void transfer();
    void onOffered(LxdOperation* source);
    void onTransferDone();
    /// Checks the new copy: stopped, boot.autostart false (set once when
    /// not, then checked again: @p patched).
    void verify(bool patched = false);
    void swap();
    void keepReplaced(const QString& kept);
    void fail(const Error& error);
    void afterFailure();
    void cleanUp(int attempt);
    void finish(Result<LxdReplicationReport> result);
    QString instancePath(const QString& name) const;

    QPointer<LxdClient> m_main;
    QPointer<LxdClient> m_backup;
    QString m_instance;
    QString m_sourceUrl;
    LxdReplicationHistory* m_history = nullptr;
    int m_timeoutMs = 0;
    QTimer m_timer;
    bool m_running = false;
    Stage m_stage = Stage::Preparing;
    QList<QPointer<LxdOperation>> m_ops;

    struct BackupState
    {
        bool hasTarget = false;
        bool hasStaging = false;
        bool hasPrevious = false;
    };
    bool m_sourceRead = false;
    std::optional<BackupState> m_backupRead; ///< the backup's instances, until used

    QString m_certificate;        ///< main's server certificate (PEM)
    QJsonObject m_definition;     ///< what to create on the backup
    QJsonObject m_copyDefinition; ///< the current copy's own, for the clone
    bool m_keepReplaced = false;
    QString m_keptName;          ///< setKeepReplaced(): where the replaced instance goes
    QString m_replacedAutostart; ///< its boot.autostart ("" when not set)
    bool m_incremental = false;
    bool m_stagingMayExist = false;
    QPointer<LxdOperation> m_source;
    QPointer<LxdOperation> m_target;
    std::optional<Result<QJsonValue>> m_sourceResult;
    std::optional<Result<QJsonValue>> m_targetResult;
    std::optional<Error> m_error; ///< the failure being cleaned up after
    bool m_cleaning = false;

    LxdReplicationReport m_report;
    ByteTally m_bytes;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_transferTimer;
    std::optional<Result<LxdReplicationReport>> m_result;
};

} // namespace relais
