#pragma once

namespace relais::ExitCode {

/// Exit statuses of relaisctl, stable for scripts.
inline constexpr int Ok = 0;
/// The check ran and found something down or degraded (health), or the
/// LXD operation asked for failed or was interrupted (lxd actions).
inline constexpr int Failing = 1;
/// Usage error, invalid input or an operation that failed.
inline constexpr int Error = 2;

} // namespace relais::ExitCode
