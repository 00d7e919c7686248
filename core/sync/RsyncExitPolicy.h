#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace relais {

/// What a sync run's rsync exit status means for the user and for the
/// scheduler (rsync(1) "EXIT VALUES"; 255 is ssh's own failure).
class RsyncExitPolicy
{
    Q_DECLARE_TR_FUNCTIONS(RsyncExitPolicy)

public:
    enum class Outcome
    {
        Success, ///< 0
        Warning, ///< done, with something to know (24: files vanished on the source)
        Retry,   ///< transient (network, timeout, ssh): retry with back-off
        Fail,    ///< retrying cannot help: the job or a host needs attention
    };

    struct Verdict
    {
        Outcome outcome = Outcome::Fail;
        /// A translated sentence: what happened and what to do.
        QString message;
    };

    static Verdict classify(int exitStatus);
    /// classify(), but a run whose messages say rsync threw finished files
    /// away ("discarding completed file", seen with an absolute partial
    /// directory) fails even when rsync exits 0; one refused by backup's
    /// direction guard (HostReplicationLock::RefusalText) fails for it.
    static Verdict judge(int exitStatus, const QStringList& messages);

    /// Seconds to wait before retry @p attempt (1, 2, …): 30 s doubling, at
    /// most 15 min.
    static int retryDelaySeconds(int attempt);
};

} // namespace relais
