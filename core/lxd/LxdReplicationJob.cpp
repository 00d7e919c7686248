#include "LxdReplicationJob.h"

#include "LxdClient.h"
#include "LxdError.h"
#include "LxdOperation.h"
#include "LxdReplicationHistory.h"
#include "common/Logging.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace relais {

namespace {

/// Each request's limit; the transfer itself is bounded by the job's timeout.
constexpr int kStepTimeoutMs = 120000;
constexpr int kCleanUpAttempts = 3;
constexpr int kCleanUpDelayMs = 1000;
constexpr int kStatusStopped = 102;

QJsonObject withName(QJsonObject object, const QString& name)
{
    object.insert(QStringLiteral("name"), name);
    return object;
}

} // namespace

LxdReplicationJob::LxdReplicationJob(LxdClient* main, LxdClient* backup, QString instance,
                                     QObject* parent)
    : QObject(parent)
    , m_main(main)
    , m_backup(backup)
    , m_instance(std::move(instance))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_stage == Stage::Swapping) {
            qCInfo(lcLxd) << "the replication of" << m_instance
                          << "ran out of time while its new copy is put in place: letting it end";
            return;
        }
        fail(
            Error(LxdError::Timeout, QStringLiteral("the replication of %1 did not end within %2 s")
                                         .arg(m_instance)
                                         .arg(m_timeoutMs / 1000.0)));
    });
}

LxdReplicationJob::~LxdReplicationJob()
{
    for (const QPointer<LxdOperation>& op : std::as_const(m_ops)) {
        if (op) {
            op->disconnect(this);
            op->cancel();
            op->deleteLater();
        }
    }
}

QString LxdReplicationJob::stagingName(const QString& instance)
{
    return instance + QStringLiteral("-relais-new");
}

QString LxdReplicationJob::previousName(const QString& instance)
{
    return instance + QStringLiteral("-relais-old");
}

QString LxdReplicationJob::keptName(const QString& instance, const QDateTime& at)
{
    const QString suffix = QStringLiteral("-before-failback-") +
                           at.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString name = instance.left(63 - suffix.size());
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name + suffix;
}

QJsonObject LxdReplicationJob::copyDefinition(const QJsonObject& instance)
{
    QJsonObject config;
    const QJsonObject source = instance.value(QStringLiteral("config")).toObject();
    for (auto it = source.begin(); it != source.end(); ++it) {
        if (it.key().startsWith(QLatin1String("volatile.")) &&
            it.key() != QLatin1String("volatile.base_image"))
            continue;
        config.insert(it.key(), it.value());
    }
    config.insert(QStringLiteral("boot.autostart"), QStringLiteral("false"));
    QJsonObject definition{
        {QStringLiteral("type"),
         instance.value(QStringLiteral("type")).toString(QStringLiteral("container"))},
        {QStringLiteral("profiles"), instance.value(QStringLiteral("profiles")).toArray()},
        {QStringLiteral("devices"), instance.value(QStringLiteral("devices")).toObject()},
        {QStringLiteral("config"), config},
        {QStringLiteral("ephemeral"), false},
        {QStringLiteral("stateful"), false},
        {QStringLiteral("description"), instance.value(QStringLiteral("description")).toString()},
    };
    const QString architecture = instance.value(QStringLiteral("architecture")).toString();
    if (!architecture.isEmpty())
        definition.insert(QStringLiteral("architecture"), architecture);
    return definition;
}

std::optional<qint64> LxdReplicationJob::bytesFromProgress(const QString& text)
{
    // LXD writes sizes with decimal prefixes ("4B", "12.50MB", "1.2GB"),
    // the binary ones ("MiB") in some versions: both are read.
    static const QRegularExpression size(
        QStringLiteral(R"(:\s*([0-9]+(?:\.[0-9]+)?)\s*([kKMGTP]?)(i?)B\b)"));
    const QRegularExpressionMatch match = size.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = match.captured(1).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const double base = match.captured(3).isEmpty() ? 1000.0 : 1024.0;
    const QString prefix = match.captured(2).toUpper();
    int power = 0;
    if (!prefix.isEmpty())
        power = int(QStringLiteral("KMGTP").indexOf(prefix)) + 1;
    double bytes = value;
    for (int i = 0; i < power; ++i)
        bytes *= base;
    return static_cast<qint64>(bytes + 0.5);
}

