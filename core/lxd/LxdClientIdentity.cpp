#include "LxdClientIdentity.h"

#include "LxdError.h"
#include "common/CertificatePin.h"

#include <QDateTime>
#include <QHostInfo>
#include <QSslCertificate>
#include <memory>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace relais {

namespace {

struct BioFree
{
    void operator()(BIO* b) const { BIO_free(b); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
struct ExtensionFree
{
    void operator()(X509_EXTENSION* e) const { X509_EXTENSION_free(e); }
};

Error failure(const QString& what)
{
    return Error(LxdError::InvalidClientCertificate,
                 QStringLiteral("cannot make the LXD client certificate: %1").arg(what));
}

bool addExtension(X509* certificate, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, ExtensionFree> extension(
        X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

/// The PEM text in @p bio, wiped from the BIO's memory afterwards.
SecretBytes takeBio(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    SecretBytes bytes(QByteArrayView(data, size));
    OPENSSL_cleanse(data, size_t(size));
    return bytes;
}

/// Whether the PEM private key @p keyPem belongs to the PEM certificate
/// @p certificatePem.
bool keyMatches(const QByteArray& certificatePem, const QByteArray& keyPem)
{
    std::unique_ptr<BIO, BioFree> certificateBio(
        BIO_new_mem_buf(certificatePem.constData(), int(certificatePem.size())));
    std::unique_ptr<BIO, BioFree> keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    if (!certificateBio || !keyBio)
        return false;
    std::unique_ptr<X509, X509Free> certificate(
        PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    std::unique_ptr<EVP_PKEY, PkeyFree> key(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    return certificate && key && X509_check_private_key(certificate.get(), key.get()) == 1;
}

} // namespace

QString LxdClientIdentity::defaultCommonName()
{
    QString host = QHostInfo::localHostName();
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    return QStringLiteral("relais@%1").arg(host);
}

Result<LxdClientIdentity> LxdClientIdentity::generate(const QString& commonName)
{
    std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_EC_gen("P-384"));
    if (!key)
        return failure(QStringLiteral("EC P-384 key generation failed"));
    std::unique_ptr<X509, X509Free> certificate(X509_new());
    if (!certificate)
        return failure(QStringLiteral("out of memory"));
    X509_set_version(certificate.get(), 2);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return failure(QStringLiteral("no random serial number"));
    serial[0] &= 0x7f; // a positive INTEGER
    BIGNUM* number = BN_bin2bn(serial, sizeof serial, nullptr);
    const bool serialSet =
        number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate.get()));
    BN_free(number);
    if (!serialSet)
        return failure(QStringLiteral("cannot set the serial number"));
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    X509_time_adj_ex(X509_getm_notAfter(certificate.get()),
                     int(now.daysTo(now.addYears(ValidityYears))), 0, nullptr);
    X509_NAME* name = X509_get_subject_name(certificate.get());
    const QByteArray cn = commonName.toUtf8();
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(cn.constData()),
                                   int(cn.size()), -1, 0) != 1 ||
        X509_set_issuer_name(certificate.get(), name) != 1)
        return failure(QStringLiteral("invalid common name \"%1\"").arg(commonName));
    if (X509_set_pubkey(certificate.get(), key.get()) != 1 ||
        !addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(certificate.get(), NID_ext_key_usage, "clientAuth") ||
        X509_sign(certificate.get(), key.get(), EVP_sha384()) == 0)
        return failure(QStringLiteral("cannot sign the certificate"));

    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate.get()) != 1 ||
        PEM_write_bio_PrivateKey_traditional(bio.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                             nullptr) != 1)
        return failure(QStringLiteral("cannot write the certificate and key as PEM"));
    return fromPem(takeBio(bio.get()));
}

Result<LxdClientIdentity> LxdClientIdentity::fromPem(const SecretBytes& pem)
{
    const auto invalid = [](const QString& why) {
        return Error(LxdError::InvalidClientCertificate,
                     QStringLiteral("the LXD client certificate is not usable: %1").arg(why));
    };
    const QByteArray text = QByteArray::fromRawData(pem.constData(), pem.size());
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(text, QSsl::Pem);
    if (certificates.isEmpty() || certificates.first().isNull())
        return invalid(QStringLiteral("no PEM certificate"));
    LxdClientIdentity identity;
    identity.m_certificate = certificates.first();
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        QSslKey key(text, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull()) {
            identity.m_key = key;
            break;
        }
    }
    if (identity.m_key.isNull())
        return invalid(QStringLiteral("no PEM private key (EC or RSA) after the certificate"));
    QByteArray keyPem = identity.m_key.toPem();
    const bool matches = keyMatches(identity.m_certificate.toPem(), keyPem);
    SecretBytes::wipe(keyPem);
    if (!matches)
        return invalid(QStringLiteral("the private key does not belong to the certificate"));
    return identity;
}

SecretBytes LxdClientIdentity::toPem() const
{
    QByteArray text = m_certificate.toPem() + m_key.toPem();
    return SecretBytes::takeFrom(text);
}

QByteArray LxdClientIdentity::fingerprint() const
{
    return CertificatePin::digestOf(m_certificate);
}

} // namespace relais
