#include "SiteDocument.h"

#include "SiteError.h"
#include "common/AtomicFile.h"
#include "common/FileError.h"
#include "common/Logging.h"
#include "common/Paths.h"
#include "dns/DnsServerAddress.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QRegularExpression>
#include <QTime>
#include <QUrl>
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

namespace relais {

namespace {

// ---------------------------------------------------------------------------
// Names of the format

constexpr std::array ProviderNames = {"rfc2136", "powerdns", "ovh", "cloudflare", "gandi"};
constexpr std::array PlanStepKindNames = {"sync",   "snapshot", "fence", "refresh", "start",
                                          "switch", "verify",   "lock",  "notify"};
constexpr std::array TransportNames = {"ssh", "https"};
constexpr std::array ProbeKindNames = {"tcp", "http", "ssh", "dns", "lxd"};
constexpr std::array HostRoleNames = {"main", "backup"};
constexpr std::array RecordTypeNames = {"A", "AAAA"};
constexpr std::array ChannelKindNames = {"ntfy", "gotify", "webhook", "ifttt", "email"};
constexpr std::array ChannelEventNames = {"drill", "health", "sync"};
constexpr std::array ChannelTlsNames = {"starttls", "tls"};

template <std::size_t N> QString nameAt(const std::array<const char*, N>& names, int index)
{
    return QLatin1String(names[static_cast<std::size_t>(index)]);
}

template <std::size_t N> QString joined(const std::array<const char*, N>& names)
{
    QStringList list;
    for (const char* name : names)
        list << QLatin1String(name);
    return list.join(QStringLiteral(", "));
}

template <std::size_t N> int indexOf(const std::array<const char*, N>& names, const QString& name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i]))
            return static_cast<int>(i);
    }
    return -1;
}

// ---------------------------------------------------------------------------
// Character classes and syntaxes

bool isAsciiLower(QChar c)
{
    return c.unicode() >= u'a' && c.unicode() <= u'z';
}

bool isAsciiLetter(QChar c)
{
    return isAsciiLower(c) || (c.unicode() >= u'A' && c.unicode() <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiLetter(c) || isAsciiDigit(c);
}

bool isOneOf(QChar c, const char* chars)
{
    for (const char* p = chars; *p != '\0'; ++p) {
        if (c == QLatin1Char(*p))
            return true;
    }
    return false;
}

/// [a-z0-9][a-z0-9._-]{0,63}
bool isVaultId(const QString& s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const bool ok = isAsciiLower(c) || isAsciiDigit(c) || (i > 0 && isOneOf(c, "._-"));
        if (!ok)
            return false;
    }
    return true;
}

/// [A-Za-z0-9][A-Za-z0-9._-]*
bool isJobName(const QString& s)
{
    if (s.isEmpty() || s.size() > 32 || !(isAsciiLower(s.front()) || isAsciiDigit(s.front())))
        return false;
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) {
        return isAsciiLower(c) || isAsciiDigit(c) || c == QLatin1Char('_') || c == QLatin1Char('-');
    });
}

bool isServiceName(const QString& s)
{
    if (s.isEmpty())
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (!isAsciiAlnum(c) && !(i > 0 && isOneOf(c, "._-")))
            return false;
    }
    return true;
}

/// LXD instance names: 1–63 letters, digits and hyphens, starting with a
/// letter, not ending with a hyphen.
bool isInstanceName(const QString& s)
{
    if (s.isEmpty() || s.size() > 63 || !isAsciiLetter(s.front()) || s.back() == QLatin1Char('-'))
        return false;
    return std::all_of(s.begin(), s.end(),
                       [](QChar c) { return isAsciiAlnum(c) || c == QLatin1Char('-'); });
}

/// [A-Za-z_][A-Za-z0-9._-]{0,31}
bool isLoginName(const QString& s)
{
    if (s.isEmpty() || s.size() > 32)
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const bool ok = isAsciiLetter(c) || c == QLatin1Char('_') ||
                        (i > 0 && (isAsciiDigit(c) || isOneOf(c, ".-")));
        if (!ok)
            return false;
    }
    return true;
}

struct NameRules
{
    bool allowUnderscore = false; ///< in labels (owner names such as _acme)
    bool allowFinalDot = true;    ///< "example.test." (absolute form)
    bool numericTopLabel = false; ///< "10.0.0.300" is a bad address, not a name
};

/// A DNS name: dot-separated labels of letters, digits and hyphens (1–63
/// characters, no hyphen at either end), 253 characters at most.
bool isDnsName(QString s, NameRules rules)
{
    if (rules.allowFinalDot && s.endsWith(QLatin1Char('.')))
        s.chop(1);
    if (s.isEmpty() || s.size() > 253)
        return false;
    const QStringList labels = s.split(QLatin1Char('.'));
    for (const QString& label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.front() == QLatin1Char('-') ||
            label.back() == QLatin1Char('-')) {
            return false;
        }
        for (QChar c : label) {
            if (!isAsciiAlnum(c) && c != QLatin1Char('-') &&
                !(rules.allowUnderscore && c == QLatin1Char('_'))) {
                return false;
            }
        }
    }
    if (!rules.numericTopLabel &&
        std::all_of(labels.back().begin(), labels.back().end(), isAsciiDigit))
        return false;
    return true;
}

/// Four decimal numbers 0–255 without leading zeros (QHostAddress also takes
/// "127.1" or octal "010.0.0.1", which no one means in a document).
bool isIPv4(const QString& s)
{
    const QStringList parts = s.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString& part : parts) {
        if (part.isEmpty() || part.size() > 3 ||
            !std::all_of(part.begin(), part.end(), isAsciiDigit))
            return false;
        if ((part.size() > 1 && part.front() == QLatin1Char('0')) || part.toInt() > 255)
            return false;
    }
    return true;
}

bool isIPv6(const QString& s, bool allowScope)
{
    if (!s.contains(QLatin1Char(':')) ||
        std::any_of(s.begin(), s.end(), [](QChar c) { return c.isSpace(); })) {
        return false;
    }
    QHostAddress address;
    if (!address.setAddress(s) || address.protocol() != QAbstractSocket::IPv6Protocol)
        return false;
    return allowScope || address.scopeId().isEmpty();
}

bool isIpAddress(const QString& s)
{
    return isIPv4(s) || isIPv6(s, false);
}

/// What Relais connects to: an IP address or a DNS name.
bool isHostAddress(const QString& s)
{
    return isIPv4(s) || isIPv6(s, true) || isDnsName(s, {});
}

bool isHttpUrl(const QString& s)
{
    const QUrl url(s, QUrl::StrictMode);
    const QString scheme = url.scheme();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
           !url.host().isEmpty();
}

/// https://address[:port], nothing else.
bool isLxdUrl(const QString& s)
{
    const QUrl url(s, QUrl::StrictMode);
    return url.isValid() && url.scheme() == QLatin1String("https") && !url.host().isEmpty() &&
           url.userInfo().isEmpty() && (url.path().isEmpty() || url.path() == QLatin1String("/")) &&
           !url.hasQuery() && !url.hasFragment();
}

/// A plain addr-spec (local@domain) on one line: what goes between < and >
/// in a mail header. Display names are not taken.
bool isMailAddress(const QString& s)
{
    const qsizetype at = s.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == s.size() - 1 || s.size() > 254)
        return false;
    const QString local = s.left(at);
    if (local.size() > 64)
        return false;
    for (QChar c : local) {
        if (!isAsciiAlnum(c) && !isOneOf(c, ".!#$%&'*+/=?^_`{|}~-"))
            return false;
    }
    return isDnsName(s.mid(at + 1), {});
}

/// [A-Za-z0-9_-]{1,64}: what ntfy accepts as a topic.
bool isTopic(const QString& s)
{
    return !s.isEmpty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](QChar c) {
        return isAsciiAlnum(c) || c == QLatin1Char('_') || c == QLatin1Char('-');
    });
}

// ---------------------------------------------------------------------------
// Showing values and paths in messages

/// @p s as a JSON string literal.
QString jsonQuoted(const QString& s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (QChar c : s) {
        switch (c.unicode()) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\b':
            out += QLatin1String("\\b");
            break;
        case u'\f':
            out += QLatin1String("\\f");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20) {
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            } else {
                out += c;
            }
        }
    }
    out += QLatin1Char('"');
    return out;
}

/// A string value as shown in a message: quoted, long ones shortened.
QString shown(const QString& s)
{
    constexpr qsizetype MaxShown = 60;
    if (s.size() <= MaxShown)
        return jsonQuoted(s);
    return jsonQuoted(s.left(MaxShown)) + QStringLiteral("…");
}

QString numberText(double d)
{
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
        return QString::number(static_cast<qint64>(d));
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

/// What was found, for "expected …, got …": the value itself for scalars,
/// its kind for containers.
QString describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return numberText(value.toDouble());
    case QJsonValue::String:
        return shown(value.toString());
    case QJsonValue::Array:
        return SiteDocument::tr("an array");
    case QJsonValue::Object:
        return SiteDocument::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined"); // absent values are never described
}

bool isPlainKey(const QString& key)
{
    return !key.isEmpty() && std::all_of(key.begin(), key.end(), [](QChar c) {
        return isAsciiAlnum(c) || c == QLatin1Char('_') || c == QLatin1Char('-');
    });
}

/// "parent.key", or parent["odd key"] for keys that would be ambiguous.
QString childPath(const QString& parent, const QString& key)
{
    if (!isPlainKey(key))
        return parent + QLatin1Char('[') + jsonQuoted(key) + QLatin1Char(']');
    if (parent.isEmpty())
        return key;
    return parent + QLatin1Char('.') + key;
}

