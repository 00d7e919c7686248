#pragma once

#include "common/FingerprintTrust.h"
#include "common/Result.h"
#include "ssh/HostKeyVerifier.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTextStream>
#include <memory>
#include <optional>

namespace relais {

class Error;
class LxdClient;
class LxdOperation;
class LxdTransport;
class Vault;
struct LxdEndpoint;
class SshSession;
struct LxdInstance;

/// `relaisctl lxd list --site FILE [--json] [HOST]`: the instances of main
/// and backup (or of HOST) with their state and snapshots, read from each
/// host's LXD through SSH (the site's lxd `transport: ssh` and `socket`),
/// with the keys from the vault as for `relaisctl ssh`, or over HTTPS
/// (`transport: https`: client certificate from the vault, server
/// certificate pinned). An unknown host key or LXD certificate is refused
/// (trust them with `relaisctl ssh trust`, `relaisctl lxd trust`).
/// `relaisctl lxd trust` is LxdTrustCommand. Exit 0 when every host
/// answered, 2 otherwise (the hosts that answered are still printed).
class LxdCommand : public QObject
{
    Q_OBJECT

public:
    LxdCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~LxdCommand() override;

    /// Parses @p arguments and starts; returns an exit code when already
    /// done, or -1 when the answer will come with finished().
    int start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    /// Refuses every unknown key (the user trusts keys with `relaisctl ssh trust`).
    class RefuseUnknown : public HostKeyVerifier
    {
    public:
        void verify(const HostKeyQuestion&, std::function<void(bool accept)> answer) override
        {
            answer(false);
        }
    };

    struct HostRun
    {
        QString role; ///< "main" or "backup"
        QString address;
        std::unique_ptr<SshSession> session;
        LxdClient* client = nullptr;
        LxdOperation* list = nullptr;
        std::optional<QList<LxdInstance>> instances;
        QString error;
        bool done = false;
    };

    int startList(const QStringList& arguments);
    /// The site's `transport: https` endpoint: client certificate from the
    /// vault, pins from lxd_certificates, unknown certificates refused.
    Result<LxdTransport*> httpsTransport(Vault& vault, const LxdEndpoint& endpoint);
    void onListed(HostRun& run);
    void printText();
    void printJson();
    void finish(int code);

    QTextStream& m_out;
    QTextStream& m_err;
    bool m_json = false;
    bool m_done = false;
    RefuseUnknown m_verifier;
    FingerprintTrust m_tlsTrust; ///< refuses every unknown LXD certificate, keeps the question
    std::vector<std::unique_ptr<HostRun>> m_runs;
};

} // namespace relais
