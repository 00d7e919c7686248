#include "SshConfigParser.h"

#include "common/AtomicFile.h"

#include <QRegularExpression>

namespace relais {

namespace {

struct Block
{
    QStringList patterns;
    bool match = false;                     // a "Match" block: skipped
    QList<QPair<QString, QString>> options; // lower-case keyword, value
};

// "Key value", "Key=value", "Key = value"; a value may be double-quoted.
bool splitOption(const QString& line, QString& key, QString& value)
{
    static const QRegularExpression re(QStringLiteral(R"(^(\S+?)\s*(?:=\s*|\s+)(.*)$)"));
    const auto m = re.match(line);
    if (!m.hasMatch())
        return false;
    key = m.captured(1).toLower();
    value = m.captured(2).trimmed();
    if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
        value = value.mid(1, value.size() - 2);
    return !value.isEmpty();
}

bool isConcrete(const QString& pattern)
{
    return !pattern.contains(QLatin1Char('*')) && !pattern.contains(QLatin1Char('?')) &&
           !pattern.startsWith(QLatin1Char('!'));
}

} // namespace

SshConfigParser::SshConfigParser(QString homeDir)
    : m_home(std::move(homeDir))
{}

bool SshConfigParser::matches(const QStringList& patterns, const QString& alias)
{
    bool matched = false;
    for (const QString& raw : patterns) {
        const bool negated = raw.startsWith(QLatin1Char('!'));
        const QString pattern = negated ? raw.mid(1) : raw;
        const QRegularExpression re =
            QRegularExpression::fromWildcard(pattern, Qt::CaseInsensitive);
        if (re.match(alias).hasMatch()) {
            if (negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

QList<SshConfigHost> SshConfigParser::parse(const QString& text)
{
    m_skipped = 0;
    QList<Block> blocks{Block{{QStringLiteral("*")}, false, {}}}; // options before any Host
    QStringList aliases;
    for (const QString& rawLine : text.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QString key;
        QString value;
        if (!splitOption(line, key, value)) {
            ++m_skipped;
            continue;
        }
        if (key == QLatin1String("host")) {
            Block block;
            block.patterns =
                value.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            for (const QString& p : block.patterns) {
                if (isConcrete(p) && !aliases.contains(p))
                    aliases.append(p);
            }
            blocks.append(block);
        } else if (key == QLatin1String("match")) {
            ++m_skipped;
            blocks.append(Block{{}, true, {}});
        } else if (key == QLatin1String("include")) {
            ++m_skipped;
        } else if (!blocks.last().match) {
            blocks.last().options.append({key, value});
        }
    }

    QList<SshConfigHost> hosts;
    for (const QString& alias : std::as_const(aliases)) {
        SshConfigHost host;
        host.alias = alias;
        bool portSet = false;
        for (const Block& block : std::as_const(blocks)) {
            if (block.match || !matches(block.patterns, alias))
                continue;
            for (const auto& [key, value] : block.options) {
                if (key == QLatin1String("hostname") && host.hostName.isEmpty()) {
                    host.hostName = value;
                } else if (key == QLatin1String("port") && !portSet) {
                    bool ok = false;
                    const int port = value.toInt(&ok);
                    if (ok && port > 0 && port < 65536) {
                        host.port = port;
                        portSet = true;
                    }
                } else if (key == QLatin1String("user") && host.user.isEmpty()) {
                    host.user = value;
                } else if (key == QLatin1String("identityfile")) {
                    if (value.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
                        continue;
                    QString path = value;
                    if (path.startsWith(QStringLiteral("~/")))
                        path = m_home + path.mid(1);
                    if (!host.identityFiles.contains(path))
                        host.identityFiles.append(path);
                } else if (key == QLatin1String("proxyjump") && host.proxyJump.isEmpty()) {
                    host.proxyJump = value;
                }
            }
        }
        if (host.hostName.isEmpty())
            host.hostName = alias;
        if (host.proxyJump.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
            host.proxyJump.clear();
        hosts.append(host);
    }
    return hosts;
}

Result<QList<SshConfigHost>> SshConfigParser::parseFile(const QString& path)
{
    const auto data = AtomicFile::read(path, 4 * 1024 * 1024);
    if (!data)
        return data.error();
    return parse(QString::fromUtf8(*data));
}

} // namespace relais
