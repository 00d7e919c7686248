#pragma once

#include "Site.h"
#include "SiteProblem.h"
#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace relais {

/// Reads, validates and writes site documents (JSON, "schema": 1; the format
/// is described in docs/site-format.md).
///
/// Loading reports every problem at once, each with its JSON path, as the
/// details of a SiteError::Invalid error; the problem messages are
/// translatable.
class SiteDocument
{
    Q_DECLARE_TR_FUNCTIONS(SiteDocument)

public:
    /// Reads and validates the file at @p path.
    static Result<Site> load(const QString& path);

    /// Validates a document held in memory.
    static Result<Site> parse(const QByteArray& json);

    /// Every problem of a parsed JSON object (empty when valid).
    static QList<SiteProblem> validate(const QJsonObject& root);

    /// The document for @p site; parse(toJson(site)) gives back site.
    static QByteArray toJson(const Site& site);

    /// The vault file of @p site loaded from @p sitePath: its "vault" key
    /// (a relative path is taken from the site file's directory), or the
    /// user's default vault (Paths::vaultFile()) when it has none.
    static QString vaultPath(const Site& site, const QString& sitePath);

    /// The key under which the data directory keeps what belongs to the
    /// site loaded from @p sitePath (health events, drills, sync history,
    /// the direction guard's lock): its absolute path (a Qt resource path
    /// as it is). The console and relaisctl use this one key, so a lock
    /// taken by a failover blocks every main→backup run of the site.
    static QString siteKey(const QString& sitePath);

    /// Writes @p site to @p path atomically; the previous file is untouched
    /// on failure.
    static Result<void> save(const Site& site, const QString& path);
};

} // namespace relais
