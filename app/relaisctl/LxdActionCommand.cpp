#include "LxdActionCommand.h"

#include "ExitCode.h"
#include "InterruptNotifier.h"
#include "SshCommand.h"
#include "common/Paths.h"
#include "common/SystemClock.h"
#include "lxd/LxdClient.h"
#include "lxd/LxdError.h"
#include "lxd/LxdHttpsAccess.h"
#include "lxd/LxdHttpsTransport.h"
#include "lxd/LxdOperation.h"
#include "lxd/LxdSafeRestoreJob.h"
#include "lxd/LxdSnapshotSettings.h"
#include "lxd/LxdSshTransport.h"
#include "site/SiteDocument.h"
#include "ssh/SshError.h"
#include "ssh/SshSession.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThread>
#include <QUrl>
#include <unistd.h>

namespace relais {

namespace {

/// "7d", "12h", "1w", "30m", "1d12h": seconds; nullopt when not a duration.
std::optional<qint64> parseDuration(const QString& text)
{
    static const QRegularExpression whole(QStringLiteral("^(\\d+[smhdw])+$"));
    static const QRegularExpression part(QStringLiteral("(\\d+)([smhdw])"));
    if (!whole.match(text).hasMatch())
        return std::nullopt;
    qint64 seconds = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const qint64 n = m.captured(1).toLongLong();
        switch (m.captured(2).at(0).toLatin1()) {
        case 's':
            seconds += n;
            break;
        case 'm':
            seconds += n * 60;
            break;
        case 'h':
            seconds += n * 3600;
            break;
        case 'd':
            seconds += n * 86400;
            break;
        case 'w':
            seconds += n * 7 * 86400;
            break;
        }
    }
    return seconds > 0 ? std::optional<qint64>(seconds) : std::nullopt;
}

QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString encoded(const QString& part)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

} // namespace

