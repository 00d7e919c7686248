#pragma once

#include "common/FingerprintTrust.h"
#include "lxd/LxdSnapshot.h"
#include "ssh/HostKeyVerifier.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTextStream>
#include <memory>
#include <optional>

namespace relais {

class Error;
class InterruptNotifier;
class LxdClient;
class LxdOperation;
class LxdSafeRestoreJob;
class SshSession;

/// `relaisctl lxd start|stop|restart|snapshot|snapshots|restore|
/// delete-snapshot|snapshot-settings --site FILE HOST INSTANCE …`: one
/// action on one instance of main or backup, through SSH as `lxd list`.
/// A restore always goes through LxdSafeRestoreJob and prints the safety
/// snapshot's name. Progress goes to stderr when it is a terminal; Ctrl-C
/// asks LXD to cancel the running operation. Exit 0 done, 1 the operation
/// failed (LXD's text is printed), 2 usage or configuration error.
class LxdActionCommand : public QObject
{
    Q_OBJECT

public:
    LxdActionCommand(QTextStream& out, QTextStream& err, QObject* parent = nullptr);
    ~LxdActionCommand() override;

    /// The actions this command knows.
    static QStringList actions();
    /// Usage lines of every action.
    static QString usage();

    /// @p arguments: program, action, then the action's arguments. Returns
    /// an exit code when already done, or -1 when finished() will come.
    int start(const QStringList& arguments);

signals:
    void finished(int exitCode);

private:
    class RefuseUnknown : public HostKeyVerifier
    {
    public:
        void verify(const HostKeyQuestion&, std::function<void(bool accept)> answer) override
        {
            answer(false);
        }
    };

    using Next = std::function<void(const QJsonValue& result)>;

    /// Runs @p op as the current operation; @p next gets its result.
    void run(LxdOperation* op, Next next);
    void runRestore();
    void runSnapshot();
    void runSettings();
    void printSnapshots(const QJsonValue& result);
    void printSettings(const QJsonValue& result);
    void onInterrupted();
    void fail(const Error& error);
    void showProgress(const QString& text);
    void clearProgress();
    void finish(int code);

    QTextStream& m_out;
    QTextStream& m_err;
    RefuseUnknown m_verifier;
    QString m_action;
    QString m_role;
    QString m_address;
    QString m_instance;
    QString m_sitePath;
    QStringList m_args;     ///< positional arguments after INSTANCE
    QJsonObject m_settings; ///< snapshot-settings: the keys to set
    QDateTime m_expiresAt;
    bool m_json = false;
    bool m_force = false;
    int m_timeoutSeconds = 30;
    bool m_terminal = false;
    bool m_progressShown = false;
    bool m_interrupted = false;
    bool m_done = false;
    FingerprintTrust m_tlsTrust; ///< refuses every unknown LXD certificate, keeps the question
    std::unique_ptr<SshSession> m_session; ///< none over HTTPS
    LxdClient* m_client = nullptr;
    QPointer<LxdOperation> m_op;
    QPointer<LxdSafeRestoreJob> m_restore;
    QString m_operationId;
    InterruptNotifier* m_interrupt = nullptr;
};

} // namespace relais
