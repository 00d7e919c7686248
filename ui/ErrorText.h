#pragma once

#include "common/Error.h"

#include <QCoreApplication>
#include <QString>

namespace relais {

/// Turns core's typed error codes into translated sentences for the user.
/// Core's own message (technical, English) is shown as the detail.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    /// One translated sentence: what happened and, where it helps, what to do.
    static QString summary(const Error& error);
    /// How to be asked again about a host key or certificate refused in
    /// this session (the console remembers refusals until then).
    static QString askAgainHint();
};

} // namespace relais
