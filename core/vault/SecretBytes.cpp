#include "SecretBytes.h"

#include <QDebug>
#include <openssl/crypto.h>

namespace relais {

namespace {

QByteArray ownCopy(QByteArrayView bytes)
{
    // QByteArray(const char*, size) allocates a buffer of its own.
    return QByteArray(bytes.data(), bytes.size());
}

} // namespace

SecretBytes::SecretBytes(QByteArrayView bytes)
    : m_bytes(ownCopy(bytes))
{}

SecretBytes SecretBytes::zeroed(qsizetype size)
{
    SecretBytes secret;
    secret.m_bytes = QByteArray(size, '\0');
    return secret;
}

SecretBytes SecretBytes::takeFrom(QByteArray& bytes)
{
    SecretBytes secret{QByteArrayView(bytes)};
    wipe(bytes);
    return secret;
}

SecretBytes::SecretBytes(const SecretBytes& other)
    : m_bytes(ownCopy(other.view()))
{}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes = QByteArray();
}

SecretBytes& SecretBytes::operator=(const SecretBytes& other)
{
    if (this != &other) {
        wipe();
        m_bytes = ownCopy(other.view());
    }
    return *this;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes = QByteArray();
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    wipe();
}

void SecretBytes::wipe()
{
    wipe(m_bytes);
}

void SecretBytes::wipe(QByteArray& bytes)
{
    if (bytes.isEmpty())
        return;
    // Only a buffer we alone hold is overwritten: data() on a shared one
    // would first copy it. A shared buffer is wiped by its last holder.
    if (!bytes.isDetached()) {
        bytes = QByteArray();
        return;
    }
    OPENSSL_cleanse(bytes.data(), static_cast<size_t>(bytes.size()));
    // Qt 6 keeps the allocation on resize(0): the zeros stay until freed.
    bytes.resize(0);
}

bool SecretBytes::equals(const SecretBytes& other) const
{
    if (size() != other.size())
        return false;
    return size() == 0 ||
           CRYPTO_memcmp(constData(), other.constData(), static_cast<size_t>(size())) == 0;
}

QDebug operator<<(QDebug debug, const SecretBytes& secret)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "SecretBytes(" << secret.size() << " bytes)";
    return debug;
}

} // namespace relais
