#pragma once

#include <QByteArray>
#include <QByteArrayView>

class QDebug;

namespace relais {

/// Bytes of a secret (a key, a passphrase, a password). The buffer is its
/// own (copies are deep, never implicitly shared) and is overwritten with
/// OPENSSL_cleanse on destruction, on reassignment and by wipe().
///
/// There is no conversion to QString or QByteArray; qDebug() prints only
/// the size.
class SecretBytes
{
public:
    SecretBytes() = default;
    /// Copies @p bytes; the caller still owns (and should wipe) its copy.
    explicit SecretBytes(QByteArrayView bytes);
    /// A buffer of @p size zero bytes, to be filled through data().
    static SecretBytes zeroed(qsizetype size);
    /// Takes @p bytes and wipes the caller's buffer.
    static SecretBytes takeFrom(QByteArray& bytes);

    SecretBytes(const SecretBytes& other);
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(const SecretBytes& other);
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    ~SecretBytes();

    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    const char* constData() const { return m_bytes.constData(); }
    const unsigned char* bytes() const
    {
        return reinterpret_cast<const unsigned char*>(m_bytes.constData());
    }
    char* data() { return m_bytes.data(); }
    unsigned char* mutableBytes() { return reinterpret_cast<unsigned char*>(m_bytes.data()); }
    QByteArrayView view() const { return QByteArrayView(m_bytes); }

    /// Overwrites the bytes with zeros and empties the buffer.
    void wipe();

    /// Constant-time comparison.
    bool equals(const SecretBytes& other) const;
    friend bool operator==(const SecretBytes& a, const SecretBytes& b) { return a.equals(b); }

    /// Overwrites a plain buffer that held a secret, then empties it.
    static void wipe(QByteArray& bytes);

private:
    QByteArray m_bytes;
};

/// Prints "SecretBytes(<n> bytes)", never the bytes.
QDebug operator<<(QDebug debug, const SecretBytes& secret);

} // namespace relais