LxdActionCommand::LxdActionCommand(QTextStream& out, QTextStream& err, QObject* parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{}

LxdActionCommand::~LxdActionCommand()
{
    delete m_interrupt;
    delete m_op;
    delete m_restore;
    delete m_client; // its tunnel goes before the session it uses
    m_session.reset();
}

QStringList LxdActionCommand::actions()
{
    return {QStringLiteral("start"),           QStringLiteral("stop"),
            QStringLiteral("restart"),         QStringLiteral("snapshot"),
            QStringLiteral("snapshots"),       QStringLiteral("restore"),
            QStringLiteral("delete-snapshot"), QStringLiteral("snapshot-settings")};
}

QString LxdActionCommand::usage()
{
    return tr("  relaisctl lxd start --site FILE HOST INSTANCE\n"
              "  relaisctl lxd stop|restart --site FILE [--timeout S] [--force] HOST INSTANCE\n"
              "  relaisctl lxd snapshot --site FILE [--expiry DURATION] HOST INSTANCE [NAME]\n"
              "  relaisctl lxd snapshots --site FILE [--json] HOST INSTANCE\n"
              "  relaisctl lxd restore --site FILE HOST INSTANCE SNAPSHOT\n"
              "  relaisctl lxd delete-snapshot --site FILE HOST INSTANCE SNAPSHOT\n"
              "  relaisctl lxd snapshot-settings --site FILE [--schedule CRON] [--expiry "
              "DURATION]\n"
              "                                  [--pattern PATTERN] HOST INSTANCE");
}

int LxdActionCommand::start(const QStringList& arguments)
{
    m_action = arguments.value(1);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Act on one LXD instance of main or backup through SSH. A restore first takes a "
           "safety snapshot (relais-before-restore-…, kept 7 days) so it can be undone. "
           "Ctrl-C cancels the running LXD operation when LXD allows it.\n\n%1")
            .arg(usage()));
    parser.addHelpOption();
    const QCommandLineOption siteOption(QStringLiteral("site"), tr("The site document."),
                                        tr("FILE"));
    const QCommandLineOption vaultOption(
        QStringLiteral("vault"),
        tr("The vault with the SSH keys (default: the site's \"vault\", else %1).")
            .arg(Paths::vaultFile()),
        tr("FILE"));
    const QCommandLineOption passphraseOption(
        QStringLiteral("passphrase-file"),
        tr("Read the vault passphrase from FILE (its first line); else from "
           "RELAIS_VAULT_PASSPHRASE, else from the terminal."),
        tr("FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        tr("snapshots, snapshot-settings: print JSON."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        tr("stop, restart: seconds to wait for a clean shutdown (default 30)."), tr("S"));
    const QCommandLineOption forceOption(QStringLiteral("force"),
                                         tr("stop, restart: stop at once, not cleanly."));
    const QCommandLineOption expiryOption(
        QStringLiteral("expiry"),
        tr("snapshot: delete the snapshot after DURATION (7d, 12h, 2w…); snapshot-settings: "
           "snapshots.expiry (\"\" removes it)."),
        tr("DURATION"));
    const QCommandLineOption scheduleOption(
        QStringLiteral("schedule"),
        tr("snapshot-settings: snapshots.schedule, cron or @daily (\"\" removes it)."), tr("CRON"));
    const QCommandLineOption patternOption(
        QStringLiteral("pattern"), tr("snapshot-settings: snapshots.pattern (\"\" removes it)."),
        tr("PATTERN"));
    parser.addOptions({siteOption, vaultOption, passphraseOption, jsonOption, timeoutOption,
                       forceOption, expiryOption, scheduleOption, patternOption});
    parser.addPositionalArgument(QStringLiteral("HOST"), tr("main or backup."));
    parser.addPositionalArgument(QStringLiteral("INSTANCE"), tr("The instance."));
    if (!parser.parse(QStringList{arguments.value(0) + QLatin1Char(' ') + m_action} +
                      arguments.mid(2))) {
        m_err << parser.errorText() << Qt::endl;
        return ExitCode::Error;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    int extra = 0;
    if (m_action == QLatin1String("restore") || m_action == QLatin1String("delete-snapshot"))
        extra = 1;
    const bool optionalName = m_action == QLatin1String("snapshot");
    if (!parser.isSet(siteOption) || positional.size() < 2 + extra ||
        positional.size() > 2 + extra + (optionalName ? 1 : 0)) {
        m_err << tr("Usage:") << Qt::endl << usage() << Qt::endl;
        return ExitCode::Error;
    }
    m_role = positional.at(0);
    m_instance = positional.at(1);
    m_args = positional.mid(2);
    if (m_role != QLatin1String("main") && m_role != QLatin1String("backup")) {
        m_err << tr("Unknown host \"%1\": use main or backup.").arg(m_role) << Qt::endl;
        return ExitCode::Error;
    }
    m_json = parser.isSet(jsonOption);
    m_force = parser.isSet(forceOption);
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        m_timeoutSeconds = parser.value(timeoutOption).toInt(&ok);
        if (!ok || m_timeoutSeconds < 0) {
            m_err << tr("--timeout takes a number of seconds.") << Qt::endl;
            return ExitCode::Error;
        }
    }
    if (m_action == QLatin1String("snapshot") && parser.isSet(expiryOption)) {
        const auto seconds = parseDuration(parser.value(expiryOption));
        if (!seconds) {
            m_err << tr("--expiry takes a duration such as 7d, 12h or 2w.") << Qt::endl;
            return ExitCode::Error;
        }
        m_expiresAt = QDateTime::currentDateTimeUtc().addSecs(*seconds);
    }
    if (m_action == QLatin1String("snapshot-settings")) {
        if (parser.isSet(scheduleOption))
            m_settings.insert(QStringLiteral("snapshots.schedule"), parser.value(scheduleOption));
        if (parser.isSet(expiryOption))
            m_settings.insert(QStringLiteral("snapshots.expiry"), parser.value(expiryOption));
        if (parser.isSet(patternOption))
            m_settings.insert(QStringLiteral("snapshots.pattern"), parser.value(patternOption));
    }

    m_sitePath = parser.value(siteOption);
    const Result<Site> site = SiteDocument::load(m_sitePath);
    if (!site) {
        m_err << tr("Cannot use the site %1: %2").arg(m_sitePath, site.error().toString())
              << Qt::endl;
        return ExitCode::Error;
    }
    const Host& host =
        site->host(m_role == QLatin1String("main") ? HostRole::Main : HostRole::Backup);
    m_address = host.address;
    if (!host.lxd) {
        m_err << tr("The site gives %1 no LXD endpoint.").arg(m_role) << Qt::endl;
        return ExitCode::Error;
    }
    const QString vaultPath = parser.isSet(vaultOption)
                                  ? parser.value(vaultOption)
                                  : SiteDocument::vaultPath(*site, m_sitePath);
    std::optional<QString> passphraseFile;
    if (parser.isSet(passphraseOption))
        passphraseFile = parser.value(passphraseOption);
    std::optional<Vault> vault = SshCommand::openVault(vaultPath, passphraseFile, m_err);
    if (!vault)
        return ExitCode::Error;
    if (host.lxd->transport == LxdEndpoint::Transport::Https) {
        const Result<LxdHttpsAccess> access = LxdHttpsAccess::read(*vault, *host.lxd);
        if (!access) {
            m_err << tr("Cannot reach the LXD of %1: %2; run \"relaisctl lxd trust\".")
                         .arg(m_role, access.error().message())
                  << Qt::endl;
            return ExitCode::Error;
        }
        m_client = new LxdClient(access->transport(&m_tlsTrust));
    } else {
        std::optional<SshSessionOptions> options =
            SshCommand::sessionOptions(*vault, host, vaultPath, m_err);
        if (!options)
            return ExitCode::Error;
        m_session = std::make_unique<SshSession>(std::move(*options), &m_verifier);
        m_client = new LxdClient(new LxdSshTransport(m_session.get(), host.lxd->socketPath));
    }
    m_terminal = ::isatty(STDERR_FILENO) == 1;
    m_interrupt = new InterruptNotifier;
    connect(m_interrupt, &InterruptNotifier::interrupted, this, &LxdActionCommand::onInterrupted);

    const QString done = tr("%1 on %2").arg(m_instance, m_role);
    if (m_action == QLatin1String("start")) {
        run(m_client->startInstance(m_instance), [this, done](const QJsonValue&) {
            m_out << tr("Started %1.").arg(done) << Qt::endl;
            finish(ExitCode::Ok);
        });
    } else if (m_action == QLatin1String("stop") || m_action == QLatin1String("restart")) {
        const bool stop = m_action == QLatin1String("stop");
        showProgress(stop ? tr("Stopping %1…").arg(done) : tr("Restarting %1…").arg(done));
        run(stop ? m_client->stopInstance(m_instance, m_timeoutSeconds, m_force)
                 : m_client->restartInstance(m_instance, m_timeoutSeconds, m_force),
            [this, done, stop](const QJsonValue&) {
                m_out << (stop ? tr("Stopped %1.") : tr("Restarted %1.")).arg(done) << Qt::endl;
                finish(ExitCode::Ok);
            });
    } else if (m_action == QLatin1String("snapshot")) {
        runSnapshot();
    } else if (m_action == QLatin1String("snapshots")) {
        run(m_client->listSnapshots(m_instance),
            [this](const QJsonValue& result) { printSnapshots(result); });
    } else if (m_action == QLatin1String("restore")) {
        runRestore();
    } else if (m_action == QLatin1String("delete-snapshot")) {
        run(m_client->deleteSnapshot(m_instance, m_args.at(0)), [this, done](const QJsonValue&) {
            m_out << tr("Deleted snapshot %1 of %2.").arg(m_args.at(0), done) << Qt::endl;
            finish(ExitCode::Ok);
        });
    } else {
        runSettings();
    }
    return -1;
}

void LxdActionCommand::run(LxdOperation* op, Next next)
{
    m_op = op;
    m_operationId.clear();
    connect(op, &LxdOperation::operationCreated, this,
            [this](const QString& id) { m_operationId = id; });
    connect(op, &LxdOperation::progress, this,
            [this](const QString& text, int) { showProgress(text); });
    connect(op, &LxdOperation::finished, this, [this, op, next = std::move(next)] {
        op->deleteLater();
        m_op = nullptr;
        const Result<QJsonValue> result = op->result();
        clearProgress();
        if (!result) {
            fail(result.error());
            return;
        }
        next(*result);
    });
    op->start();
}

void LxdActionCommand::runSnapshot()
{
    if (!m_args.isEmpty()) {
        const QString name = m_args.at(0);
        run(m_client->createSnapshot(m_instance, name, m_expiresAt), [this,
                                                                      name](const QJsonValue&) {
            m_out << tr("Took snapshot %1 of %2 on %3.").arg(name, m_instance, m_role) << Qt::endl;
            if (m_expiresAt.isValid())
                m_out << tr("LXD deletes it at %1.").arg(isoTime(m_expiresAt)) << Qt::endl;
            finish(ExitCode::Ok);
        });
        return;
    }
    // No name: the instance's snapshots.pattern when it has one (LXD applies
    // it to an empty name), else relais-YYYYMMDD-HHMMSS.
    run(m_client->instance(m_instance), [this](const QJsonValue& instance) {
        const auto settings = LxdSnapshotSettings::fromInstanceJson(instance);
        if (settings && !settings->pattern.isEmpty()) {
            m_args << QString();
        } else {
            m_args << QStringLiteral("relais-") + QDateTime::currentDateTimeUtc().toString(
                                                      QStringLiteral("yyyyMMdd-HHmmss"));
        }
        if (!m_args.at(0).isEmpty()) {
            runSnapshot();
            return;
        }
        run(m_client->createSnapshot(m_instance, QString(), m_expiresAt),
            [this](const QJsonValue&) {
                run(m_client->listSnapshots(m_instance), [this](const QJsonValue& list) {
                    const auto snapshots = LxdSnapshot::listFromJson(list);
                    const QString name = snapshots && !snapshots->isEmpty() ? snapshots->last().name
                                                                            : QStringLiteral("?");
                    m_out << tr("Took snapshot %1 of %2 on %3.").arg(name, m_instance, m_role)
                          << Qt::endl;
                    finish(ExitCode::Ok);
                });
            });
    });
}

void LxdActionCommand::runRestore()
{
    const QString snapshot = m_args.at(0);
    m_restore =
        new LxdSafeRestoreJob(m_client, m_instance, snapshot, SystemClock::instance(), this);
    connect(m_restore, &LxdSafeRestoreJob::operationCreated, this,
            [this](const QString& id) { m_operationId = id; });
    connect(m_restore, &LxdSafeRestoreJob::progress, this,
            [this](const QString& text, int) { showProgress(text); });
    connect(m_restore, &LxdSafeRestoreJob::stepChanged, this,
            [this, snapshot](LxdSafeRestoreJob::Step step) {
                m_operationId.clear();
                if (step == LxdSafeRestoreJob::Step::SafetySnapshot)
                    showProgress(tr("Taking a safety snapshot of %1…").arg(m_instance));
                else if (step == LxdSafeRestoreJob::Step::Restore)
                    showProgress(tr("Restoring %1 to %2…").arg(m_instance, snapshot));
            });
    connect(m_restore, &LxdSafeRestoreJob::finished, this, [this, snapshot] {
        LxdSafeRestoreJob* job = m_restore;
        job->deleteLater();
        m_restore = nullptr;
        clearProgress();
        const QString safety = job->safetySnapshot();
        if (!safety.isEmpty()) {
            m_out << tr("Took the safety snapshot %1 of %2 on %3 (LXD deletes it at %4).")
                         .arg(safety, m_instance, m_role, isoTime(job->safetyExpiresAt()))
                  << Qt::endl;
        }
        if (!job->result()) {
            if (safety.isEmpty())
                m_err << tr("Nothing was restored.") << Qt::endl;
            else
                m_err << tr("%1 may be partly restored; the safety snapshot %2 holds its state "
                            "from before.")
                             .arg(m_instance, safety)
                      << Qt::endl;
            fail(job->result().error());
            return;
        }
        m_out << tr("Restored %1 on %2 to snapshot %3.").arg(m_instance, m_role, snapshot)
              << Qt::endl;
        m_out << tr("To go back: relaisctl lxd restore --site %1 %2 %3 %4")
                     .arg(m_sitePath, m_role, m_instance, safety)
              << Qt::endl;
        finish(ExitCode::Ok);
    });
    m_restore->start();
}

void LxdActionCommand::runSettings()
{
    if (m_settings.isEmpty()) {
        run(m_client->instance(m_instance),
            [this](const QJsonValue& result) { printSettings(result); });
        return;
    }
    run(m_client->request("PATCH", QStringLiteral("/1.0/instances/%1").arg(encoded(m_instance)),
                          QJsonObject{{QStringLiteral("config"), m_settings}}),
        [this](const QJsonValue&) {
            m_out << tr("Updated the snapshot settings of %1 on %2.").arg(m_instance, m_role)
                  << Qt::endl;
            run(m_client->instance(m_instance),
                [this](const QJsonValue& result) { printSettings(result); });
        });
}

void LxdActionCommand::printSnapshots(const QJsonValue& result)
{
    const auto snapshots = LxdSnapshot::listFromJson(result);
    if (!snapshots) {
        fail(snapshots.error());
        return;
    }
    if (m_json) {
        QJsonArray list;
        for (const LxdSnapshot& s : *snapshots) {
            list.append(QJsonObject{
                {QStringLiteral("name"), s.name},
                {QStringLiteral("created_at"),
                 s.createdAt.isValid() ? QJsonValue(isoTime(s.createdAt)) : QJsonValue()},
                {QStringLiteral("expires_at"),
                 s.expiresAt.isValid() ? QJsonValue(isoTime(s.expiresAt)) : QJsonValue()},
                {QStringLiteral("stateful"), s.stateful}});
        }
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("host"), m_role},
                                           {QStringLiteral("instance"), m_instance},
                                           {QStringLiteral("snapshots"), list}})
                     .toJson(QJsonDocument::Indented);
    } else if (snapshots->isEmpty()) {
        m_out << tr("%1 on %2 has no snapshot.").arg(m_instance, m_role) << Qt::endl;
    } else {
        for (const LxdSnapshot& s : *snapshots) {
            m_out << QStringLiteral("%1  %2  %3")
                         .arg(s.name.leftJustified(38), isoTime(s.createdAt).leftJustified(20),
                              s.expiresAt.isValid() ? tr("expires %1").arg(isoTime(s.expiresAt))
                                                    : tr("never expires"))
                  << Qt::endl;
        }
    }
    finish(ExitCode::Ok);
}