void LxdReplicationJob::ByteTally::add(qint64 reported)
{
    if (seen && reported < currentVolume)
        finishedVolumes += currentVolume;
    currentVolume = reported;
    seen = true;
}

QString LxdReplicationJob::instancePath(const QString& name) const
{
    return QStringLiteral("/1.0/instances/%1")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(name)));
}

LxdOperation* LxdReplicationJob::call(LxdClient* client, const QByteArray& method,
                                      const QString& path, const QJsonValue& body, Next next)
{
    LxdOperation* op = client->request(method, path, body);
    op->setTimeout(kStepTimeoutMs);
    m_ops.append(op);
    connect(op, &LxdOperation::finished, this, [this, op, next = std::move(next)] {
        m_ops.removeAll(op);
        op->deleteLater();
        if (m_running)
            next(op->result());
    });
    op->start();
    return op;
}

bool LxdReplicationJob::setStage(Stage stage)
{
    if (m_stage != stage) {
        m_stage = stage;
        qCDebug(lcLxd) << "replication of" << m_instance << "stage" << stage;
        emit stageChanged(stage);
    }
    // A receiver may have cancelled the job.
    return m_running && (!m_error || stage == Stage::CleaningUp);
}

void LxdReplicationJob::start()
{
    if (m_running || m_result)
        return;
    m_running = true;
    m_elapsed.start();
    m_report.instance = m_instance;
    m_report.startedAt = QDateTime::currentDateTimeUtc();
    m_keptName = keptName(m_instance, m_report.startedAt);
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
    if (!m_main || !m_backup) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(Error(LxdError::Unreachable, QStringLiteral("the LXD client is gone")));
            },
            Qt::QueuedConnection);
        return;
    }
    emit stageChanged(m_stage);
    // Both sides are read at once: each may first have to open its
    // connection (an SSH session, a TLS handshake).
    if (m_running && !m_error)
        readSource();
    if (m_running && !m_error)
        readBackup();
}

void LxdReplicationJob::readSource()
{
    call(m_main, "GET", QStringLiteral("/1.0"), {}, [this](const Result<QJsonValue>& server) {
        if (!server) {
            fail(server.error());
            return;
        }
        const QJsonObject environment =
            server->toObject().value(QStringLiteral("environment")).toObject();
        m_certificate = environment.value(QStringLiteral("certificate")).toString();
        if (m_sourceUrl.isEmpty()) {
            const QJsonArray addresses = environment.value(QStringLiteral("addresses")).toArray();
            if (addresses.isEmpty()) {
                fail(Error(LxdError::Rejected,
                           QStringLiteral("main's LXD does not listen on the network "
                                          "(core.https_address is not set): the backup "
                                          "cannot pull %1 from it")
                               .arg(m_instance)));
                return;
            }
            m_sourceUrl = QStringLiteral("https://") + addresses.first().toString();
        }
        if (m_certificate.isEmpty()) {
            fail(Error(LxdError::ProtocolError,
                       QStringLiteral("main's LXD did not give its certificate")));
            return;
        }
        call(m_main, "GET", instancePath(m_instance), {},
             [this](const Result<QJsonValue>& instance) {
                 if (!instance) {
                     fail(instance.error());
                     return;
                 }
                 m_definition = copyDefinition(instance->toObject());
                 m_sourceRead = true;
                 afterReads();
             });
    });
}

void LxdReplicationJob::readBackup()
{
    call(m_backup, "GET", QStringLiteral("/1.0/instances?recursion=1"), {},
         [this](const Result<QJsonValue>& list) {
             if (!list) {
                 fail(list.error());
                 return;
             }
             bool hasTarget = false;
             bool hasStaging = false;
             bool hasPrevious = false;
             for (const QJsonValue& value : list->toArray()) {
                 const QJsonObject instance = value.toObject();
                 const QString name = instance.value(QStringLiteral("name")).toString();
                 if (name == m_instance) {
                     hasTarget = true;
                     if (instance.value(QStringLiteral("status_code")).toInt() != kStatusStopped) {
                         fail(Error(LxdError::Rejected,
                                    QStringLiteral("the copy of %1 on the backup is %2: it may "
                                                   "be serving users, so it is not replaced")
                                        .arg(m_instance, instance.value(QStringLiteral("status"))
                                                             .toString()
                                                             .toLower())));
                         return;
                     }
                     m_copyDefinition = copyDefinition(instance);
                     m_replacedAutostart = instance.value(QStringLiteral("config"))
                                               .toObject()
                                               .value(QStringLiteral("boot.autostart"))
                                               .toString();
                 } else if (name == stagingName(m_instance)) {
                     hasStaging = true;
                 } else if (name == previousName(m_instance)) {
                     hasPrevious = true;
                 }
             }
             m_backupRead = {hasTarget, hasStaging, hasPrevious};
             afterReads();
         });
}

