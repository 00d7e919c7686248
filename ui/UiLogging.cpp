#include "UiLogging.h"

Q_LOGGING_CATEGORY(lcUi, "relais.ui", QtInfoMsg)
