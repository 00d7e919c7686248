#pragma once

namespace relais {

/// Recovery targets the drills are measured against.
struct Targets
{
    int rpoMinutes = 60;
    int rtoMinutes = 60;
    /// The console reminds the user to rehearse when the last good
    /// rehearsal is older than this many days (1–365).
    int rehearsalReminderDays = 30;

    bool operator==(const Targets&) const = default;
};

} // namespace relais