void LxdReplicationJob::afterReads()
{
    if (!m_sourceRead || !m_backupRead)
        return;
    const BackupState state = *m_backupRead;
    m_backupRead.reset();
    putLeftoversRight(state.hasTarget, state.hasStaging, state.hasPrevious);
}

void LxdReplicationJob::putLeftoversRight(bool hasTarget, bool hasStaging, bool hasPrevious)
{
    // A staging instance is never a good copy: a run stopped before the swap.
    if (hasStaging) {
        qCInfo(lcLxd) << "removing the staging copy an earlier replication left:"
                      << stagingName(m_instance);
        call(m_backup, "DELETE", instancePath(stagingName(m_instance)), {},
             [this, hasTarget, hasPrevious](const Result<QJsonValue>& deleted) {
                 if (!deleted && !deleted.error().is(LxdError::NotFound)) {
                     fail(deleted.error());
                     return;
                 }
                 putLeftoversRight(hasTarget, false, hasPrevious);
             });
        return;
    }
    if (hasPrevious && !hasTarget) {
        // Interrupted between the two renames: the old copy is the good one.
        qCInfo(lcLxd) << "giving" << previousName(m_instance) << "its name back";
        call(m_backup, "POST", instancePath(previousName(m_instance)),
             QJsonObject{{QStringLiteral("name"), m_instance}},
             [this](const Result<QJsonValue>& r) {
                 if (!r) {
                     fail(r.error());
                     return;
                 }
                 readBackup();
             });
        return;
    }
    if (hasPrevious) {
        // Interrupted after the swap: the new copy has the name already.
        call(m_backup, "DELETE", instancePath(previousName(m_instance)), {},
             [this, hasTarget](const Result<QJsonValue>& deleted) {
                 if (!deleted && !deleted.error().is(LxdError::NotFound)) {
                     fail(deleted.error());
                     return;
                 }
                 putLeftoversRight(hasTarget, false, false);
             });
        return;
    }
    m_incremental = hasTarget;
    m_report.incremental = hasTarget;
    if (hasTarget)
        clone();
    else
        transfer();
}

void LxdReplicationJob::clone()
{
    m_stagingMayExist = true;
    if (!setStage(Stage::Cloning))
        return;
    QJsonObject body = withName(m_copyDefinition, stagingName(m_instance));
    body.insert(QStringLiteral("source"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("copy")},
                            {QStringLiteral("source"), m_instance},
                            {QStringLiteral("instance_only"), false}});
    call(m_backup, "POST", QStringLiteral("/1.0/instances"), body,
         [this](const Result<QJsonValue>& cloned) {
             if (!cloned) {
                 fail(cloned.error());
                 return;
             }
             transfer();
         });
}

void LxdReplicationJob::transfer()
{
    if (!setStage(Stage::Transferring))
        return;
    m_transferTimer.start();
    m_sourceResult.reset();
    m_targetResult.reset();
    LxdOperation* source = m_main->request("POST", instancePath(m_instance),
                                           QJsonObject{{QStringLiteral("migration"), true},
                                                       {QStringLiteral("live"), false},
                                                       {QStringLiteral("instance_only"), false}});
    m_source = source;
    m_ops.append(source);
    // The operation's state (with the secrets) is read just after
    // operationCreated() is emitted: hence the queued connection.
    connect(
        source, &LxdOperation::operationCreated, this, [this, source] { onOffered(source); },
        Qt::QueuedConnection);
    connect(source, &LxdOperation::finished, this, [this, source] {
        m_ops.removeAll(source);
        source->deleteLater();
        if (!m_running)
            return;
        m_sourceResult = source->result();
        if (!*m_sourceResult && !m_target) {
            fail(m_sourceResult->error());
            return;
        }
        onTransferDone();
    });
    source->start();
}

