#include "Logging.h"

Q_LOGGING_CATEGORY(lcCommon, "relais.core.common", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDatabase, "relais.core.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSite, "relais.core.site", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHealth, "relais.core.health", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSsh, "relais.core.ssh", QtInfoMsg)
Q_LOGGING_CATEGORY(lcVault, "relais.core.vault", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "relais.core.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLxd, "relais.core.lxd", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDns, "relais.core.dns", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPlan, "relais.core.plan", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNotify, "relais.core.notify", QtInfoMsg)
