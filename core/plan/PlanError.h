#pragma once

namespace relais {

/// Errors of the plan module (drills). The message says what happened; the
/// UI turns the code into a translated sentence.
enum class PlanError
{
    NoPlan,        ///< the site has no plan, or nothing to run in this mode
    StepFailed,    ///< a step (or one of its hooks) failed; the message is its error
    StepTimedOut,  ///< a step ran past its timeout and was stopped
    Cancelled,     ///< stopped by the user
    JournalFailed, ///< the drill journal could not be written: the drill stops
    NotResumable,  ///< the journal of an unfinished drill cannot be read back
    NotConfigured, ///< the site lacks what a step needs (an LXD daemon, a probe…)
    Unsupported,   ///< this version of Relais cannot run this step yet
};

constexpr const char* errorDomain(PlanError)
{
    return "plan";
}

} // namespace relais