void LxdReplicationJob::onOffered(LxdOperation* source)
{
    if (!m_running || m_stage != Stage::Transferring || m_target)
        return;
    const std::optional<LxdOperationState>& state = source->operationState();
    const QJsonObject secrets = state ? state->metadata : QJsonObject();
    if (secrets.isEmpty()) {
        fail(Error(
            LxdError::ProtocolError,
            QStringLiteral("main's LXD offered %1 without migration secrets").arg(m_instance)));
        return;
    }
    const QString operationUrl =
        m_sourceUrl + QStringLiteral("/1.0/operations/") + source->operationId();
    QJsonObject body = withName(m_definition, m_incremental ? stagingName(m_instance) : m_instance);
    body.insert(QStringLiteral("source"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("migration")},
                            {QStringLiteral("mode"), QStringLiteral("pull")},
                            {QStringLiteral("operation"), operationUrl},
                            {QStringLiteral("certificate"), m_certificate},
                            {QStringLiteral("secrets"), secrets},
                            {QStringLiteral("live"), false},
                            {QStringLiteral("instance_only"), false},
                            {QStringLiteral("refresh"), m_incremental}});
    if (!m_incremental) {
        // A first copy is made straight under its name: there is nothing to
        // keep, and a failure removes the partial instance.
        m_stagingMayExist = true;
    }
    LxdOperation* target = m_backup->request("POST", QStringLiteral("/1.0/instances"), body);
    m_target = target;
    m_ops.append(target);
    connect(target, &LxdOperation::progress, this, [this](const QString& text, int percent) {
        if (const auto bytes = bytesFromProgress(text)) {
            m_bytes.add(*bytes);
            m_report.bytes = m_bytes.total();
        }
        emit progress(text, percent);
    });
    connect(target, &LxdOperation::finished, this, [this, target] {
        m_ops.removeAll(target);
        target->deleteLater();
        if (!m_running)
            return;
        m_targetResult = target->result();
        if (*m_targetResult) {
            const QJsonObject metadata = m_targetResult->value().toObject();
            for (auto it = metadata.begin(); it != metadata.end(); ++it) {
                if (it.key() == QLatin1String("fs_progress")) {
                    if (const auto bytes = bytesFromProgress(it.value().toString())) {
                        m_bytes.add(*bytes);
                        m_report.bytes = m_bytes.total();
                    }
                }
            }
        }
        onTransferDone();
    });
    target->start();
}

void LxdReplicationJob::onTransferDone()
{
    if (m_targetResult && !*m_targetResult) {
        fail(m_targetResult->error());
        return;
    }
    if (m_sourceResult && !*m_sourceResult) {
        fail(m_sourceResult->error());
        return;
    }
    if (!m_targetResult || !m_sourceResult)
        return; // the other side has not ended yet
    m_report.transferMs = m_transferTimer.elapsed();
    verify();
}

void LxdReplicationJob::verify(bool patched)
{
    if (!setStage(Stage::Verifying))
        return;
    const QString name = m_incremental ? stagingName(m_instance) : m_instance;
    call(m_backup, "GET", instancePath(name), {},
         [this, name, patched](const Result<QJsonValue>& got) {
             if (!got) {
                 fail(got.error());
                 return;
             }
             const QJsonObject instance = got->toObject();
             const QString autostart = instance.value(QStringLiteral("config"))
                                           .toObject()
                                           .value(QStringLiteral("boot.autostart"))
                                           .toString();
             const bool stopped =
                 instance.value(QStringLiteral("status_code")).toInt() == kStatusStopped;
             if (stopped && autostart != QLatin1String("false") && !patched) {
                 // The refresh keeps the staging instance's own config: the
                 // copy must never start by itself. Set, then checked again.
                 call(m_backup, "PATCH", instancePath(name),
                      QJsonObject{
                          {QStringLiteral("config"), QJsonObject{{QStringLiteral("boot.autostart"),
                                                                  QStringLiteral("false")}}}},
                      [this](const Result<QJsonValue>& done) {
                          if (!done) {
                              fail(done.error());
                              return;
                          }
                          verify(true);
                      });
                 return;
             }
             if (!stopped || autostart != QLatin1String("false")) {
                 fail(
                     Error(LxdError::OperationFailed,
                           QStringLiteral("the new copy of %1 is %2 with boot.autostart "
                                          "\"%3\"; expected stopped and false")
                               .arg(m_instance, instance.value(QStringLiteral("status")).toString(),
                                    autostart)));
                 return;
             }
             if (m_incremental) {
                 swap();
             } else {
                 m_stagingMayExist = false;
                 finish(m_report);
             }
         });
}

