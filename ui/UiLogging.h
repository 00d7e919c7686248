#pragma once

#include <QLoggingCategory>

// The logging category of the user interface ("relais.ui"). Never log a
// secret.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
