#include "VaultHeader.h"

#include "VaultError.h"

#include <QtEndian>

namespace relais {

namespace {

constexpr char KdfScrypt[] = "scrypt";

void appendBigEndian16(QByteArray& out, quint16 value)
{
    out.append(char(value >> 8)).append(char(value & 0xff));
}

void appendBigEndian32(QByteArray& out, quint32 value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xff));
}

quint16 readBigEndian16(const QByteArray& in, qsizetype at)
{
    return qFromBigEndian<quint16>(in.constData() + at);
}

quint32 readBigEndian32(const QByteArray& in, qsizetype at)
{
    return qFromBigEndian<quint32>(in.constData() + at);
}

Error truncated(const QString& path, qsizetype size, qsizetype expected)
{
    return Error(VaultError::Truncated,
                 QStringLiteral("%1 is cut short (%2 bytes, %3 expected); restore %1.bak or "
                                "another copy")
                     .arg(path)
                     .arg(size)
                     .arg(expected));
}

Error corrupt(const QString& path, const QString& what)
{
    return Error(
        VaultError::Corrupt,
        QStringLiteral("%1 is damaged: %2; restore %1.bak or another copy").arg(path, what));
}

bool isKdfNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

} // namespace

QByteArray VaultHeader::serialize() const
{
    QByteArray out;
    out.reserve(Size);
    out.append(Magic, MagicSize);
    appendBigEndian16(out, FormatVersion);
    QByteArray name(KdfScrypt);
    name.resize(KdfNameSize, '\0');
    out.append(name);
    out.append(char(kdf.logN));
    appendBigEndian32(out, kdf.r);
    appendBigEndian32(out, kdf.p);
    out.append(salt);
    out.append(nonce);
    out.append(keyCheck);
    appendBigEndian32(out, bodySize);
    Q_ASSERT(out.size() == Size);
    return out;
}

Result<VaultHeader> VaultHeader::parse(const QByteArray& file, const QString& path)
{
    const QByteArrayView magic(Magic, MagicSize);
    if (file.size() < MagicSize) {
        if (magic.startsWith(file))
            return truncated(path, file.size(), Size + TagSize);
        return Error(VaultError::NotAVault,
                     QStringLiteral("%1 is not a Relais vault; choose the vault file").arg(path));
    }
    if (!file.startsWith(magic)) {
        return Error(VaultError::NotAVault,
                     QStringLiteral("%1 is not a Relais vault; choose the vault file").arg(path));
    }
    if (file.size() < MagicSize + 2)
        return truncated(path, file.size(), Size + TagSize);
    const quint16 version = readBigEndian16(file, MagicSize);
    if (version != FormatVersion) {
        return Error(VaultError::UnsupportedVersion,
                     QStringLiteral("%1 has vault format %2, this Relais reads format %3; open it "
                                    "with the Relais that wrote it")
                         .arg(path)
                         .arg(version)
                         .arg(FormatVersion));
    }
    if (file.size() < Size)
        return truncated(path, file.size(), Size + TagSize);

    qsizetype at = MagicSize + 2;
    const QByteArray name = file.mid(at, KdfNameSize);
    at += KdfNameSize;
    qsizetype nameLength = 0;
    while (nameLength < KdfNameSize && name.at(nameLength) != '\0')
        ++nameLength;
    for (qsizetype i = 0; i < KdfNameSize; ++i) {
        const char c = name.at(i);
        if (i < nameLength ? !isKdfNameChar(c) : c != '\0')
            return corrupt(path, QStringLiteral("bad key derivation name"));
    }
    if (nameLength == 0)
        return corrupt(path, QStringLiteral("bad key derivation name"));
    if (name.left(nameLength) != KdfScrypt) {
        return Error(VaultError::UnsupportedVersion,
                     QStringLiteral("%1 uses key derivation \"%2\" that this Relais does not know; "
                                    "open it with the Relais that wrote it")
                         .arg(path, QString::fromLatin1(name.left(nameLength))));
    }

    VaultHeader header;
    header.kdf.logN = quint8(file.at(at));
    at += 1;
    header.kdf.r = readBigEndian32(file, at);
    at += 4;
    header.kdf.p = readBigEndian32(file, at);
    at += 4;
    if (!header.kdf.isValid()) {
        return corrupt(path,
                       QStringLiteral("scrypt parameters out of range (log2 N %1, r %2, p %3)")
                           .arg(header.kdf.logN)
                           .arg(header.kdf.r)
                           .arg(header.kdf.p));
    }
    header.salt = file.mid(at, SaltSize);
    at += SaltSize;
    header.nonce = file.mid(at, NonceSize);
    at += NonceSize;
    header.keyCheck = file.mid(at, CheckSize);
    at += CheckSize;
    header.bodySize = readBigEndian32(file, at);
    at += 4;
    Q_ASSERT(at == Size);

    if (header.bodySize == 0)
        return corrupt(path, QStringLiteral("empty body"));
    const qint64 expected = qint64(Size) + header.bodySize + TagSize;
    if (file.size() < expected)
        return truncated(path, file.size(), expected);
    if (file.size() > expected) {
        return corrupt(
            path, QStringLiteral("%1 bytes after the end").arg(qint64(file.size()) - expected));
    }
    return header;
}

} // namespace relais