void LxdReplicationJob::swap()
{
    if (!setStage(Stage::Swapping))
        return;
    const QString staging = stagingName(m_instance);
    // A failback keeps main's replaced instance under a name of its own,
    // which no later run deletes.
    const QString previous = m_keepReplaced ? m_keptName : previousName(m_instance);
    call(m_backup, "POST", instancePath(m_instance),
         QJsonObject{{QStringLiteral("name"), previous}},
         [this, staging, previous](const Result<QJsonValue>& aside) {
             if (!aside) {
                 fail(aside.error());
                 return;
             }
             call(m_backup, "POST", instancePath(staging),
                  QJsonObject{{QStringLiteral("name"), m_instance}},
                  [this, previous](const Result<QJsonValue>& renamed) {
                      if (!renamed) {
                          const Error error = renamed.error();
                          // Give the previous copy its name back before anything else.
                          call(m_backup, "POST", instancePath(previous),
                               QJsonObject{{QStringLiteral("name"), m_instance}},
                               [this, error](const Result<QJsonValue>& back) {
                                   if (!back)
                                       qCWarning(lcLxd) << "could not give the previous copy its "
                                                           "name back:"
                                                        << back.error().message();
                                   fail(error);
                               });
                          return;
                      }
                      m_stagingMayExist = false;
                      if (m_keepReplaced) {
                          keepReplaced(previous);
                          return;
                      }
                      call(m_backup, "DELETE", instancePath(previous), {},
                           [this, previous](const Result<QJsonValue>& deleted) {
                               // The new copy is in place: a previous copy left
                               // behind is removed by the next run.
                               if (!deleted)
                                   qCWarning(lcLxd) << "could not delete" << previous << ":"
                                                    << deleted.error().message();
                               finish(m_report);
                           });
                  });
         });
}

void LxdReplicationJob::keepReplaced(const QString& kept)
{
    m_report.keptAs = kept;
    // The kept instance never starts at boot beside the new one; the new
    // one starts at boot as the replaced one did. The swap is done: a
    // failure here is said, not undone.
    call(
        m_backup, "PATCH", instancePath(kept),
        QJsonObject{{QStringLiteral("config"),
                     QJsonObject{{QStringLiteral("boot.autostart"), QStringLiteral("false")}}}},
        [this, kept](const Result<QJsonValue>& parked) {
            if (!parked) {
                fail(Error(parked.error().code<LxdError>().value_or(LxdError::OperationFailed),
                           QStringLiteral("%1 is in place, but its replaced instance, kept as "
                                          "%2, could not be kept from starting at boot: %3")
                               .arg(m_instance, kept, parked.error().message())));
                return;
            }
            call(
                m_backup, "PATCH", instancePath(m_instance),
                QJsonObject{{QStringLiteral("config"),
                             QJsonObject{{QStringLiteral("boot.autostart"), m_replacedAutostart}}}},
                [this](const Result<QJsonValue>& restored) {
                    if (!restored) {
                        fail(Error(
                            restored.error().code<LxdError>().value_or(LxdError::OperationFailed),
                            QStringLiteral("%1 is in place, but its boot.autostart "
                                           "could not be set back to \"%2\": %3")
                                .arg(m_instance, m_replacedAutostart, restored.error().message())));
                        return;
                    }
                    finish(m_report);
                });
        });
}

void LxdReplicationJob::setTimeout(int ms)
{
    m_timeoutMs = ms;
    if (!m_running)
        return;
    if (ms > 0)
        m_timer.start(ms);
    else
        m_timer.stop();
}

