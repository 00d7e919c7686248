#pragma once

#include "ssh/FingerprintVerifier.h"
#include "ssh/HostKeyVerifier.h"
#include "ssh/SshSessionOptions.h"
#include "vault/Vault.h"

#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <memory>
#include <optional>

namespace relais {

class Error;
class SshCommandJob;
struct Host;
class SshSession;

/// `relaisctl ssh exec|trust`: a remote command on a site's host, and the
/// trust of a host key by its fingerprint. The private key comes from the
/// vault (passphrase as for `relaisctl vault`); host keys live in Relais'
/// known_hosts (Paths::dataDir()/known_hosts). exec never trusts a new key:
/// it shows the fingerprint and says to run `relaisctl ssh trust`. trust
/// stores the key only when it matches --fingerprint; a changed key is
/// always refused. exec exits with the remote command's status; both exit
/// 2 on any error.
class SshCommand : public QObject
{
    Q_OBJECT

public:
    SshCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~SshCommand() override;

    /// Parses @p arguments and starts; returns an exit code when already
    /// done, or -1 when the answer will come with finished().
    int start(const QStringList& arguments);

    /// Reads the passphrase (as `relaisctl vault` does) and opens the vault;
    /// prints the problem to @p err and returns nothing on failure.
    static std::optional<Vault> openVault(const QString& vaultPath,
                                          const std::optional<QString>& passphraseFile,
                                          QTextStream& err);
    /// The SSH options for @p host: its keys (and its jump host's) from
    /// @p vault, Relais' known_hosts. Prints the problem to @p err and
    /// returns nothing when a key is missing.
    static std::optional<SshSessionOptions>
    sessionOptions(Vault& vault, const Host& host, const QString& vaultPath, QTextStream& err);

signals:
    void finished(int exitCode);

private:
    /// Refuses every unknown key, remembering what was offered.
    class RecordingVerifier : public HostKeyVerifier
    {
    public:
        void verify(const HostKeyQuestion& question,
                    std::function<void(bool accept)> answer) override
        {
            questions.append(question);
            answer(false);
        }
        QList<HostKeyQuestion> questions;
    };

    int startExec(const QStringList& arguments);
    int startTrust(const QStringList& arguments);
    /// Loads the site and the keys; fills @p options. Returns an exit code on error, -1 when ok.
    int prepare(const QString& program, const QStringList& positional, const QString& sitePath,
                const std::optional<QString>& vaultOption,
                const std::optional<QString>& passphraseFile, SshSessionOptions& options);
    void reportError(const Error& error, const QList<HostKeyQuestion>& offered);
    void finish(int code);

    QTextStream& m_out;
    QTextStream& m_err;
    QString m_program;
    QString m_site;
    QString m_host;
    QString m_expected;
    bool m_done = false;
    RecordingVerifier m_recorder;
    std::unique_ptr<FingerprintVerifier> m_fingerprintVerifier;
    std::unique_ptr<SshSession> m_session;
    std::unique_ptr<SshCommandJob> m_job;
};

} // namespace relais
