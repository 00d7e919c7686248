#pragma once

#include "KdfParams.h"
#include "SecretBytes.h"
#include "Vault.h"
#include "common/Result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace relais {

class Clock;

/// Opens (or creates) a vault off the calling thread: scrypt takes about a
/// second on purpose, and the GUI thread must not wait for it.
///
/// start() runs the key derivation in Qt's global thread pool; finished()
/// comes exactly once, from the event loop, with the outcome in result().
/// cancel() finishes the job at once as cancelled; a derivation already
/// running completes in the background and its vault is wiped unseen. The
/// job never deletes itself: its owner does (deleting it also cancels).
class VaultOpenJob : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        OpenWithPassphrase,
        OpenWithKey, ///< a key recalled from the keychain (no scrypt)
        Create,      ///< a new empty vault; fails if the file exists
    };

    /// @p secret is the passphrase (or the key for OpenWithKey); the job
    /// keeps its own copy until it has run. @p clock must outlive the vault.
    VaultOpenJob(Mode mode, QString path, const SecretBytes& secret, const Clock& clock,
                 QObject* parent = nullptr);
    ~VaultOpenJob() override;

    /// The scrypt parameters of a vault made in Create mode.
    void setKdfParams(const KdfParams& params) { m_kdf = params; }

    Mode mode() const { return m_mode; }
    QString path() const { return m_path; }

    void start();
    void cancel();

    bool isRunning() const { return m_started && !m_finished; }
    bool isCancelled() const { return m_cancelled; }
    /// The opened vault or why it failed; empty before finished() and when
    /// cancelled.
    std::optional<Result<Vault>>& result() { return m_result; }

signals:
    void finished(relais::VaultOpenJob* job);

private:
    using Outcome = std::shared_ptr<Result<Vault>>;
    void done();
    void finish();

    Mode m_mode;
    QString m_path;
    SecretBytes m_secret;
    const Clock& m_clock;
    KdfParams m_kdf;
    QFutureWatcher<Outcome> m_watcher;
    std::optional<Result<Vault>> m_result;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelled = false;
};

} // namespace relais