void LxdActionCommand::printSettings(const QJsonValue& result)
{
    const auto settings = LxdSnapshotSettings::fromInstanceJson(result);
    if (!settings) {
        fail(settings.error());
        return;
    }
    if (m_json) {
        m_out << QJsonDocument(QJsonObject{{QStringLiteral("schedule"), settings->schedule},
                                           {QStringLiteral("expiry"), settings->expiry},
                                           {QStringLiteral("pattern"), settings->pattern}})
                     .toJson(QJsonDocument::Indented);
    } else {
        const QString none = tr("(none)");
        m_out << tr("snapshots.schedule  %1")
                     .arg(settings->schedule.isEmpty() ? none : settings->schedule)
              << Qt::endl
              << tr("snapshots.expiry    %1")
                     .arg(settings->expiry.isEmpty() ? none : settings->expiry)
              << Qt::endl
              << tr("snapshots.pattern   %1")
                     .arg(settings->pattern.isEmpty() ? none : settings->pattern)
              << Qt::endl;
    }
    finish(ExitCode::Ok);
}

void LxdActionCommand::onInterrupted()
{
    if (m_done || m_interrupted)
        return;
    m_interrupted = true;
    clearProgress();
    m_err << tr("Interrupted: cancelling…") << Qt::endl;
    const QString id = m_operationId;
    if (m_op) {
        m_op->disconnect(this);
        m_op->deleteLater();
        m_op = nullptr;
    }
    if (m_restore) {
        m_restore->disconnect(this);
        m_restore->deleteLater();
        m_restore = nullptr;
    }
    if (id.isEmpty()) {
        m_err << tr("No LXD operation was running yet.") << Qt::endl;
        finish(ExitCode::Failing);
        return;
    }
    LxdOperation* del =
        m_client->request("DELETE", QStringLiteral("/1.0/operations/") + encoded(id));
    connect(del, &LxdOperation::finished, this, [this, del, id] {
        del->deleteLater();
        if (del->result())
            m_err << tr("LXD cancelled operation %1.").arg(id) << Qt::endl;
        else
            m_err << tr("LXD could not cancel operation %1 (%2); it goes on on %3.")
                         .arg(id, del->result().error().message(), m_role)
                  << Qt::endl;
        finish(ExitCode::Failing);
    });
    del->start();
}

