// libFuzzer target: any bytes as the answer to a signed RFC 2136 update,
// read by DnsUpdateMessage::readReply (the code Relais runs on what a DNS
// server sends back). The first two bytes are also the update's id, so the
// fuzzer reaches past the id check. Nothing may crash, and no input is a
// success: it would need a TSIG signature made with the key.
//
//   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DRELAIS_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_dns_update_reply
//   build-fuzz/tests/fuzz/fuzz_dns_update_reply -max_total_time=60
//   tests/fuzz/corpus/dns_update_reply

#include "dns/DnsUpdateMessage.h"

#include <QtEndian>
#include <cstdlib>

using namespace relais;

namespace {

const TsigKey& key()
{
    static const TsigKey parsed = [] {
        const Result<TsigKey> key = TsigKey::parse(SecretBytes(
            QByteArrayView("fuzz:hmac-sha256:q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=")));
        if (!key)
            std::abort();
        return *key;
    }();
    return parsed;
}

DnsUpdate update()
{
    DnsUpdate update;
    update.server = QStringLiteral("127.0.0.1");
    update.zone = QStringLiteral("example.test");
    update.name = QStringLiteral("www.example.test");
    update.expected = {QHostAddress(QStringLiteral("10.231.0.10"))};
    update.addresses = {QHostAddress(QStringLiteral("10.231.0.20"))};
    return update;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const quint16 id = size >= 2 ? qFromBigEndian<quint16>(data) : 0;
    const Result<DnsUpdateRequest> request = DnsUpdateMessage::build(update(), key(), id);
    if (!request)
        std::abort();
    const Result<DnsUpdateReply> reply = DnsUpdateMessage::readReply(
        QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)), *request, key());
    if (reply && !reply->truncated)
        std::abort(); // an unsigned answer taken as a success
    return 0;
}