QString indexPath(const QString& parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

/// Edit distance with transpositions (optimal string alignment).
int editDistance(const QString& a, const QString& b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> d(static_cast<std::size_t>(n + 1),
                                    std::vector<int>(static_cast<std::size_t>(m + 1)));
    auto at = [&d](qsizetype i, qsizetype j) -> int& {
        return d[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
    };
    for (qsizetype i = 0; i <= n; ++i)
        at(i, 0) = static_cast<int>(i);
    for (qsizetype j = 0; j <= m; ++j)
        at(0, j) = static_cast<int>(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1).toLower() == b.at(j - 1).toLower() ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(n, m);
}

/// The known key an unknown one was probably meant to be, if any.
QString suggestion(const QString& unknown, const QStringList& known)
{
    QString best;
    int bestDistance = 3;
    for (const QString& candidate : known) {
        if (candidate.startsWith(unknown + QLatin1Char('_')))
            return candidate;
        const int distance = editDistance(unknown, candidate);
        if (distance < bestDistance && 2 * qsizetype{distance} < candidate.size()) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------
// Reading and validating in one pass

/// Whether a key applies to an object, given what an earlier key chose
/// (a probe's kind, a record's provider, an LXD transport).
struct Need
{
    enum Kind
    {
        Optional,
        Required,
        Unused,
    };

    Kind kind = Optional;
    QString message; ///< for Required: the "missing" text; for Unused: why

    static Need optional() { return {}; }
    static Need required() { return {Required, SiteDocument::tr("missing")}; }
};

class Reader;

/// One JSON object being read: hands out its keys and reports, at the end,
/// those that nobody asked for.
class Fields
{
public:
    Fields(Reader& reader, QJsonObject object, QString path)
        : m_reader(reader)
        , m_object(std::move(object))
        , m_path(std::move(path))
    {}

    QString pathOf(const char* key) const { return childPath(m_path, QLatin1String(key)); }

    /// The value of @p key when present and wanted; reports it missing or
    /// not used as @p need says.
    std::optional<QJsonValue> get(const char* key, const Need& need = Need::optional());

    /// Reports the keys that get() was never asked for.
    void finish();

private:
    Reader& m_reader;
    QJsonObject m_object;
    QString m_path;
    QStringList m_known;
};

class Reader
{
public:
    QList<SiteProblem> problems;

    void report(const QString& path, const QString& message) { problems.append({path, message}); }

    Site readSite(const QJsonObject& root);

private:
    Host readHost(const QJsonObject& object, const QString& path, HostRole role);
    SshEndpoint readSsh(const QJsonObject& object, const QString& path);
    JumpHost readJump(const QJsonObject& object, const QString& path);
    /// port, user and key: what an SSH endpoint and a jump host share.
    void readLogin(Fields& fields, int& port, QString& user, QString& keyId);
    LxdEndpoint readLxd(const QJsonObject& object, const QString& path);
    Service readService(const QJsonObject& object, const QString& path,
                        const QHash<QString, qsizetype>& otherNames);
    DnsBinding readDns(const QJsonObject& object, const QString& path);
    FailoverIp readFailoverIp(const QJsonObject& object, const QString& path);
    ProbeSpec readProbe(const QJsonObject& object, const QString& path);
    Targets readTargets(const QJsonObject& object, const QString& path);
    SyncJob readSyncJob(const QJsonObject& object, const QString& path,
                        const QHash<QString, qsizetype>& otherNames);
    SyncSchedule readSchedule(const QJsonValue& value, const QString& path);
    SyncHook readHook(const QJsonObject& object, const QString& path);
    RecoveryPlan readPlan(const QJsonObject& object, const QString& path);
    PlanStep readPlanStep(const QJsonObject& object, const QString& path);
    NotificationChannel readChannel(const QJsonObject& object, const QString& path,
                                    const QHash<QString, qsizetype>& otherNames);
    std::optional<QString> mailAddress(const QJsonValue& value, const QString& path);
    /// Each step's sync job and service must exist in the site.
    void checkPlanReferences(const Site& site);
    std::optional<QString> absolutePath(const QJsonValue& value, const QString& path);
    std::optional<bool> boolean(const QJsonValue& value, const QString& path);

    // Typed values; each reports what is wrong and gives nothing then.
    std::optional<QJsonObject> object(const QJsonValue& value, const QString& path);
    std::optional<QJsonArray> array(const QJsonValue& value, const QString& path);
    std::optional<QString> string(const QJsonValue& value, const QString& path);
    std::optional<double> integer(const QJsonValue& value, const QString& path);
    std::optional<int> integer(const QJsonValue& value, const QString& path, int min, int max);
    std::optional<QString> vaultId(const QJsonValue& value, const QString& path);
    std::optional<QString> hostAddress(const QJsonValue& value, const QString& path);
    std::optional<QString> dnsName(const QJsonValue& value, const QString& path);
    std::optional<QString> httpUrl(const QJsonValue& value, const QString& path);
    template <std::size_t N>
    std::optional<int> choice(const QJsonValue& value, const QString& path,
                              const std::array<const char*, N>& names, const char* unknownText);

    void checkRecordTarget(const QString& type, const QString& path);
    void checkDnsProbeTargets(const QString& path);

    /// What the hosts said about public_address, for the services' checks.
    struct HostFacts
    {
        bool present = false;                      ///< the host is an object
        bool hasPublicAddress = false;             ///< the key is there (valid or not)
        std::optional<QHostAddress> publicAddress; ///< when valid
    };
    std::array<HostFacts, 2> m_hosts;
};

std::optional<QJsonValue> Fields::get(const char* key, const Need& need)
{
    const QString name = QLatin1String(key);
    m_known.append(name);
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined()) {
        if (need.kind == Need::Required)
            m_reader.report(childPath(m_path, name), need.message);
        return std::nullopt;
    }
    if (need.kind == Need::Unused) {
        m_reader.report(childPath(m_path, name), need.message);
        return std::nullopt;
    }
    return value;
}

void Fields::finish()
{
    // QJsonObject keeps its keys sorted, so unknown keys come alphabetically.
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (m_known.contains(it.key()))
            continue;
        const QString hint = suggestion(it.key(), m_known);
        m_reader.report(childPath(m_path, it.key()),
                        hint.isEmpty()
                            ? SiteDocument::tr("unknown key")
                            : SiteDocument::tr("unknown key (did you mean \"%1\"?)").arg(hint));
    }
}

std::optional<QJsonObject> Reader::object(const QJsonValue& value, const QString& path)
{
    if (!value.isObject()) {
        //: %1 is the value found: a number, a quoted string, true, false,
        //: null, "an array" or "an object"
        report(path, SiteDocument::tr("expected an object, got %1").arg(describe(value)));
        return std::nullopt;
    }
    return value.toObject();
}

std::optional<QJsonArray> Reader::array(const QJsonValue& value, const QString& path)
{
    if (!value.isArray()) {
        report(path, SiteDocument::tr("expected an array, got %1").arg(describe(value)));
        return std::nullopt;
    }
    return value.toArray();
}

std::optional<QString> Reader::string(const QJsonValue& value, const QString& path)
{
    if (!value.isString()) {
        report(path, SiteDocument::tr("expected a string, got %1").arg(describe(value)));
        return std::nullopt;
    }
    QString s = value.toString();
    if (s.isEmpty()) {
        report(path, SiteDocument::tr("must not be empty"));
        return std::nullopt;
    }
    return s;
}

std::optional<double> Reader::integer(const QJsonValue& value, const QString& path)
{
    const double d = value.toDouble();
    if (!value.isDouble() || !std::isfinite(d) || d != std::floor(d)) {
        report(path, SiteDocument::tr("expected an integer, got %1").arg(describe(value)));
        return std::nullopt;
    }
    return d;
}

std::optional<int> Reader::integer(const QJsonValue& value, const QString& path, int min, int max)
{
    const std::optional<double> d = integer(value, path);
    if (!d)
        return std::nullopt;
    if (*d < min || *d > max) {
        //: %1–%2 is the accepted range, %3 the number found
        report(path, SiteDocument::tr("expected %1–%2, got %3")
                         .arg(QString::number(min), QString::number(max), numberText(*d)));
        return std::nullopt;
    }
    return static_cast<int>(*d);
}

std::optional<QString> Reader::vaultId(const QJsonValue& value, const QString& path)
{
    std::optional<QString> s = string(value, path);
    if (s && !isVaultId(*s)) {
        report(path, SiteDocument::tr("invalid vault id %1; expected [a-z0-9][a-z0-9._-]{0,63}")
                         .arg(shown(*s)));
        return std::nullopt;
    }
    return s;
}

std::optional<QString> Reader::hostAddress(const QJsonValue& value, const QString& path)
{
    std::optional<QString> s = string(value, path);
    if (s && !isHostAddress(*s)) {
        report(path,
               SiteDocument::tr("expected an IP address or a DNS name, got %1").arg(shown(*s)));
        return std::nullopt;
    }
    return s;
}

std::optional<QString> Reader::dnsName(const QJsonValue& value, const QString& path)
{
    std::optional<QString> s = string(value, path);
    if (s && !isDnsName(*s, {})) {
        report(path, SiteDocument::tr("expected a DNS name, got %1").arg(shown(*s)));
        return std::nullopt;
    }
    return s;
}

std::optional<QString> Reader::httpUrl(const QJsonValue& value, const QString& path)
{
    std::optional<QString> s = string(value, path);
    if (s && !isHttpUrl(*s)) {
        report(path,
               SiteDocument::tr("expected an http:// or https:// URL, got %1").arg(shown(*s)));
        return std::nullopt;
    }
    return s;
}

template <std::size_t N>
std::optional<int> Reader::choice(const QJsonValue& value, const QString& path,
                                  const std::array<const char*, N>& names, const char* unknownText)
{
    const std::optional<QString> s = string(value, path);
    if (!s)
        return std::nullopt;
    const int index = indexOf(names, *s);
    if (index < 0) {
        // unknownText is one of the QT_TRANSLATE_NOOP strings of the callers.
        report(path, SiteDocument::tr(unknownText).arg(shown(*s), joined(names)));
        return std::nullopt;
    }
    return index;
}

Site Reader::readSite(const QJsonObject& root)
{
    Site site;
    Fields fields(*this, root, QString());

    if (const auto value = fields.get("schema", Need::required())) {
        const std::optional<double> schema = integer(*value, fields.pathOf("schema"));
        if (schema && *schema != Site::SchemaVersion) {
            // Another version's rules are not these: anything else said
            // about the document would be noise.
            report(fields.pathOf("schema"),
                   SiteDocument::tr("expected %1, got %2")
                       .arg(QString::number(Site::SchemaVersion), numberText(*schema)));
            return site;
        }
    }

    if (const auto value = fields.get("name", Need::required())) {
        if (const auto name = string(*value, fields.pathOf("name"))) {
            constexpr qsizetype MaxName = 100;
            const qsizetype length = name->toUcs4().size();
            if (length > MaxName) {
                report(fields.pathOf("name"),
                       SiteDocument::tr("expected at most %1 characters, got %2")
                           .arg(QString::number(MaxName), QString::number(length)));
            }
            site.name = *name;
        }
    }

    if (const auto value = fields.get("vault")) {
        if (const auto vault = string(*value, fields.pathOf("vault"))) {
            if (vault->trimmed().isEmpty() || vault->contains(QChar::Null))
                report(fields.pathOf("vault"), SiteDocument::tr("expected a file path"));
            else
                site.vault = *vault;
        }
    }

    if (const auto value = fields.get("hosts", Need::required())) {
        if (const auto hosts = object(*value, fields.pathOf("hosts"))) {
            Fields hostFields(*this, *hosts, fields.pathOf("hosts"));
            if (const auto main = hostFields.get("main", Need::required())) {
                if (const auto o = object(*main, hostFields.pathOf("main")))
                    site.main = readHost(*o, hostFields.pathOf("main"), HostRole::Main);
            }
            if (const auto backup = hostFields.get("backup", Need::required())) {
                if (const auto o = object(*backup, hostFields.pathOf("backup")))
                    site.backup = readHost(*o, hostFields.pathOf("backup"), HostRole::Backup);
            }
            hostFields.finish();
        }
    }

    if (const auto value = fields.get("services")) {
        if (const auto services = array(*value, fields.pathOf("services"))) {
            QHash<QString, qsizetype> seen;
            for (qsizetype i = 0; i < services->size(); ++i) {
                const QString path = indexPath(fields.pathOf("services"), i);
                const auto o = object(services->at(i), path);
                if (!o)
                    continue;
                site.services.append(readService(*o, path, seen));
                if (!site.services.back().name.isEmpty())
                    seen.insert(site.services.back().name, i);
            }
        }
    }

    if (const auto value = fields.get("sync")) {
        if (const auto jobs = array(*value, fields.pathOf("sync"))) {
            QHash<QString, qsizetype> seen;
            for (qsizetype i = 0; i < jobs->size(); ++i) {
                const QString path = indexPath(fields.pathOf("sync"), i);
                const auto o = object(jobs->at(i), path);
                if (!o)
                    continue;
                site.syncJobs.append(readSyncJob(*o, path, seen));
                if (!site.syncJobs.back().name.isEmpty())
                    seen.insert(site.syncJobs.back().name, i);
            }
        }
    }

    if (const auto value = fields.get("plan")) {
        if (const auto o = object(*value, fields.pathOf("plan"))) {
            site.plan = readPlan(*o, fields.pathOf("plan"));
            checkPlanReferences(site);
        }
    }

    if (const auto value = fields.get("notifications")) {
        if (const auto channels = array(*value, fields.pathOf("notifications"))) {
            QHash<QString, qsizetype> seen;
            for (qsizetype i = 0; i < channels->size(); ++i) {
                const QString path = indexPath(fields.pathOf("notifications"), i);
                const auto o = object(channels->at(i), path);
                if (!o)
                    continue;
                site.notifications.append(readChannel(*o, path, seen));
                if (!site.notifications.back().name.isEmpty())
                    seen.insert(site.notifications.back().name, i);
            }
        }
    }

    if (const auto value = fields.get("targets")) {
        if (const auto o = object(*value, fields.pathOf("targets")))
            site.targets = readTargets(*o, fields.pathOf("targets"));
    }

    fields.finish();
    return site;
}

Host Reader::readHost(const QJsonObject& o, const QString& path, HostRole role)
{
    Host host;
    HostFacts& facts = m_hosts[static_cast<std::size_t>(role)];
    facts.present = true;
    Fields fields(*this, o, path);

    if (const auto value = fields.get("name", Need::required())) {
        if (const auto s = string(*value, fields.pathOf("name")))
            host.name = *s;
    }
    if (const auto value = fields.get("address", Need::required())) {
        if (const auto s = hostAddress(*value, fields.pathOf("address")))
            host.address = *s;
    }
    if (const auto value = fields.get("public_address")) {
        facts.hasPublicAddress = true;
        if (const auto s = string(*value, fields.pathOf("public_address"))) {
            if (isIpAddress(*s)) {
                host.publicAddress = *s;
                facts.publicAddress = QHostAddress(*s);
            } else {
                report(fields.pathOf("public_address"),
                       SiteDocument::tr("expected an IP address, got %1").arg(shown(*s)));
            }
        }
    }
    if (const auto value = fields.get("ssh", Need::required())) {
        if (const auto ssh = object(*value, fields.pathOf("ssh")))
            host.ssh = readSsh(*ssh, fields.pathOf("ssh"));
    }
    if (const auto value = fields.get("lxd")) {
        if (const auto lxd = object(*value, fields.pathOf("lxd")))
            host.lxd = readLxd(*lxd, fields.pathOf("lxd"));
    }
    fields.finish();
    return host;
}

void Reader::readLogin(Fields& fields, int& port, QString& user, QString& keyId)
{
    if (const auto value = fields.get("port")) {
        if (const auto number = integer(*value, fields.pathOf("port"), 1, 65535))
            port = *number;
    }
    if (const auto value = fields.get("user")) {
        if (const auto name = string(*value, fields.pathOf("user"))) {
            if (isLoginName(*name)) {
                user = *name;
            } else {
                report(
                    fields.pathOf("user"),
                    SiteDocument::tr("invalid user name %1; expected [A-Za-z_][A-Za-z0-9._-]{0,31}")
                        .arg(shown(*name)));
            }
        }
    }
    if (const auto value = fields.get("key", Need::required())) {
        if (const auto key = vaultId(*value, fields.pathOf("key")))
            keyId = *key;
    }
}

SshEndpoint Reader::readSsh(const QJsonObject& o, const QString& path)
{
    SshEndpoint ssh;
    Fields fields(*this, o, path);
    readLogin(fields, ssh.port, ssh.user, ssh.keyId);
    if (const auto value = fields.get("jump")) {
        if (const auto jump = object(*value, fields.pathOf("jump")))
            ssh.jump = readJump(*jump, fields.pathOf("jump"));
    }
    fields.finish();
    return ssh;
}

JumpHost Reader::readJump(const QJsonObject& o, const QString& path)
{
    JumpHost jump;
    Fields fields(*this, o, path);
    if (const auto value = fields.get("address", Need::required())) {
        if (const auto address = hostAddress(*value, fields.pathOf("address")))
            jump.address = *address;
    }
    readLogin(fields, jump.port, jump.user, jump.keyId);
    fields.finish();
    return jump;
}

LxdEndpoint Reader::readLxd(const QJsonObject& o, const QString& path)
{
    LxdEndpoint lxd;
    Fields fields(*this, o, path);

    // Which keys apply depends on the transport; when it is wrong, only the
    // values themselves are checked.
    bool transportKnown = true;
    if (const auto value = fields.get("transport")) {
        const auto transport =
            choice(*value, fields.pathOf("transport"), TransportNames,
                   QT_TRANSLATE_NOOP("SiteDocument", "unknown transport %1; expected one of %2"));
        transportKnown = transport.has_value();
        if (transport)
            lxd.transport = static_cast<LxdEndpoint::Transport>(*transport);
    }
    const QString transportName = nameAt(TransportNames, static_cast<int>(lxd.transport));
    auto need = [&](LxdEndpoint::Transport usedBy, bool required) {
        if (!transportKnown)
            return Need::optional();
        if (lxd.transport != usedBy)
            return Need{Need::Unused,
                        SiteDocument::tr("not used by the %1 transport").arg(transportName)};
        if (required)
            return Need{
                Need::Required,
                SiteDocument::tr("missing (required by the %1 transport)").arg(transportName)};
        return Need::optional();
    };

    if (const auto value = fields.get("socket", need(LxdEndpoint::Transport::Ssh, false))) {
        if (const auto socket = string(*value, fields.pathOf("socket"))) {
            if (socket->startsWith(QLatin1Char('/'))) {
                lxd.socketPath = *socket;
            } else {
                report(fields.pathOf("socket"),
                       SiteDocument::tr("expected an absolute path, got %1").arg(shown(*socket)));
            }
        }
    }
    if (const auto value = fields.get("url", need(LxdEndpoint::Transport::Https, true))) {
        if (const auto url = string(*value, fields.pathOf("url"))) {
            if (isLxdUrl(*url)) {
                lxd.url = *url;
            } else {
                report(fields.pathOf("url"),
                       SiteDocument::tr("expected https://address:port, got %1").arg(shown(*url)));
            }
        }
    }
    if (const auto value =
            fields.get("client_certificate", need(LxdEndpoint::Transport::Https, true))) {
        if (const auto id = vaultId(*value, fields.pathOf("client_certificate")))
            lxd.clientCertificateId = *id;
    }
    fields.finish();
    return lxd;
}

Service Reader::readService(const QJsonObject& o, const QString& path,
                            const QHash<QString, qsizetype>& otherNames)
{
    Service service;
    Fields fields(*this, o, path);

    if (const auto value = fields.get("name", Need::required())) {
        if (const auto name = string(*value, fields.pathOf("name"))) {
            if (const auto it = otherNames.constFind(*name); it != otherNames.cend()) {
                report(fields.pathOf("name"),
                       SiteDocument::tr("duplicate service name %1 (also %2)")
                           .arg(shown(*name), indexPath(QStringLiteral("services"), *it)));
            } else if (isServiceName(*name)) {
                service.name = *name;
            } else {
                report(
                    fields.pathOf("name"),
                    SiteDocument::tr("invalid service name %1; expected [A-Za-z0-9][A-Za-z0-9._-]*")
                        .arg(shown(*name)));
            }
        }
    }
    if (const auto value = fields.get("containers")) {
        if (const auto containers = array(*value, fields.pathOf("containers"))) {
            QHash<QString, qsizetype> seen;
            for (qsizetype i = 0; i < containers->size(); ++i) {
                const QString itemPath = indexPath(fields.pathOf("containers"), i);
                const auto name = string(containers->at(i), itemPath);
                if (!name)
                    continue;
                if (!isInstanceName(*name)) {
                    report(itemPath, SiteDocument::tr("invalid instance name %1; expected a "
                                                      "letter, then letters, digits or hyphens "
                                                      "(at most 63, not ending with a hyphen)")
                                         .arg(shown(*name)));
                    continue;
                }
                if (const auto it = seen.constFind(*name); it != seen.cend()) {
                    report(itemPath,
                           SiteDocument::tr("duplicate container %1 (also %2)")
                               .arg(shown(*name), indexPath(fields.pathOf("containers"), *it)));
                    continue;
                }
                seen.insert(*name, i);
                service.containers.append(*name);
            }
        }
    }
    if (const auto value = fields.get("dns")) {
        if (const auto dns = object(*value, fields.pathOf("dns")))
            service.dns = readDns(*dns, fields.pathOf("dns"));
    }
    if (const auto value = fields.get("failover_ip")) {
        if (const auto failover = object(*value, fields.pathOf("failover_ip")))
            service.failoverIp = readFailoverIp(*failover, fields.pathOf("failover_ip"));
    }
    if (const auto value = fields.get("probes")) {
        if (const auto probes = array(*value, fields.pathOf("probes"))) {
            for (qsizetype i = 0; i < probes->size(); ++i) {
                const QString itemPath = indexPath(fields.pathOf("probes"), i);
                if (const auto probe = object(probes->at(i), itemPath))
                    service.probes.append(readProbe(*probe, itemPath));
            }
        }
    }
    fields.finish();
    return service;
}

DnsBinding Reader::readDns(const QJsonObject& o, const QString& path)
{
    DnsBinding dns;
    Fields fields(*this, o, path);

    bool providerKnown = false;
    if (const auto value = fields.get("provider", Need::required())) {
        const auto provider =
            choice(*value, fields.pathOf("provider"), ProviderNames,
                   QT_TRANSLATE_NOOP("SiteDocument", "unknown provider %1; expected one of %2"));
        providerKnown = provider.has_value();
        if (provider)
            dns.provider = static_cast<DnsBinding::Provider>(*provider);
    }
    const QString providerName = nameAt(ProviderNames, static_cast<int>(dns.provider));
    using P = DnsBinding::Provider;
    auto need = [&](std::initializer_list<P> usedBy, bool required) {
        if (!providerKnown)
            return Need::optional();
        if (std::find(usedBy.begin(), usedBy.end(), dns.provider) == usedBy.end())
            return Need{Need::Unused,
                        SiteDocument::tr("not used by the %1 provider").arg(providerName)};
        if (required)
            return Need{
                Need::Required,
                SiteDocument::tr("missing (required by the %1 provider)").arg(providerName)};
        return Need::optional();
    };

    if (const auto value = fields.get("zone", Need::required())) {
        if (const auto zone = dnsName(*value, fields.pathOf("zone")))
            dns.zone = *zone;
    }
    if (const auto value = fields.get("record", Need::required())) {
        if (const auto record = string(*value, fields.pathOf("record"))) {
            const bool ok =
                *record == QLatin1String("@") || isDnsName(*record, {.allowUnderscore = true,
                                                                     .allowFinalDot = false,
                                                                     .numericTopLabel = true});
            if (ok) {
                dns.record = *record;
            } else {
                report(fields.pathOf("record"),
                       SiteDocument::tr("expected a name relative to the zone or \"@\", got %1")
                           .arg(shown(*record)));
            }
        }
    }
    bool typeOk = true;
    if (const auto value = fields.get("type")) {
        const auto type =
            choice(*value, fields.pathOf("type"), RecordTypeNames,
                   QT_TRANSLATE_NOOP("SiteDocument", "unknown record type %1; expected one of %2"));
        typeOk = type.has_value();
        if (type)
            dns.type = nameAt(RecordTypeNames, *type);
    }
    if (typeOk)
        checkRecordTarget(dns.type, fields.pathOf("type"));
    if (const auto value = fields.get("ttl")) {
        if (const auto ttl = integer(*value, fields.pathOf("ttl"), 1, 86400))
            dns.ttl = *ttl;
    }
    if (const auto value = fields.get("server", need({P::Rfc2136}, true))) {
        if (const auto server = hostAddress(*value, fields.pathOf("server")))
            dns.server = *server;
    }
    if (const auto value = fields.get("port", need({P::Rfc2136}, false))) {
        if (const auto port = integer(*value, fields.pathOf("port"), 1, 65535))
            dns.port = *port;
    }
    if (const auto value = fields.get("tsig", need({P::Rfc2136}, false))) {
        if (const auto id = vaultId(*value, fields.pathOf("tsig")))
            dns.tsigId = *id;
    }
    // The API providers' endpoint: PowerDNS has none by default, the others
    // default to the service's public API.
    const Need apiUrlNeed = dns.provider == P::PowerDns
                                ? need({P::PowerDns}, true)
                                : need({P::PowerDns, P::Ovh, P::Cloudflare, P::Gandi}, false);
    if (const auto value = fields.get("api_url", apiUrlNeed)) {
        if (const auto url = httpUrl(*value, fields.pathOf("api_url")))
            dns.apiUrl = *url;
    }
    if (const auto value =
            fields.get("credentials", need({P::PowerDns, P::Ovh, P::Cloudflare, P::Gandi}, true))) {
        if (const auto id = vaultId(*value, fields.pathOf("credentials")))
            dns.credentialsId = *id;
    }
    if (const auto value = fields.get("verify")) {
        if (const auto servers = array(*value, fields.pathOf("verify"))) {
            for (qsizetype i = 0; i < servers->size(); ++i) {
                const QString itemPath = indexPath(fields.pathOf("verify"), i);
                const auto text = string(servers->at(i), itemPath);
                if (!text)
                    continue;
                if (DnsServerAddress::parse(*text)) {
                    dns.verifyServers.append(*text);
                } else {
                    report(itemPath, SiteDocument::tr("expected an IP address with an optional "
                                                      "port (\"192.0.2.1:53\", "
                                                      "\"[2001:db8::1]:53\"), got %1")
                                         .arg(shown(*text)));
                }
            }
        }
    }
    fields.finish();
    return dns;
}

/// An OVH failover IP: its address or block, the OVH service of each
/// side's server, the credentials and an optional endpoint.
FailoverIp Reader::readFailoverIp(const QJsonObject& o, const QString& path)
{
    FailoverIp failover;
    Fields fields(*this, o, path);
    if (const auto value = fields.get("provider")) {
        if (const auto provider = string(*value, fields.pathOf("provider"));
            provider && *provider != QLatin1String("ovh"))
            report(fields.pathOf("provider"),
                   SiteDocument::tr("unknown provider %1; expected ovh").arg(shown(*provider)));
    }
    if (const auto value = fields.get("ip", Need::required())) {
        if (const auto ip = string(*value, fields.pathOf("ip"))) {
            const bool block = ip->contains(QLatin1Char('/'));
            const bool ok = block ? !QHostAddress::parseSubnet(*ip).first.isNull()
                                  : !QHostAddress(*ip).isNull() && !ip->contains(QLatin1Char('%'));
            if (ok)
                failover.ip = *ip;
            else
                report(fields.pathOf("ip"),
                       SiteDocument::tr("expected an IP address or block, got %1").arg(shown(*ip)));
        }
    }
    for (const auto& [key, target] : {std::pair{"main_service", &failover.mainService},
                                      std::pair{"backup_service", &failover.backupService}}) {
        if (const auto value = fields.get(key, Need::required())) {
            if (const auto name = string(*value, fields.pathOf(key))) {
                if (isDnsName(*name, {}))
                    *target = *name;
                else
                    report(
                        fields.pathOf(key),
                        SiteDocument::tr("expected an OVH service name, got %1").arg(shown(*name)));
            }
        }
    }
    if (!failover.mainService.isEmpty() && failover.mainService == failover.backupService)
        report(fields.pathOf("backup_service"),
               SiteDocument::tr("the same service as main_service"));
    if (const auto value = fields.get("api_url")) {
        if (const auto url = httpUrl(*value, fields.pathOf("api_url")))
            failover.apiUrl = *url;
    }
    if (const auto value = fields.get("credentials", Need::required())) {
        if (const auto id = vaultId(*value, fields.pathOf("credentials")))
            failover.credentialsId = *id;
    }
    fields.finish();
    return failover;
}

/// The record is set to the active side's public_address: an A record
/// cannot hold an IPv6 address, nor an AAAA record an IPv4 one.
void Reader::checkRecordTarget(const QString& type, const QString& path)
{
    const bool wantV6 = type == QLatin1String("AAAA");
    for (std::size_t role = 0; role < m_hosts.size(); ++role) {
        const std::optional<QHostAddress>& address = m_hosts[role].publicAddress;
        if (!address)
            continue;
        const bool isV6 = address->protocol() == QAbstractSocket::IPv6Protocol;
        if (isV6 != wantV6) {
            //: %1 is A or AAAA, %2 a JSON path, %3 the address found there
            report(path, SiteDocument::tr("an %1 record cannot point to %2 (%3)")
                             .arg(type,
                                  QStringLiteral("hosts.%1.public_address")
                                      .arg(QLatin1String(HostRoleNames[role])),
                                  address->toString()));
        }
    }
}

/// A dns probe compares the answer with each side's public_address.
void Reader::checkDnsProbeTargets(const QString& path)
{
    for (std::size_t role = 0; role < m_hosts.size(); ++role) {
        if (m_hosts[role].present && !m_hosts[role].hasPublicAddress) {
            report(path, SiteDocument::tr("dns probes need %1, which is missing")
                             .arg(QStringLiteral("hosts.%1.public_address")
                                      .arg(QLatin1String(HostRoleNames[role]))));
        }
    }
}

ProbeSpec Reader::readProbe(const QJsonObject& o, const QString& path)
{
    ProbeSpec probe;
    Fields fields(*this, o, path);

    bool kindKnown = false;
    if (const auto value = fields.get("kind", Need::required())) {
        const auto kind =
            choice(*value, fields.pathOf("kind"), ProbeKindNames,
                   QT_TRANSLATE_NOOP("SiteDocument", "unknown probe kind %1; expected one of %2"));
        kindKnown = kind.has_value();
        if (kind)
            probe.kind = static_cast<ProbeSpec::Kind>(*kind);
    }
    const QString kindName = nameAt(ProbeKindNames, static_cast<int>(probe.kind));
    using K = ProbeSpec::Kind;
    auto need = [&](std::initializer_list<K> usedBy, std::initializer_list<K> requiredBy) {
        if (!kindKnown)
            return Need::optional();
        if (std::find(usedBy.begin(), usedBy.end(), probe.kind) == usedBy.end())
            return Need{Need::Unused, SiteDocument::tr("not used by %1 probes").arg(kindName)};
        if (std::find(requiredBy.begin(), requiredBy.end(), probe.kind) != requiredBy.end())
            return Need{Need::Required,
                        SiteDocument::tr("missing (required by %1 probes)").arg(kindName)};
        return Need::optional();
    };
    if (kindKnown && probe.kind == K::Dns)
        checkDnsProbeTargets(fields.pathOf("kind"));
    if (probe.kind == K::Dns)
        probe.port = 53;

    if (const auto value =
            fields.get("host", need({K::Tcp, K::Ssh, K::Lxd}, {K::Tcp, K::Ssh, K::Lxd}))) {
        const auto host =
            choice(*value, fields.pathOf("host"), HostRoleNames,
                   QT_TRANSLATE_NOOP("SiteDocument", "unknown host %1; expected one of %2"));
        if (host)
            probe.host = static_cast<HostRole>(*host);
    }
    if (const auto value = fields.get("port", need({K::Tcp, K::Dns}, {K::Tcp}))) {
        if (const auto port = integer(*value, fields.pathOf("port"), 1, 65535))
            probe.port = *port;
    }
    if (const auto value = fields.get("server", need({K::Dns}, {K::Dns}))) {
        if (const auto server = hostAddress(*value, fields.pathOf("server")))
            probe.server = *server;
    }
    if (const auto value = fields.get("name", need({K::Dns}, {K::Dns}))) {
        if (const auto name = dnsName(*value, fields.pathOf("name")))
            probe.name = *name;
    }
    if (const auto value = fields.get("instance", need({K::Lxd}, {K::Lxd}))) {
        if (const auto instance = string(*value, fields.pathOf("instance"))) {
            static const QRegularExpression instanceName(
                QStringLiteral("^[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
            if (!instanceName.match(*instance).hasMatch())
                report(fields.pathOf("instance"),
                       SiteDocument::tr("expected an LXD instance name (letters, digits and "
                                        "hyphens, starting with a letter, at most 63), got \"%1\"")
                           .arg(*instance));
            else
                probe.instance = *instance;
        }
    }
    if (const auto value = fields.get("max_copy_age_minutes", need({K::Lxd}, {}))) {
        if (const auto minutes = integer(*value, fields.pathOf("max_copy_age_minutes"), 1, 525600))
            probe.maxCopyAgeMinutes = *minutes;
    }
    if (const auto value = fields.get("url", need({K::Http}, {K::Http}))) {
        if (const auto url = httpUrl(*value, fields.pathOf("url")))
            probe.url = *url;
    }
    if (const auto value = fields.get("expect_status", need({K::Http}, {}))) {
        const QString rangePath = fields.pathOf("expect_status");
        if (const auto range = array(*value, rangePath)) {
            if (range->size() != 2) {
                report(rangePath,
                       SiteDocument::tr("expected two integers [min, max], got an array of %1")
                           .arg(range->size()));
            } else {
                const auto min = integer(range->at(0), indexPath(rangePath, 0), 100, 599);
                const auto max = integer(range->at(1), indexPath(rangePath, 1), 100, 599);
                if (min && max && *min > *max) {
                    report(rangePath, SiteDocument::tr("expected min ≤ max, got [%1, %2]")
                                          .arg(QString::number(*min), QString::number(*max)));
                } else if (min && max) {
                    probe.expectStatusMin = *min;
                    probe.expectStatusMax = *max;
                }
            }
        }
    }
    if (const auto value = fields.get("keyword", need({K::Http}, {}))) {
        if (const auto keyword = string(*value, fields.pathOf("keyword")))
            probe.keyword = *keyword;
    }
    if (const auto value = fields.get("tls_pin", need({K::Http}, {}))) {
        if (const auto pin = string(*value, fields.pathOf("tls_pin"))) {
            QString hex = *pin;
            hex.remove(QLatin1Char(':'));
            const bool isHex = hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](QChar c) {
                                   return isAsciiDigit(c) || isOneOf(c.toLower(), "abcdef");
                               });
            if (!isHex) {
                report(fields.pathOf("tls_pin"),
                       SiteDocument::tr("expected the certificate's SHA-256 fingerprint "
                                        "(64 hexadecimal digits, colons allowed)"));
            } else if (!probe.url.startsWith(QLatin1String("https://"))) {
                report(fields.pathOf("tls_pin"), SiteDocument::tr("only for https:// URLs"));
            } else {
                probe.tlsPin = *pin;
            }
        }
    }
    bool intervalOk = true;
    if (const auto value = fields.get("interval_seconds")) {
        const auto interval = integer(*value, fields.pathOf("interval_seconds"), 1, 3600);
        intervalOk = interval.has_value();
        if (interval)
            probe.intervalSeconds = *interval;
    }
    // Without a timeout of its own, a probe checked more often than every
    // 3 seconds times out after its interval.
    if (intervalOk)
        probe.timeoutSeconds = std::min(probe.timeoutSeconds, probe.intervalSeconds);
    if (const auto value = fields.get("timeout_seconds")) {
        if (const auto timeout = integer(*value, fields.pathOf("timeout_seconds"), 1, 300)) {
            if (intervalOk && *timeout > probe.intervalSeconds) {
                report(fields.pathOf("timeout_seconds"),
                       SiteDocument::tr("expected at most interval_seconds (%1), got %2")
                           .arg(QString::number(probe.intervalSeconds), QString::number(*timeout)));
            } else {
                probe.timeoutSeconds = *timeout;
            }
        }
    }
    if (const auto value = fields.get("fail_threshold")) {
        if (const auto n = integer(*value, fields.pathOf("fail_threshold"), 1, 100))
            probe.failThreshold = *n;
    }
    if (const auto value = fields.get("recover_threshold")) {
        if (const auto n = integer(*value, fields.pathOf("recover_threshold"), 1, 100))
            probe.recoverThreshold = *n;
    }
    fields.finish();
    return probe;
}

Targets Reader::readTargets(const QJsonObject& o, const QString& path)
{
    constexpr int MaxMinutes = 525600; // a year
    Targets targets;
    Fields fields(*this, o, path);
    if (const auto value = fields.get("rpo_minutes")) {
        if (const auto n = integer(*value, fields.pathOf("rpo_minutes"), 1, MaxMinutes))
            targets.rpoMinutes = *n;
    }
    if (const auto value = fields.get("rto_minutes")) {
        if (const auto n = integer(*value, fields.pathOf("rto_minutes"), 1, MaxMinutes))
            targets.rtoMinutes = *n;
    }
    if (const auto value = fields.get("rehearsal_reminder_days")) {
        if (const auto n = integer(*value, fields.pathOf("rehearsal_reminder_days"), 1, 365))
            targets.rehearsalReminderDays = *n;
    }
    fields.finish();
    return targets;
}

std::optional<bool> Reader::boolean(const QJsonValue& value, const QString& path)
{
    if (!value.isBool()) {
        report(path, SiteDocument::tr("expected true or false, got %1").arg(describe(value)));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<QString> Reader::absolutePath(const QJsonValue& value, const QString& path)
{
    const std::optional<QString> s = string(value, path);
    if (!s)
        return std::nullopt;
    const bool control =
        std::any_of(s->cbegin(), s->cend(), [](QChar c) { return c < QLatin1Char(' '); });
    const bool parent = s->split(QLatin1Char('/')).contains(QStringLiteral(".."));
    if (!s->startsWith(QLatin1Char('/')) || control || parent || s->size() > 4096) {
        report(path, SiteDocument::tr("expected an absolute path without \"..\" or control "
                                      "characters, got %1")
                         .arg(shown(*s)));
        return std::nullopt;
    }
    return s;
}

SyncJob Reader::readSyncJob(const QJsonObject& o, const QString& path,
                            const QHash<QString, qsizetype>& otherNames)
{
    SyncJob job;
    Fields fields(*this, o, path);
    if (const auto value = fields.get("name", Need::required())) {
        if (const auto name = string(*value, fields.pathOf("name"))) {
            if (const auto it = otherNames.constFind(*name); it != otherNames.cend()) {
                report(fields.pathOf("name"),
                       SiteDocument::tr("duplicate sync job name %1 (also %2)")
                           .arg(shown(*name), indexPath(QStringLiteral("sync"), *it)));
            } else if (isJobName(*name)) {
                job.name = *name;
            } else {
                report(
                    fields.pathOf("name"),
                    SiteDocument::tr("invalid sync job name %1; expected [a-z0-9][a-z0-9_-]{0,31}")
                        .arg(shown(*name)));
            }
        }
    }
    if (const auto value = fields.get("direction")) {
        constexpr std::array<const char*, 2> names = {"push", "pull"};
        if (const auto index =
                choice(*value, fields.pathOf("direction"), names,
                       QT_TRANSLATE_NOOP("SiteDocument", "unknown direction %1; expected %2")))
            job.direction = static_cast<SyncJob::Direction>(*index);
    }
    if (const auto value = fields.get("source", Need::required())) {
        if (const auto sources = array(*value, fields.pathOf("source"))) {
            if (sources->isEmpty())
                report(fields.pathOf("source"), SiteDocument::tr("expected at least one path"));
            for (qsizetype i = 0; i < sources->size(); ++i) {
                if (const auto p =
                        absolutePath(sources->at(i), indexPath(fields.pathOf("source"), i)))
                    job.sources.append(*p);
            }
        }
    }
    if (const auto value = fields.get("destination", Need::required())) {
        if (const auto p = absolutePath(*value, fields.pathOf("destination"))) {
            if (*p == QStringLiteral("/"))
                report(fields.pathOf("destination"),
                       SiteDocument::tr("the root directory cannot be a destination"));
            else
                job.destination = *p;
        }
    }
    if (const auto value = fields.get("exclude")) {
        if (const auto patterns = array(*value, fields.pathOf("exclude"))) {
            for (qsizetype i = 0; i < patterns->size(); ++i) {
                const QString itemPath = indexPath(fields.pathOf("exclude"), i);
                const auto pattern = string(patterns->at(i), itemPath);
                if (!pattern)
                    continue;
                if (pattern->isEmpty() || pattern->contains(QLatin1Char('\n')) ||
                    pattern->contains(QChar::Null)) {
                    report(itemPath, SiteDocument::tr("expected a non-empty pattern on one line"));
                    continue;
                }
                job.excludes.append(*pattern);
            }
        }
    }
    if (const auto value = fields.get("delete")) {
        if (const auto b = boolean(*value, fields.pathOf("delete")))
            job.deleteExtraneous = *b;
    }
    if (const auto value = fields.get("bwlimit_kib")) {
        if (const auto n = integer(*value, fields.pathOf("bwlimit_kib"), 0, 10000000))
            job.bandwidthLimitKiB = *n;
    }
    if (const auto value = fields.get("low_priority")) {
        if (const auto b = boolean(*value, fields.pathOf("low_priority")))
            job.lowPriority = *b;
    }
    if (const auto value = fields.get("schedule"))
        job.schedule = readSchedule(*value, fields.pathOf("schedule"));
    if (const auto value = fields.get("pre_hooks")) {
        if (const auto hooks = array(*value, fields.pathOf("pre_hooks"))) {
            for (qsizetype i = 0; i < hooks->size(); ++i) {
                const QString itemPath = indexPath(fields.pathOf("pre_hooks"), i);
                if (const auto hook = object(hooks->at(i), itemPath))
                    job.preHooks.append(readHook(*hook, itemPath));
            }
        }
    }
    fields.finish();
    return job;
}

SyncSchedule Reader::readSchedule(const QJsonValue& value, const QString& path)
{
    SyncSchedule schedule;
    if (value.isString()) {
        if (value.toString() != QStringLiteral("manual"))
            report(
                path,
                SiteDocument::tr("expected \"manual\" or an object, got %1").arg(describe(value)));
        return schedule;
    }
    const auto o = object(value, path);
    if (!o)
        return schedule;
    Fields fields(*this, *o, path);
    const bool every = o->contains(QStringLiteral("every_minutes"));
    const bool daily = o->contains(QStringLiteral("daily_at"));
    if (every == daily) {
        report(path, SiteDocument::tr("expected exactly one of every_minutes and daily_at"));
    }
    if (const auto v = fields.get("every_minutes")) {
        if (const auto n = integer(*v, fields.pathOf("every_minutes"), 1, 7 * 24 * 60)) {
            schedule.kind = SyncSchedule::Kind::Every;
            schedule.everyMinutes = *n;
        }
    }
    if (const auto v = fields.get("daily_at")) {
        if (const auto text = string(*v, fields.pathOf("daily_at"))) {
            const QTime time = QTime::fromString(*text, QStringLiteral("HH:mm"));
            if (text->size() != 5 || !time.isValid()) {
                report(fields.pathOf("daily_at"),
                       SiteDocument::tr("expected a time as HH:MM (00:00 to 23:59), got %1")
                           .arg(shown(*text)));
            } else if (!every) {
                schedule.kind = SyncSchedule::Kind::Daily;
                schedule.dailyAt = time;
            }
        }
    }
    if (every && daily)
        schedule = SyncSchedule();
    fields.finish();
    return schedule;
}

SyncHook Reader::readHook(const QJsonObject& o, const QString& path)
{
    SyncHook hook;
    Fields fields(*this, o, path);
    if (const auto value = fields.get("host")) {
        constexpr std::array<const char*, 2> names = {"main", "backup"};
        if (const auto index =
                choice(*value, fields.pathOf("host"), names,
                       QT_TRANSLATE_NOOP("SiteDocument", "unknown host %1; expected %2")))
            hook.host = static_cast<HostRole>(*index);
    }
    if (const auto value = fields.get("command", Need::required())) {
        if (const auto command = string(*value, fields.pathOf("command"))) {
            if (command->trimmed().isEmpty() || command->contains(QChar::Null) ||
                command->size() > 4096)
                report(fields.pathOf("command"),
                       SiteDocument::tr("expected a command of 1 to 4096 characters"));
            else
                hook.command = *command;
        }
    }
    if (const auto value = fields.get("timeout_seconds")) {
        if (const auto n = integer(*value, fields.pathOf("timeout_seconds"), 1, 86400))
            hook.timeoutSeconds = *n;
    }
    fields.finish();
    return hook;
}

RecoveryPlan Reader::readPlan(const QJsonObject& o, const QString& path)
{
    RecoveryPlan plan;
    Fields fields(*this, o, path);
    if (const auto value = fields.get("groups", Need::required())) {
        if (const auto groups = array(*value, fields.pathOf("groups"))) {
            if (groups->isEmpty())
                report(fields.pathOf("groups"), SiteDocument::tr("expected at least one group"));
            QHash<QString, qsizetype> seen;
            for (qsizetype i = 0; i < groups->size(); ++i) {
                const QString groupPath = indexPath(fields.pathOf("groups"), i);
                const auto g = object(groups->at(i), groupPath);
                if (!g)
                    continue;
                PlanGroup group;
                Fields groupFields(*this, *g, groupPath);
                if (const auto v = groupFields.get("name", Need::required())) {
                    if (const auto name = string(*v, groupFields.pathOf("name"))) {
                        if (const auto it = seen.constFind(*name); it != seen.cend()) {
                            report(groupFields.pathOf("name"),
                                   SiteDocument::tr("duplicate group name %1 (also %2)")
                                       .arg(shown(*name), indexPath(fields.pathOf("groups"), *it)));
                        } else if (isJobName(*name)) {
                            group.name = *name;
                            seen.insert(*name, i);
                        } else {
                            report(groupFields.pathOf("name"),
                                   SiteDocument::tr("invalid group name %1; expected "
                                                    "[a-z0-9][a-z0-9_-]{0,31}")
                                       .arg(shown(*name)));
                        }
                    }
                }
                if (const auto v = groupFields.get("steps", Need::required())) {
                    if (const auto steps = array(*v, groupFields.pathOf("steps"))) {
                        if (steps->isEmpty())
                            report(groupFields.pathOf("steps"),
                                   SiteDocument::tr("expected at least one step"));
                        for (qsizetype j = 0; j < steps->size(); ++j) {
                            const QString stepPath = indexPath(groupFields.pathOf("steps"), j);
                            if (const auto step = object(steps->at(j), stepPath))
                                group.steps.append(readPlanStep(*step, stepPath));
                        }
                    }
                }
                groupFields.finish();
                plan.groups.append(group);
            }
        }
    }
    if (const auto value = fields.get("drill_record")) {
        if (const auto record = string(*value, fields.pathOf("drill_record"))) {
            if (isDnsName(
                    *record,
                    {.allowUnderscore = true, .allowFinalDot = false, .numericTopLabel = true}))
                plan.drillRecord = *record;
            else
                report(fields.pathOf("drill_record"),
                       SiteDocument::tr("expected a name relative to the zone, got %1")
                           .arg(shown(*record)));
        }
    }
    if (const auto value = fields.get("auto_failover")) {
        if (const auto b = boolean(*value, fields.pathOf("auto_failover")))
            plan.autoFailover = *b;
    }
    if (const auto value = fields.get("dead_time_seconds")) {
        if (const auto n = integer(*value, fields.pathOf("dead_time_seconds"), 10, 86400))
            plan.deadTimeSeconds = *n;
    }
    fields.finish();
    return plan;
}

PlanStep Reader::readPlanStep(const QJsonObject& o, const QString& path)
{
    PlanStep step;
    Fields fields(*this, o, path);
    bool kindKnown = false;
    if (const auto value = fields.get("kind", Need::required())) {
        const auto kind =
            choice(*value, fields.pathOf("kind"), PlanStepKindNames,
                   QT_TRANSLATE_NOOP("SiteDocument", "unknown step kind %1; expected one of %2"));
        kindKnown = kind.has_value();
        if (kind)
            step.kind = static_cast<PlanStep::Kind>(*kind);
    }
    const QString kindName = nameAt(PlanStepKindNames, static_cast<int>(step.kind));
    using K = PlanStep::Kind;
    auto need = [&](std::initializer_list<K> usedBy, std::initializer_list<K> requiredBy) {
        if (!kindKnown)
            return Need::optional();
        if (std::find(usedBy.begin(), usedBy.end(), step.kind) == usedBy.end())
            return Need{Need::Unused, SiteDocument::tr("not used by %1 steps").arg(kindName)};
        if (std::find(requiredBy.begin(), requiredBy.end(), step.kind) != requiredBy.end())
            return Need{Need::Required,
                        SiteDocument::tr("missing (required by %1 steps)").arg(kindName)};
        return Need::optional();
    };

    if (const auto value = fields.get("job", need({K::Sync}, {K::Sync}))) {
        if (const auto job = string(*value, fields.pathOf("job")))
            step.job = *job;
    }
    const std::initializer_list<K> withContainers = {K::Snapshot, K::Fence, K::Refresh, K::Start};
    if (const auto value = fields.get("containers", need(withContainers, withContainers))) {
        if (const auto names = array(*value, fields.pathOf("containers"))) {
            if (names->isEmpty())
                report(fields.pathOf("containers"),
                       SiteDocument::tr("expected at least one container"));
            for (qsizetype i = 0; i < names->size(); ++i) {
                const QString itemPath = indexPath(fields.pathOf("containers"), i);
                const auto name = string(names->at(i), itemPath);
                if (!name)
                    continue;
                if (!isInstanceName(*name))
                    report(itemPath, SiteDocument::tr("invalid instance name %1; expected a "
                                                      "letter, then letters, digits or hyphens "
                                                      "(at most 63, not ending with a hyphen)")
                                         .arg(shown(*name)));
                else if (step.containers.contains(*name))
                    report(itemPath,
                           SiteDocument::tr("container %1 is listed twice").arg(shown(*name)));
                else
                    step.containers.append(*name);
            }
        }
    }
    if (const auto value =
            fields.get("service", need({K::Start, K::Switch, K::Verify}, {K::Switch, K::Verify}))) {
        if (const auto service = string(*value, fields.pathOf("service")))
            step.service = *service;
    }
    if (const auto value = fields.get("message", need({K::Notify}, {K::Notify}))) {
        if (const auto message = string(*value, fields.pathOf("message"))) {
            if (message->size() > 1000)
                report(fields.pathOf("message"),
                       SiteDocument::tr("expected at most 1000 characters"));
            else
                step.message = *message;
        }
    }
    if (const auto value = fields.get("timeout_seconds")) {
        if (const auto n = integer(*value, fields.pathOf("timeout_seconds"), 1, 86400))
            step.timeoutSeconds = *n;
    }
    if (const auto value = fields.get("retries")) {
        if (const auto n = integer(*value, fields.pathOf("retries"), 0, 10))
            step.retries = *n;
    }
    if (const auto value = fields.get("retry_delay_seconds")) {
        if (const auto n = integer(*value, fields.pathOf("retry_delay_seconds"), 1, 3600))
            step.retryDelaySeconds = *n;
    }
    for (const char* key : {"before", "after"}) {
        if (const auto value = fields.get(key)) {
            if (const auto hooks = array(*value, fields.pathOf(key))) {
                QList<PlanHook>& list = qstrcmp(key, "before") == 0 ? step.before : step.after;
                for (qsizetype i = 0; i < hooks->size(); ++i) {
                    const QString itemPath = indexPath(fields.pathOf(key), i);
                    if (const auto hook = object(hooks->at(i), itemPath))
                        list.append(readHook(*hook, itemPath));
                }
            }
        }
    }
    fields.finish();
    return step;
}

std::optional<QString> Reader::mailAddress(const QJsonValue& value, const QString& path)
{
    std::optional<QString> s = string(value, path);
    if (s && !isMailAddress(*s)) {
        report(path,
               SiteDocument::tr("expected an e-mail address (name@domain), got %1").arg(shown(*s)));
        return std::nullopt;
    }
    return s;
}

NotificationChannel Reader::readChannel(const QJsonObject& o, const QString& path,
                                        const QHash<QString, qsizetype>& otherNames)
{
    using K = NotificationChannel::Kind;
    NotificationChannel channel;
    Fields fields(*this, o, path);
    if (const auto value = fields.get("name", Need::required())) {
        if (const auto name = string(*value, fields.pathOf("name"))) {
            if (const auto it = otherNames.constFind(*name); it != otherNames.cend()) {
                report(fields.pathOf("name"),
                       SiteDocument::tr("duplicate channel name %1 (also %2)")
                           .arg(shown(*name), indexPath(QStringLiteral("notifications"), *it)));
            } else if (isJobName(*name)) {
                channel.name = *name;
            } else {
                report(
                    fields.pathOf("name"),
                    SiteDocument::tr("invalid channel name %1; expected [a-z0-9][a-z0-9_-]{0,31}")
                        .arg(shown(*name)));
            }
        }
    }
    bool kindKnown = false;
    if (const auto value = fields.get("kind", Need::required())) {
        const auto kind = choice(
            *value, fields.pathOf("kind"), ChannelKindNames,
            QT_TRANSLATE_NOOP("SiteDocument", "unknown channel kind %1; expected one of %2"));
        kindKnown = kind.has_value();
        if (kind)
            channel.kind = static_cast<K>(*kind);
    }
    const QString kindName = nameAt(ChannelKindNames, static_cast<int>(channel.kind));
    auto need = [&](std::initializer_list<K> usedBy, std::initializer_list<K> requiredBy) {
        if (!kindKnown)
            return Need::optional();
        if (std::find(usedBy.begin(), usedBy.end(), channel.kind) == usedBy.end())
            return Need{Need::Unused, SiteDocument::tr("not used by %1 channels").arg(kindName)};
        if (std::find(requiredBy.begin(), requiredBy.end(), channel.kind) != requiredBy.end())
            return Need{Need::Required,
                        SiteDocument::tr("missing (required by %1 channels)").arg(kindName)};
        return Need::optional();
    };
    const std::initializer_list<K> http = {K::Ntfy, K::Gotify, K::Webhook, K::Ifttt};

    if (const auto value = fields.get("events", Need::required())) {
        if (const auto events = array(*value, fields.pathOf("events"))) {
            if (events->isEmpty())
                report(fields.pathOf("events"), SiteDocument::tr("expected at least one event"));
            for (qsizetype i = 0; i < events->size(); ++i) {
                const QString itemPath = indexPath(fields.pathOf("events"), i);
                const auto index = choice(
                    events->at(i), itemPath, ChannelEventNames,
                    QT_TRANSLATE_NOOP("SiteDocument", "unknown event %1; expected one of %2"));
                if (!index)
                    continue;
                const auto event = static_cast<NotificationChannel::Event>(*index);
                if (channel.events.contains(event))
                    report(itemPath, SiteDocument::tr("event %1 is listed twice")
                                         .arg(shown(nameAt(ChannelEventNames, *index))));
                else
                    channel.events.append(event);
            }
        }
    }
    if (const auto value = fields.get("url", need(http, http))) {
        if (const auto url = httpUrl(*value, fields.pathOf("url"))) {
            if (!QUrl(*url).userInfo().isEmpty())
                report(fields.pathOf("url"),
                       SiteDocument::tr("a user or password in the URL is not allowed; put the "
                                        "secret in the vault and name it in \"credentials\""));
            else
                channel.url = *url;
        }
    }
    if (const auto value = fields.get("topic", need({K::Ntfy}, {K::Ntfy}))) {
        if (const auto topic = string(*value, fields.pathOf("topic"))) {
            if (isTopic(*topic))
                channel.topic = *topic;
            else
                report(fields.pathOf("topic"),
                       SiteDocument::tr("invalid topic %1; expected [A-Za-z0-9_-]{1,64}")
                           .arg(shown(*topic)));
        }
    }
    if (const auto value =
            fields.get("credentials", need({K::Ntfy, K::Gotify, K::Webhook, K::Ifttt, K::Email},
                                           {K::Gotify, K::Ifttt}))) {
        if (const auto id = vaultId(*value, fields.pathOf("credentials")))
            channel.credentials = *id;
    }
    if (const auto value = fields.get("ca_file")) {
        if (const auto file = absolutePath(*value, fields.pathOf("ca_file")))
            channel.caFile = *file;
    }
    if (const auto value = fields.get("smtp_host", need({K::Email}, {K::Email}))) {
        if (const auto host = hostAddress(*value, fields.pathOf("smtp_host")))
            channel.smtpHost = *host;
    }
    if (const auto value = fields.get("port", need({K::Email}, {}))) {
        if (const auto port = integer(*value, fields.pathOf("port"), 1, 65535))
            channel.port = *port;
    }
    if (const auto value = fields.get("tls", need({K::Email}, {}))) {
        if (const auto index = choice(
                *value, fields.pathOf("tls"), ChannelTlsNames,
                QT_TRANSLATE_NOOP("SiteDocument", "unknown TLS mode %1; expected one of %2")))
            channel.tls = static_cast<NotificationChannel::Tls>(*index);
    }
    if (const auto value = fields.get("user", need({K::Email}, {}))) {
        if (const auto user = string(*value, fields.pathOf("user"))) {
            if (user->size() > 256 || std::any_of(user->begin(), user->end(),
                                                  [](QChar c) { return c < QLatin1Char(' '); }))
                report(fields.pathOf("user"),
                       SiteDocument::tr("expected a login name on one line, got %1")
                           .arg(shown(*user)));
            else
                channel.user = *user;
        }
    }
    if (const auto value = fields.get("from", need({K::Email}, {K::Email}))) {
        if (const auto from = mailAddress(*value, fields.pathOf("from")))
            channel.from = *from;
    }
    if (const auto value = fields.get("to", need({K::Email}, {K::Email}))) {
        if (const auto list = array(*value, fields.pathOf("to"))) {
            if (list->isEmpty())
                report(fields.pathOf("to"), SiteDocument::tr("expected at least one address"));
            for (qsizetype i = 0; i < list->size(); ++i) {
                if (const auto to = mailAddress(list->at(i), indexPath(fields.pathOf("to"), i)))
                    channel.to.append(*to);
            }
        }
    }
    fields.finish();
    return channel;
}

void Reader::checkPlanReferences(const Site& site)
{
    const QString plan = QStringLiteral("plan");
    for (qsizetype g = 0; g < site.plan.groups.size(); ++g) {
        const PlanGroup& group = site.plan.groups.at(g);
        const QString groupPath = indexPath(childPath(plan, QStringLiteral("groups")), g);
        for (qsizetype i = 0; i < group.steps.size(); ++i) {
            const PlanStep& step = group.steps.at(i);
            const QString stepPath = indexPath(childPath(groupPath, QStringLiteral("steps")), i);
            if (!step.job.isEmpty() &&
                std::none_of(site.syncJobs.cbegin(), site.syncJobs.cend(),
                             [&](const SyncJob& job) { return job.name == step.job; }))
                report(childPath(stepPath, QStringLiteral("job")),
                       SiteDocument::tr("no sync job is named %1").arg(shown(step.job)));
            if (!step.service.isEmpty() &&
                std::none_of(site.services.cbegin(), site.services.cend(),
                             [&](const Service& service) { return service.name == step.service; }))
                report(childPath(stepPath, QStringLiteral("service")),
                       SiteDocument::tr("no service is named %1").arg(shown(step.service)));
            if (step.kind == PlanStep::Kind::Switch && !step.service.isEmpty()) {
                const auto it = std::find_if(
                    site.services.cbegin(), site.services.cend(),
                    [&](const Service& service) { return service.name == step.service; });
                if (it != site.services.cend() && !it->dns)
                    report(childPath(stepPath, QStringLiteral("service")),
                           SiteDocument::tr("service %1 has no dns record to switch")
                               .arg(shown(step.service)));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Writing: keys in the order of docs/site-format.md (QJsonDocument would sort
// them), four-space indentation, short arrays of scalars on one line.

class JsonWriter
{
public:
    QByteArray finish()
    {
        m_out += '\n';
        return m_out;
    }

    void beginObject(const char* key = nullptr) { open(key, '{'); }
    void endObject() { close('}'); }
    void beginArray(const char* key = nullptr) { open(key, '['); }
    void endArray() { close(']'); }

    void value(const char* key, int v)
    {
        member(key);
        m_out += QByteArray::number(v);
    }
    void value(const char* key, const QString& v)
    {
        member(key);
        m_out += jsonQuoted(v).toUtf8();
    }
    void boolean(const char* key, bool v)
    {
        member(key);
        m_out += v ? "true" : "false";
    }
    void inlineArray(const char* key, const QStringList& items)
    {
        member(key);
        QStringList quoted;
        for (const QString& item : items)
            quoted << jsonQuoted(item);
        m_out += '[' + quoted.join(QStringLiteral(", ")).toUtf8() + ']';
    }
    void inlineArray(const char* key, const QList<int>& items)
    {
        member(key);
        QByteArrayList numbers;
        for (int item : items)
            numbers << QByteArray::number(item);
        m_out += '[' + numbers.join(", ") + ']';
    }

private:
    void member(const char* key)
    {
        if (!m_empty.isEmpty()) {
            if (!m_empty.back())
                m_out += ',';
            m_empty.back() = false;
            m_out += '\n' + QByteArray(4 * m_empty.size(), ' ');
        }
        if (key != nullptr)
            m_out += '"' + QByteArray(key) + "\": ";
    }
    void open(const char* key, char bracket)
    {
        member(key);
        m_out += bracket;
        m_empty.append(true);
    }
    void close(char bracket)
    {
        const bool empty = m_empty.takeLast();
        if (!empty)
            m_out += '\n' + QByteArray(4 * m_empty.size(), ' ');
        m_out += bracket;
    }

    QByteArray m_out;
    QList<bool> m_empty; ///< per open container: nothing written in it yet
};

void writeHost(JsonWriter& w, const char* key, const Host& host)
{
    w.beginObject(key);
    w.value("name", host.name);
    w.value("address", host.address);
    if (!host.publicAddress.isEmpty())
        w.value("public_address", host.publicAddress);

    w.beginObject("ssh");
    w.value("port", host.ssh.port);
    w.value("user", host.ssh.user);
    w.value("key", host.ssh.keyId);
    if (host.ssh.jump) {
        w.beginObject("jump");
        w.value("address", host.ssh.jump->address);
        w.value("port", host.ssh.jump->port);
        w.value("user", host.ssh.jump->user);
        w.value("key", host.ssh.jump->keyId);
        w.endObject();
    }
    w.endObject();

    if (host.lxd) {
        const LxdEndpoint& lxd = *host.lxd;
        w.beginObject("lxd");
        w.value("transport", nameAt(TransportNames, static_cast<int>(lxd.transport)));
        if (lxd.transport == LxdEndpoint::Transport::Ssh) {
            w.value("socket", lxd.socketPath);
        } else {
            w.value("url", lxd.url);
            w.value("client_certificate", lxd.clientCertificateId);
        }
        w.endObject();
    }
    w.endObject();
}

void writeDns(JsonWriter& w, const DnsBinding& dns)
{
    using P = DnsBinding::Provider;
    w.beginObject("dns");
    w.value("provider", nameAt(ProviderNames, static_cast<int>(dns.provider)));
    w.value("zone", dns.zone);
    w.value("record", dns.record);
    w.value("type", dns.type);
    w.value("ttl", dns.ttl);
    switch (dns.provider) {
    case P::Rfc2136:
        w.value("server", dns.server);
        w.value("port", dns.port);
        if (!dns.tsigId.isEmpty())
            w.value("tsig", dns.tsigId);
        break;
    case P::PowerDns:
        w.value("api_url", dns.apiUrl);
        w.value("credentials", dns.credentialsId);
        break;
    case P::Ovh:
    case P::Cloudflare:
    case P::Gandi:
        if (!dns.apiUrl.isEmpty())
            w.value("api_url", dns.apiUrl);
        w.value("credentials", dns.credentialsId);
        break;
    }
    if (!dns.verifyServers.isEmpty())
        w.inlineArray("verify", dns.verifyServers);
    w.endObject();
}

void writeFailoverIp(JsonWriter& w, const FailoverIp& failover)
{
    w.beginObject("failover_ip");
    w.value("provider", QStringLiteral("ovh"));
    w.value("ip", failover.ip);
    w.value("main_service", failover.mainService);
    w.value("backup_service", failover.backupService);
    if (!failover.apiUrl.isEmpty())
        w.value("api_url", failover.apiUrl);
    w.value("credentials", failover.credentialsId);
    w.endObject();
}

void writeSyncJob(JsonWriter& w, const SyncJob& job)
{
    w.beginObject();
    w.value("name", job.name);
    w.value("direction", job.direction == SyncJob::Direction::Push ? QStringLiteral("push")
                                                                   : QStringLiteral("pull"));
    w.inlineArray("source", job.sources);
    w.value("destination", job.destination);
    if (!job.excludes.isEmpty())
        w.inlineArray("exclude", job.excludes);
    w.boolean("delete", job.deleteExtraneous);
    if (job.bandwidthLimitKiB > 0)
        w.value("bwlimit_kib", job.bandwidthLimitKiB);
    w.boolean("low_priority", job.lowPriority);
    switch (job.schedule.kind) {
    case SyncSchedule::Kind::Manual:
        w.value("schedule", QStringLiteral("manual"));
        break;
    case SyncSchedule::Kind::Every:
        w.beginObject("schedule");
        w.value("every_minutes", job.schedule.everyMinutes);
        w.endObject();
        break;
    case SyncSchedule::Kind::Daily:
        w.beginObject("schedule");
        w.value("daily_at", job.schedule.dailyAt.toString(QStringLiteral("HH:mm")));
        w.endObject();
        break;
    }
    if (!job.preHooks.isEmpty()) {
        w.beginArray("pre_hooks");
        for (const SyncHook& hook : job.preHooks) {
            w.beginObject();
            w.value("host", hook.host == HostRole::Main ? QStringLiteral("main")
                                                        : QStringLiteral("backup"));
            w.value("command", hook.command);
            w.value("timeout_seconds", hook.timeoutSeconds);
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
}

void writeHooks(JsonWriter& w, const char* key, const QList<PlanHook>& hooks)
{
    if (hooks.isEmpty())
        return;
    w.beginArray(key);
    for (const PlanHook& hook : hooks) {
        w.beginObject();
        w.value("host",
                hook.host == HostRole::Main ? QStringLiteral("main") : QStringLiteral("backup"));
        w.value("command", hook.command);
        w.value("timeout_seconds", hook.timeoutSeconds);
        w.endObject();
    }
    w.endArray();
}

void writePlan(JsonWriter& w, const RecoveryPlan& plan)
{
    w.beginObject("plan");
    w.beginArray("groups");
    for (const PlanGroup& group : plan.groups) {
        w.beginObject();
        w.value("name", group.name);
        w.beginArray("steps");
        for (const PlanStep& step : group.steps) {
            w.beginObject();
            w.value("kind",
                    QString::fromLatin1(PlanStepKindNames[static_cast<std::size_t>(step.kind)]));
            if (!step.job.isEmpty())
                w.value("job", step.job);
            if (!step.containers.isEmpty())
                w.inlineArray("containers", step.containers);
            if (!step.service.isEmpty())
                w.value("service", step.service);
            if (!step.message.isEmpty())
                w.value("message", step.message);
            if (step.timeoutSeconds > 0)
                w.value("timeout_seconds", step.timeoutSeconds);
            w.value("retries", step.retries);
            w.value("retry_delay_seconds", step.retryDelaySeconds);
            writeHooks(w, "before", step.before);
            writeHooks(w, "after", step.after);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
    if (!plan.drillRecord.isEmpty())
        w.value("drill_record", plan.drillRecord);
    w.boolean("auto_failover", plan.autoFailover);
    w.value("dead_time_seconds", plan.deadTimeSeconds);
    w.endObject();
}

void writeChannel(JsonWriter& w, const NotificationChannel& channel)
{
    using K = NotificationChannel::Kind;
    w.beginObject();
    w.value("name", channel.name);
    w.value("kind", nameAt(ChannelKindNames, static_cast<int>(channel.kind)));
    QStringList events;
    for (NotificationChannel::Event event : channel.events)
        events << nameAt(ChannelEventNames, static_cast<int>(event));
    w.inlineArray("events", events);
    if (!channel.url.isEmpty())
        w.value("url", channel.url);
    if (!channel.topic.isEmpty())
        w.value("topic", channel.topic);
    if (channel.kind == K::Email) {
        w.value("smtp_host", channel.smtpHost);
        if (channel.port > 0)
            w.value("port", channel.port);
        w.value("tls", nameAt(ChannelTlsNames, static_cast<int>(channel.tls)));
        if (!channel.user.isEmpty())
            w.value("user", channel.user);
        w.value("from", channel.from);
        w.inlineArray("to", channel.to);
    }
    if (!channel.credentials.isEmpty())
        w.value("credentials", channel.credentials);
    if (!channel.caFile.isEmpty())
        w.value("ca_file", channel.caFile);
    w.endObject();
}

void writeProbe(JsonWriter& w, const ProbeSpec& probe)
{
    using K = ProbeSpec::Kind;
    w.beginObject();
    w.value("kind", nameAt(ProbeKindNames, static_cast<int>(probe.kind)));
    switch (probe.kind) {
    case K::Tcp:
        w.value("host", nameAt(HostRoleNames, static_cast<int>(probe.host)));
        w.value("port", probe.port);
        break;
    case K::Ssh:
        w.value("host", nameAt(HostRoleNames, static_cast<int>(probe.host)));
        break;
    case K::Dns:
        w.value("port", probe.port);
        w.value("server", probe.server);
        w.value("name", probe.name);
        break;
    case K::Lxd:
        w.value("host", nameAt(HostRoleNames, static_cast<int>(probe.host)));
        w.value("instance", probe.instance);
        if (probe.maxCopyAgeMinutes > 0)
            w.value("max_copy_age_minutes", probe.maxCopyAgeMinutes);
        break;
    case K::Http:
        w.value("url", probe.url);
        w.inlineArray("expect_status", QList<int>{probe.expectStatusMin, probe.expectStatusMax});
        if (!probe.keyword.isEmpty())
            w.value("keyword", probe.keyword);
        if (!probe.tlsPin.isEmpty())
            w.value("tls_pin", probe.tlsPin);
        break;
    }
    w.value("interval_seconds", probe.intervalSeconds);
    w.value("timeout_seconds", probe.timeoutSeconds);
    w.value("fail_threshold", probe.failThreshold);
    w.value("recover_threshold", probe.recoverThreshold);
    w.endObject();
}

/// Line and column (both from 1, the column in characters) of a byte offset.
std::pair<int, int> lineAndColumn(const QByteArray& data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    const QByteArray before = data.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int line = static_cast<int>(before.count('\n')) + 1;
    const int column =
        static_cast<int>(QString::fromUtf8(before.sliced(lineStart)).toUcs4().size()) + 1;
    return {line, column};
}

} // namespace

Result<Site> SiteDocument::load(const QString& path)
{
    const Result<QByteArray> data = AtomicFile::read(path);
    if (!data) {
        const SiteError code =
            data.error().is(FileError::NotFound) ? SiteError::NotFound : SiteError::ReadFailed;
        return Error(code, data.error().message());
    }

    Result<Site> site = parse(*data);
    if (!site) {
        const Error& error = site.error();
        qCDebug(lcSite) << "cannot load" << path << ":" << error.message();
        return Error(error.code<SiteError>().value_or(SiteError::Invalid),
                     path + QStringLiteral(": ") + error.message(), error.details());
    }
    qCDebug(lcSite) << "loaded site" << site->name << "from" << path;
    return site;
}

Result<Site> SiteDocument::parse(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, parseError.offset);
        return Error(SiteError::NotJson,
                     QStringLiteral("not JSON: %1 at line %2, column %3 (offset %4)")
                         .arg(parseError.errorString(), QString::number(line),
                              QString::number(column), QString::number(parseError.offset)));
    }
    if (!doc.isObject()) {
        return Error(SiteError::NotJson,
                     QStringLiteral("not a JSON object: the document is an array"));
    }

    Reader reader;
    Site site = reader.readSite(doc.object());
    if (!reader.problems.isEmpty()) {
        QStringList details;
        for (const SiteProblem& problem : std::as_const(reader.problems))
            details << problem.toString();
        const qsizetype count = details.size();
        return Error(SiteError::Invalid,
                     count == 1 ? QStringLiteral("site document has 1 problem")
                                : QStringLiteral("site document has %1 problems").arg(count),
                     details);
    }
    return site;
}

QList<SiteProblem> SiteDocument::validate(const QJsonObject& root)
{
    Reader reader;
    (void)reader.readSite(root);
    return reader.problems;
}

QByteArray SiteDocument::toJson(const Site& site)
{
    JsonWriter w;
    w.beginObject();
    w.value("schema", Site::SchemaVersion);
    w.value("name", site.name);
    if (!site.vault.isEmpty())
        w.value("vault", site.vault);

    w.beginObject("hosts");
    writeHost(w, "main", site.main);
    writeHost(w, "backup", site.backup);
    w.endObject();

    w.beginArray("services");
    for (const Service& service : site.services) {
        w.beginObject();
        w.value("name", service.name);
        if (!service.containers.isEmpty())
            w.inlineArray("containers", service.containers);
        if (service.dns)
            writeDns(w, *service.dns);
        if (service.failoverIp)
            writeFailoverIp(w, *service.failoverIp);
        if (!service.probes.isEmpty()) {
            w.beginArray("probes");
            for (const ProbeSpec& probe : service.probes)
                writeProbe(w, probe);
            w.endArray();
        }
        w.endObject();
    }
    w.endArray();

    if (!site.syncJobs.isEmpty()) {
        w.beginArray("sync");
        for (const SyncJob& job : site.syncJobs)
            writeSyncJob(w, job);
        w.endArray();
    }

    if (!site.plan.isEmpty())
        writePlan(w, site.plan);

    if (!site.notifications.isEmpty()) {
        w.beginArray("notifications");
        for (const NotificationChannel& channel : site.notifications)
            writeChannel(w, channel);
        w.endArray();
    }

    w.beginObject("targets");
    w.value("rpo_minutes", site.targets.rpoMinutes);
    w.value("rto_minutes", site.targets.rtoMinutes);
    w.value("rehearsal_reminder_days", site.targets.rehearsalReminderDays);
    w.endObject();

    w.endObject();
    return w.finish();
}

QString SiteDocument::vaultPath(const Site& site, const QString& sitePath)
{
    if (site.vault.isEmpty())
        return Paths::vaultFile();
    return QDir::cleanPath(QFileInfo(sitePath).absoluteDir().absoluteFilePath(site.vault));
}

QString SiteDocument::siteKey(const QString& sitePath)
{
    return sitePath.startsWith(QLatin1Char(':')) ? sitePath
                                                 : QFileInfo(sitePath).absoluteFilePath();
}

Result<void> SiteDocument::save(const Site& site, const QString& path)
{
    const Result<void> written = AtomicFile::write(path, toJson(site));
    if (!written) {
        qCDebug(lcSite) << "cannot save site to" << path << ":" << written.error().message();
        return Error(SiteError::WriteFailed, written.error().message());
    }
    qCDebug(lcSite) << "saved site" << site.name << "to" << path;
    return Result<void>::success();
}

} // namespace relais