void LxdActionCommand::fail(const Error& error)
{
    const std::optional<Error> ssh = m_session ? m_session->lastError() : std::optional<Error>();
    if (ssh && ssh->is(SshError::HostKeyRejected)) {
        m_err << tr("The SSH host key of %1 is not trusted yet; check it and run \"relaisctl ssh "
                    "trust\".")
                     .arg(m_address)
              << Qt::endl;
        finish(ExitCode::Error);
        return;
    }
    if (error.is(LxdError::CertificateUnknown) && !m_tlsTrust.questions().isEmpty()) {
        m_err << tr("The LXD certificate of %1 is not trusted yet (SHA-256 %2); check it and run "
                    "\"relaisctl lxd trust\".")
                     .arg(m_tlsTrust.questions().last().host,
                          m_tlsTrust.questions().last().fingerprint)
              << Qt::endl;
        finish(ExitCode::Error);
        return;
    }
    QString text = error.message();
    if (ssh && error.is(LxdError::Unreachable))
        text = tr("%1 (SSH: %2)").arg(text, ssh->message());
    m_err << tr("%1 %2 on %3 failed: %4").arg(m_action, m_instance, m_role, text) << Qt::endl;
    finish(ExitCode::Failing);
}

void LxdActionCommand::showProgress(const QString& text)
{
    if (!m_terminal)
        return;
    m_err << QStringLiteral("\r\033[K") << text << Qt::flush;
    m_progressShown = true;
}

void LxdActionCommand::clearProgress()
{
    if (!m_progressShown)
        return;
    m_err << QStringLiteral("\r\033[K") << Qt::flush;
    m_progressShown = false;
}

void LxdActionCommand::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    m_out.flush();
    m_err.flush();
    delete m_interrupt;
    m_interrupt = nullptr;
    // The session's worker thread still closes its connection after the
    // session is gone; exiting meanwhile would tear libssh down under it.
    m_client->deleteLater();
    m_client = nullptr;
    QPointer<QThread> thread = m_session ? m_session->workerThread() : nullptr;
    if (m_session)
        m_session.release()->deleteLater();
    if (!thread) {
        emit finished(code);
        return;
    }
    connect(
        thread, &QThread::finished, this,
        [this, thread, code] {
            if (thread)
                thread->wait(5000);
            emit finished(code);
        },
        Qt::QueuedConnection);
}

} // namespace relais
