#include "VaultOpenJob.h"

#include "common/Clock.h"
#include "common/Logging.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace relais {

VaultOpenJob::VaultOpenJob(Mode mode, QString path, const SecretBytes& secret, const Clock& clock,
                           QObject* parent)
    : QObject(parent)
    , m_mode(mode)
    , m_path(std::move(path))
    , m_secret(secret)
    , m_clock(clock)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &VaultOpenJob::done);
}

VaultOpenJob::~VaultOpenJob()
{
    // A derivation still running keeps its own copies and finishes alone;
    // the future's last reference wipes the vault it makes.
    m_watcher.disconnect(this);
    m_secret.wipe();
}

void VaultOpenJob::start()
{
    if (m_started)
        return;
    m_started = true;
    // The task owns copies of everything it reads: the job may go first.
    m_watcher.setFuture(QtConcurrent::run(
        [mode = m_mode, path = m_path, secret = m_secret, clock = &m_clock, kdf = m_kdf] {
            switch (mode) {
            case Mode::OpenWithPassphrase:
                return std::make_shared<Result<Vault>>(Vault::open(path, secret, *clock));
            case Mode::OpenWithKey:
                return std::make_shared<Result<Vault>>(Vault::openWithKey(path, secret, *clock));
            case Mode::Create:
                break;
            }
            return std::make_shared<Result<Vault>>(Vault::create(path, secret, kdf, *clock));
        }));
    m_secret.wipe();
}

void VaultOpenJob::cancel()
{
    if (!m_started || m_finished)
        return;
    m_cancelled = true;
    m_watcher.disconnect(this);
    qCInfo(lcVault) << "cancelled opening" << m_path;
    finish();
}

void VaultOpenJob::done()
{
    if (m_finished)
        return;
    Outcome outcome = m_watcher.result();
    m_result.emplace(std::move(*outcome));
    finish();
}

void VaultOpenJob::finish()
{
    m_finished = true;
    // Queued, so that finished() never comes from inside cancel().
    QTimer::singleShot(0, this, [this] { emit finished(this); });
}

} // namespace relais