void LxdReplicationJob::cancel()
{
    if (!m_running || m_error)
        return;
    if (m_stage == Stage::Swapping) {
        qCInfo(lcLxd) << "not cancelling the replication of" << m_instance
                      << ": the new copy is being put in place";
        return;
    }
    fail(Error(LxdError::Cancelled,
               QStringLiteral("the replication of %1 was cancelled").arg(m_instance)));
}

void LxdReplicationJob::fail(const Error& error)
{
    if (!m_running || m_error)
        return;
    m_error = error;
    m_timer.stop();
    // Main's side is cancelled outright: without its offer the backup's
    // transfer fails too. The backup's requests are let run to their end
    // (LXD cannot cancel an instance creation, and a clone still being made
    // must be finished before it can be deleted); the transfer is asked to
    // stop.
    const QList<QPointer<LxdOperation>> ops = m_ops;
    for (const QPointer<LxdOperation>& op : ops) {
        if (!op)
            continue;
        op->disconnect(this);
        if (op->parent() != m_backup.data() || !op->isRunning()) {
            m_ops.removeAll(op);
            op->cancel();
            op->deleteLater();
            continue;
        }
        if (op == m_target && !op->operationId().isEmpty())
            m_backup->cancelOperation(op->operationId());
        LxdOperation* raw = op.data();
        connect(raw, &LxdOperation::finished, this, [this, raw] {
            m_ops.removeAll(raw);
            raw->deleteLater();
            afterFailure();
        });
    }
    afterFailure();
}

void LxdReplicationJob::afterFailure()
{
    if (!m_running || m_cleaning)
        return;
    for (const QPointer<LxdOperation>& op : std::as_const(m_ops)) {
        if (op && op->isRunning())
            return; // the backup is still busy: clean up after it
    }
    m_cleaning = true;
    if (!m_stagingMayExist) {
        finish(*m_error);
        return;
    }
    setStage(Stage::CleaningUp);
    cleanUp(1);
}

void LxdReplicationJob::cleanUp(int attempt)
{
    // The staging instance (or a partial first copy) goes; the copy the
    // backup had stays as it was.
    const QString name = m_incremental ? stagingName(m_instance) : m_instance;
    LxdOperation* op = m_backup->request("DELETE", instancePath(name));
    op->setTimeout(kStepTimeoutMs);
    m_ops.append(op);
    connect(op, &LxdOperation::finished, this, [this, op, attempt, name] {
        m_ops.removeAll(op);
        if (!m_running)
            return;
        op->deleteLater();
        const Result<QJsonValue>& deleted = op->result();
        if (deleted || deleted.error().is(LxdError::NotFound)) {
            finish(*m_error);
            return;
        }
        if (attempt < kCleanUpAttempts) {
            // The cancelled transfer may still hold the instance for a moment.
            QTimer::singleShot(kCleanUpDelayMs, this, [this, attempt] { cleanUp(attempt + 1); });
            return;
        }
        qCWarning(lcLxd) << "could not delete" << name << ":" << deleted.error().message()
                         << "(the next replication removes it)";
        finish(*m_error);
    });
    op->start();
}

void LxdReplicationJob::finish(Result<LxdReplicationReport> result)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    const QDateTime endedAt = QDateTime::currentDateTimeUtc();
    if (result)
        result->endedAt = endedAt;
    if (m_history) {
        LxdReplicationRecord record;
        record.instance = m_instance;
        record.startedAt = m_report.startedAt;
        record.endedAt = endedAt;
        record.incremental = m_report.incremental;
        record.bytes = m_report.bytes;
        if (result) {
            record.outcome = LxdReplicationRecord::Outcome::Success;
        } else {
            record.outcome = result.error().is(LxdError::Cancelled)
                                 ? LxdReplicationRecord::Outcome::Cancelled
                                 : LxdReplicationRecord::Outcome::Fail;
            record.message = result.error().message();
        }
        if (auto recorded = m_history->record(record); !recorded)
            qCWarning(lcLxd) << "replication not recorded:" << recorded.error().message();
    }
    if (result)
        qCInfo(lcLxd) << "replicated" << m_instance << "in" << result->durationMs() << "ms";
    else
        qCInfo(lcLxd) << "replication of" << m_instance << "failed:" << result.error().message();
    m_result = std::move(result);
    emit finished();
}

} // namespace relais
