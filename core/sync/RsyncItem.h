#pragma once

#include <QString>

namespace relais {

/// One line of rsync's itemized change list (`--itemize-changes`, see
/// rsync(1) "--itemize-changes": YXcstpoguax path).
struct RsyncItem
{
    enum class Change
    {
        Sent,       ///< '<' or '>': file content transferred
        Created,    ///< 'c': created locally (directory, link, device)
        HardLink,   ///< 'h': a hard link to another item
        Attributes, ///< '.': only attributes changed (or nothing)
        Deleted,    ///< "*deleting"
    };

    Change change = Change::Sent;
    /// 'f' file, 'd' directory, 'L' symlink, 'D' device, 'S' special; 0 for deletions.
    char fileType = 0;
    bool isNew = false; ///< "+++++++++": the item did not exist on the receiver
    QString flags;      ///< the 11 characters as printed
    QString path;       ///< as rsync prints it (a symlink's " -> target" removed)

    bool operator==(const RsyncItem&) const = default;
};

} // namespace relais
