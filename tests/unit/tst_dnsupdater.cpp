#include "dns/DnsUpdateError.h"
#include "dns/DnsUpdateMessage.h"
#include "dns/DnsUpdater.h"
#include "dns/TsigKey.h"
#include "support/DnsUpdateTestServer.h"

#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>
#include <ldns/ldns.h>
#include <optional>

using namespace relais;
using namespace Qt::StringLiterals;

namespace {

const QByteArray KeyText = "relais-lab:hmac-sha256:q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
const char* const KeyName = UpdateTestKeyName;
const char* const Secret = UpdateTestSecret;
const char* const OtherSecret = UpdateTestOtherSecret;

TsigKey labKey()
{
    Result<TsigKey> key = TsigKey::parse(SecretBytes(KeyText));
    return key ? *key : TsigKey();
}

DnsUpdate sampleUpdate(quint16 port = 53)
{
    DnsUpdate update;
    update.server = u"127.0.0.1"_s;
    update.port = port;
    update.zone = u"example.test"_s;
    update.name = u"www.example.test"_s;
    update.expected = {QHostAddress(u"10.231.0.10"_s)};
    update.addresses = {QHostAddress(u"10.231.0.20"_s), QHostAddress(u"10.231.0.21"_s)};
    update.ttl = 300;
    update.timeoutMs = 2000;
    return update;
}

/// Runs one update and waits for its single finished().
std::optional<Result<DnsUpdateResult>> send(DnsUpdater& updater, const DnsUpdate& update,
                                            int* count = nullptr)
{
    std::optional<Result<DnsUpdateResult>> outcome;
    int finished = 0;
    const auto connection = QObject::connect(&updater, &DnsUpdater::finished,
                                             [&](const Result<DnsUpdateResult>& result) {
                                                 ++finished;
                                                 outcome.emplace(result);
                                             });
    updater.start(update, labKey());
    if (!QTest::qWaitFor([&] { return finished > 0; }, 10000))
        return std::nullopt;
    QTest::qWait(50);
    QObject::disconnect(connection);
    if (count)
        *count = finished;
    if (finished != 1)
        return std::nullopt;
    return outcome;
}

QString why(const Result<DnsUpdateResult>& result)
{
    return result.ok() ? QString() : result.error().message();
}

} // namespace

// DnsUpdater and the messages it sends and reads: against scripted servers
// on 127.0.0.1 and a table of answers, good and hostile.
class TestDnsUpdater : public QObject
{
    Q_OBJECT

private slots:
    void keyText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("algorithm");

        QTest::newRow("sha256") << KeyText << true << u"relais-lab."_s << u"hmac-sha256."_s;
        QTest::newRow("newline") << KeyText + "\n" << true << u"relais-lab."_s << u"hmac-sha256."_s;
        QTest::newRow("sha512 upper case") << QByteArray("Key.Example:HMAC-SHA512:c2VjcmV0") << true
                                           << u"key.example."_s << u"hmac-sha512."_s;
        QTest::newRow("sha1 absolute")
            << QByteArray("k.:hmac-sha1.:c2VjcmV0") << true << u"k."_s << u"hmac-sha1."_s;
        QTest::newRow("empty") << QByteArray() << false << QString() << QString();
        QTest::newRow("two fields: sha256")
            << QByteArray("k:c2VjcmV0") << true << u"k."_s << u"hmac-sha256."_s;
        QTest::newRow("one field") << QByteArray("c2VjcmV0") << false << QString() << QString();
        QTest::newRow("four fields")
            << QByteArray("k:hmac-sha256:c2Vj:cmV0") << false << QString() << QString();
        QTest::newRow("md5") << QByteArray("k:hmac-md5:c2VjcmV0") << false << QString()
                             << QString();
        QTest::newRow("no secret")
            << QByteArray("k:hmac-sha256:") << false << QString() << QString();
        QTest::newRow("not base64")
            << QByteArray("k:hmac-sha256:s3cr3t!pa$$") << false << QString() << QString();
        QTest::newRow("bad padding")
            << QByteArray("k:hmac-sha256:c2VjcmV0=x") << false << QString() << QString();
        QTest::newRow("no name") << QByteArray(":hmac-sha256:c2VjcmV0") << false << QString()
                                 << QString();
        QTest::newRow("bad name") << QByteArray("bad name:hmac-sha256:c2VjcmV0") << false
                                  << QString() << QString();
        QTest::newRow("empty label")
            << QByteArray("a..b:hmac-sha256:c2VjcmV0") << false << QString() << QString();
    }

    void keyText()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QString, name);
        QFETCH(QString, algorithm);
        const Result<TsigKey> key = TsigKey::parse(SecretBytes(text));
        QCOMPARE(key.ok(), valid);
        if (valid) {
            QCOMPARE(key->name(), name);
            QCOMPARE(TsigKey::algorithmName(key->algorithm()), algorithm);
            QVERIFY(!key->secretBase64().isEmpty());
            QCOMPARE(qstrlen(key->secretBase64().constData()), size_t(key->secretBase64().size()));
        } else {
            QCOMPARE(key.error().code<DnsUpdateError>(), DnsUpdateError::BadKeyText);
            // The message never quotes the secret part.
            const QByteArray secret = text.mid(text.lastIndexOf(':') + 1);
            if (secret.size() > 3)
                QVERIFY2(!key.error().message().contains(QString::fromLatin1(secret)),
                         qPrintable(key.error().message()));
        }
    }

    void buildsSignedUpdate()
    {
        const DnsUpdate update = sampleUpdate();
        const Result<DnsUpdateRequest> request = DnsUpdateMessage::build(update, labKey(), 0x1234);
        QVERIFY2(request, qPrintable(request ? QString() : request.error().message()));
        QCOMPARE(request->id, quint16(0x1234));
        QVERIFY(!request->mac.isEmpty());

        ldns_pkt* packet = nullptr;
        QCOMPARE(ldns_wire2pkt(&packet, reinterpret_cast<const uint8_t*>(request->wire.constData()),
                               size_t(request->wire.size())),
                 LDNS_STATUS_OK);
        QCOMPARE(ldns_pkt_get_opcode(packet), LDNS_PACKET_UPDATE);
        QCOMPARE(ldns_pkt_id(packet), uint16_t(0x1234));
        QVERIFY(!ldns_pkt_qr(packet));
        QVERIFY(!ldns_pkt_rd(packet));

        // Zone section: example.test. SOA IN.
        const auto text = [](const ldns_rr_list* list, size_t i) {
            char* chars = ldns_rr2str(ldns_rr_list_rr(list, i));
            const QString result = QString::fromLatin1(chars).simplified();
            free(chars);
            return result;
        };
        QCOMPARE(ldns_rr_list_rr_count(ldns_pkt_question(packet)), size_t(1));
        QCOMPARE(ldns_rr_get_type(ldns_rr_list_rr(ldns_pkt_question(packet), 0)), LDNS_RR_TYPE_SOA);
        // Prerequisite: RRset exists (value dependent), TTL 0, class IN.
        const ldns_rr_list* prerequisites = ldns_pkt_answer(packet);
        QCOMPARE(ldns_rr_list_rr_count(prerequisites), size_t(1));
        QCOMPARE(text(prerequisites, 0), u"www.example.test. 0 IN A 10.231.0.10"_s);
        // Updates: delete the RRset, then add each address with the TTL.
        const ldns_rr_list* updates = ldns_pkt_authority(packet);
        QCOMPARE(ldns_rr_list_rr_count(updates), size_t(3));
        QCOMPARE(ldns_rr_get_class(ldns_rr_list_rr(updates, 0)), LDNS_RR_CLASS_ANY);
        QCOMPARE(ldns_rr_get_type(ldns_rr_list_rr(updates, 0)), LDNS_RR_TYPE_A);
        QCOMPARE(ldns_rr_ttl(ldns_rr_list_rr(updates, 0)), 0u);
        QCOMPARE(ldns_rr_rd_count(ldns_rr_list_rr(updates, 0)), size_t(0));
        QCOMPARE(text(updates, 1), u"www.example.test. 300 IN A 10.231.0.20"_s);
        QCOMPARE(text(updates, 2), u"www.example.test. 300 IN A 10.231.0.21"_s);
        // Signed with the key: the signature verifies, and not with another.
        QVERIFY(ldns_pkt_tsig(packet));
        QVERIFY(ldns_pkt_tsig_verify(packet,
                                     reinterpret_cast<const uint8_t*>(request->wire.constData()),
                                     size_t(request->wire.size()), KeyName, Secret, nullptr));
        QVERIFY(!ldns_pkt_tsig_verify(packet,
                                      reinterpret_cast<const uint8_t*>(request->wire.constData()),
                                      size_t(request->wire.size()), KeyName, OtherSecret, nullptr));
        ldns_pkt_free(packet);
        // The wire holds no secret.
        QVERIFY(!request->wire.contains(QByteArray(Secret)));
        QVERIFY(!request->wire.contains(QByteArray::fromBase64(Secret)));
    }

    void buildsCreation()
    {
        // No expected address: RFC 2136 §2.4.3 "RRset does not exist" and
        // the new RRset added, nothing deleted.
        DnsUpdate update = sampleUpdate();
        update.expected.clear();
        update.addresses = {QHostAddress(u"10.231.0.20"_s)};
        update.ttl = 60;
        const Result<DnsUpdateRequest> request = DnsUpdateMessage::build(update, labKey(), 7);
        QVERIFY2(request, qPrintable(request ? QString() : request.error().message()));
        ldns_pkt* packet = nullptr;
        QCOMPARE(ldns_wire2pkt(&packet, reinterpret_cast<const uint8_t*>(request->wire.constData()),
                               size_t(request->wire.size())),
                 LDNS_STATUS_OK);
        const ldns_rr_list* prerequisites = ldns_pkt_answer(packet);
        QCOMPARE(ldns_rr_list_rr_count(prerequisites), size_t(1));
        const ldns_rr* absent = ldns_rr_list_rr(prerequisites, 0);
        QCOMPARE(ldns_rr_get_class(absent), LDNS_RR_CLASS_NONE);
        QCOMPARE(ldns_rr_get_type(absent), LDNS_RR_TYPE_A);
        QCOMPARE(ldns_rr_ttl(absent), 0u);
        QCOMPARE(ldns_rr_rd_count(absent), size_t(0));
        char* owner = ldns_rdf2str(ldns_rr_owner(absent));
        QCOMPARE(QString::fromLatin1(owner), u"www.example.test."_s);
        free(owner);
        const ldns_rr_list* updates = ldns_pkt_authority(packet);
        QCOMPARE(ldns_rr_list_rr_count(updates), size_t(1));
        char* added = ldns_rr2str(ldns_rr_list_rr(updates, 0));
        QCOMPARE(QString::fromLatin1(added).simplified(),
                 u"www.example.test. 60 IN A 10.231.0.20"_s);
        free(added);
        QVERIFY(ldns_pkt_tsig_verify(packet,
                                     reinterpret_cast<const uint8_t*>(request->wire.constData()),
                                     size_t(request->wire.size()), KeyName, Secret, nullptr));
        ldns_pkt_free(packet);
    }

    void buildsDeletion()
    {
        // No new address: §2.4.2 "RRset exists (value dependent)" with the
        // expected addresses, then §2.5.2 "delete an RRset", nothing added.
        DnsUpdate update = sampleUpdate();
        update.expected = {QHostAddress(u"10.231.0.20"_s), QHostAddress(u"10.231.0.21"_s)};
        update.addresses.clear();
        const Result<DnsUpdateRequest> request = DnsUpdateMessage::build(update, labKey(), 8);
        QVERIFY2(request, qPrintable(request ? QString() : request.error().message()));
        ldns_pkt* packet = nullptr;
        QCOMPARE(ldns_wire2pkt(&packet, reinterpret_cast<const uint8_t*>(request->wire.constData()),
                               size_t(request->wire.size())),
                 LDNS_STATUS_OK);
        const auto text = [](const ldns_rr_list* list, size_t i) {
            char* chars = ldns_rr2str(ldns_rr_list_rr(list, i));
            const QString result = QString::fromLatin1(chars).simplified();
            free(chars);
            return result;
        };
        const ldns_rr_list* prerequisites = ldns_pkt_answer(packet);
        QCOMPARE(ldns_rr_list_rr_count(prerequisites), size_t(2));
        QCOMPARE(text(prerequisites, 0), u"www.example.test. 0 IN A 10.231.0.20"_s);
        QCOMPARE(text(prerequisites, 1), u"www.example.test. 0 IN A 10.231.0.21"_s);
        const ldns_rr_list* updates = ldns_pkt_authority(packet);
        QCOMPARE(ldns_rr_list_rr_count(updates), size_t(1));
        const ldns_rr* deletion = ldns_rr_list_rr(updates, 0);
        QCOMPARE(ldns_rr_get_class(deletion), LDNS_RR_CLASS_ANY);
        QCOMPARE(ldns_rr_get_type(deletion), LDNS_RR_TYPE_A);
        QCOMPARE(ldns_rr_ttl(deletion), 0u);
        QCOMPARE(ldns_rr_rd_count(deletion), size_t(0));
        QVERIFY(ldns_pkt_tsig(packet));
        ldns_pkt_free(packet);
    }

    void badRequests_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("no server") << u"server"_s;
        QTest::newRow("bad zone") << u"zone"_s;
        QTest::newRow("name outside zone") << u"name"_s;
        QTest::newRow("neither expected nor new") << u"nothing"_s;
        QTest::newRow("IPv6 expected in A") << u"expected family"_s;
        QTest::newRow("IPv6 in A") << u"family"_s;
        QTest::newRow("negative TTL") << u"ttl"_s;
    }

    void badRequests()
    {
        QFETCH(QString, field);
        DnsUpdate update = sampleUpdate();
        if (field == u"server"_s)
            update.server.clear();
        else if (field == u"zone"_s)
            update.zone = u"exa..mple"_s;
        else if (field == u"name"_s)
            update.name = u"www.example.org"_s;
        else if (field == u"nothing"_s) {
            update.expected.clear();
            update.addresses.clear();
        } else if (field == u"expected family"_s)
            update.expected = {QHostAddress(u"2001:db8::1"_s)};
        else if (field == u"family"_s)
            update.addresses = {QHostAddress(u"2001:db8::1"_s)};
        else if (field == u"ttl"_s)
            update.ttl = -1;
        const Result<DnsUpdateRequest> request = DnsUpdateMessage::build(update, labKey(), 1);
        QVERIFY(!request);
        QCOMPARE(request.error().code<DnsUpdateError>(), DnsUpdateError::BadRequest);
    }

    void answers_data()
    {
        QTest::addColumn<int>("rcode");
        QTest::addColumn<int>("signing");
        QTest::addColumn<int>("tsigError");
        QTest::addColumn<int>("error"); // -1: success
        QTest::addColumn<QString>("named");

        const auto row = [](const char* name, int rcode, Signing signing, int tsigError, int error,
                            const QString& named) {
            QTest::newRow(name) << rcode << int(signing) << tsigError << error << named;
        };
        row("NOERROR signed", 0, Signing::Right, 0, -1, QString());
        row("NOERROR unsigned", 0, Signing::None, 0, int(DnsUpdateError::Unverified),
            u"not signed"_s);
        row("NOERROR other key", 0, Signing::OtherKey, 0, int(DnsUpdateError::Unverified),
            u"does not verify"_s);
        row("NOERROR not over our MAC", 0, Signing::OtherMac, 0, int(DnsUpdateError::Unverified),
            u"does not verify"_s);
        row("NOTAUTH BADSIG", 9, Signing::ErrorOnly, 16, int(DnsUpdateError::BadSig),
            u"NOTAUTH (BADSIG)"_s);
        row("NOTAUTH BADKEY", 9, Signing::ErrorOnly, 17, int(DnsUpdateError::BadKey),
            u"NOTAUTH (BADKEY)"_s);
        row("NOTAUTH BADTIME", 9, Signing::ErrorOnly, 18, int(DnsUpdateError::BadTime),
            u"NOTAUTH (BADTIME)"_s);
        row("NOTAUTH unsigned", 9, Signing::None, 0, int(DnsUpdateError::NotAuth), u"NOTAUTH"_s);
        row("REFUSED", 5, Signing::None, 0, int(DnsUpdateError::Refused),
            u"REFUSED without signing"_s);
        row("REFUSED signed", 5, Signing::Right, 0, int(DnsUpdateError::Refused),
            u"REFUSED: its policy"_s);
        row("NXRRSET", 8, Signing::Right, 0, int(DnsUpdateError::PrerequisiteFailed), u"NXRRSET"_s);
        row("YXRRSET", 7, Signing::Right, 0, int(DnsUpdateError::PrerequisiteFailed), u"YXRRSET"_s);
        row("NXRRSET badly signed", 8, Signing::OtherKey, 0, int(DnsUpdateError::Unverified),
            u"NXRRSET"_s);
        row("SERVFAIL", 2, Signing::Right, 0, int(DnsUpdateError::ServFail), u"SERVFAIL"_s);
        row("FORMERR", 1, Signing::Right, 0, int(DnsUpdateError::Rejected), u"FORMERR"_s);
        row("NOTZONE", 10, Signing::Right, 0, int(DnsUpdateError::Rejected), u"NOTZONE"_s);
    }

    void answers()
    {
        QFETCH(int, rcode);
        QFETCH(int, signing);
        QFETCH(int, tsigError);
        QFETCH(int, error);
        QFETCH(QString, named);
        const TsigKey key = labKey();
        const Result<DnsUpdateRequest> request =
            DnsUpdateMessage::build(sampleUpdate(), key, 0x4242);
        QVERIFY(request);
        const QByteArray answer =
            answerTo(request->wire, rcode, static_cast<Signing>(signing), tsigError);
        QVERIFY(!answer.isEmpty());
        const Result<DnsUpdateReply> reply = DnsUpdateMessage::readReply(answer, *request, key);
        if (error < 0) {
            QVERIFY2(reply, qPrintable(reply ? QString() : reply.error().message()));
            QVERIFY(!reply->truncated);
            QCOMPARE(reply->rcodeName, u"NOERROR"_s);
            return;
        }
        QVERIFY(!reply);
        QCOMPARE(int(*reply.error().code<DnsUpdateError>()), error);
        QVERIFY2(reply.error().message().contains(named), qPrintable(reply.error().message()));
    }

    void truncatedAnswerAsksForTcp()
    {
        const TsigKey key = labKey();
        const Result<DnsUpdateRequest> request = DnsUpdateMessage::build(sampleUpdate(), key, 7);
        QVERIFY(request);
        const Result<DnsUpdateReply> reply = DnsUpdateMessage::readReply(
            answerTo(request->wire, 0, Signing::None, 0, true), *request, key);
        QVERIFY(reply);
        QVERIFY(reply->truncated);
    }

    void hostileAnswers_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("error");
        const int malformed = int(DnsUpdateError::Malformed);
        // id 0x4242, QR, opcode UPDATE (5 << 3 = 0x28), counts as given.
        const auto header = [](quint16 zo, quint16 pr, quint16 up, quint16 ad) {
            QByteArray bytes(12, 0);
            bytes[0] = 0x42;
            bytes[1] = 0x42;
            bytes[2] = char(0x80 | 0x28);
            qToBigEndian<quint16>(zo, bytes.data() + 4);
            qToBigEndian<quint16>(pr, bytes.data() + 6);
            qToBigEndian<quint16>(up, bytes.data() + 8);
            qToBigEndian<quint16>(ad, bytes.data() + 10);
            return bytes;
        };
        QTest::newRow("empty") << QByteArray() << malformed;
        QTest::newRow("five bytes") << QByteArray("\x42\x42\xa8\x00\x00", 5) << malformed;
        QTest::newRow("header, zone missing") << header(1, 0, 0, 0) << malformed;
        QTest::newRow("header, records missing") << header(0, 3, 2, 1) << malformed;
        QTest::newRow("header only") << header(0, 0, 0, 0) << int(DnsUpdateError::Unverified);
        QByteArray query = header(0, 0, 0, 0);
        query[2] = char(0x80); // opcode QUERY
        QTest::newRow("opcode QUERY") << query << malformed;
        QByteArray notResponse = header(0, 0, 0, 0);
        notResponse[2] = 0x28;
        QTest::newRow("not a response") << notResponse << malformed;
        QByteArray otherId = header(0, 0, 0, 0);
        otherId[1] = 0x43;
        QTest::newRow("other id") << otherId << malformed;
        // A compression pointer to itself as the zone name.
        QTest::newRow("pointer loop")
            << header(1, 0, 0, 0) + QByteArray("\xc0\x0c\x00\x06\x00\x01", 6) << malformed;
        // Zone "example.test" then a TSIG whose data is 3 bytes long.
        const QByteArray zone("\x07"
                              "example\x04"
                              "test\x00\x00\x06\x00\x01",
                              18);
        const QByteArray tsig = QByteArray("\x0arelais-lab\x00\x00\xfa\x00\xff\x00\x00\x00\x00"
                                           "\x00\x03\x0b\x68\x6d",
                                           24);
        QTest::newRow("short TSIG") << header(1, 0, 0, 1) + zone + tsig << malformed;
        QTest::newRow("zone section of another zone")
            << header(1, 0, 0, 0) + QByteArray("\x05other\x00\x00\x06\x00\x01", 11) << malformed;
        QTest::newRow("garbage as a record")
            << header(0, 1, 0, 0) + QByteArray(40, '\xff') << malformed;
        QTest::newRow("garbage after the header")
            << header(0, 0, 0, 0) + QByteArray(40, '\xff') << int(DnsUpdateError::Unverified);
    }

    void hostileAnswers()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, error);
        const TsigKey key = labKey();
        const Result<DnsUpdateRequest> request =
            DnsUpdateMessage::build(sampleUpdate(), key, 0x4242);
        QVERIFY(request);
        const Result<DnsUpdateReply> reply = DnsUpdateMessage::readReply(wire, *request, key);
        QVERIFY(!reply);
        QCOMPARE(int(*reply.error().code<DnsUpdateError>()), error);
    }

    void everyTruncationIsMalformed()
    {
        const TsigKey key = labKey();
        const Result<DnsUpdateRequest> request =
            DnsUpdateMessage::build(sampleUpdate(), key, 0x4242);
        QVERIFY(request);
        const QByteArray answer = answerTo(request->wire, 0, Signing::Right);
        QVERIFY(DnsUpdateMessage::readReply(answer, *request, key));
        for (qsizetype size = 0; size < answer.size(); ++size) {
            const QByteArray cut = answer.left(size);
            const Result<DnsUpdateReply> reply = DnsUpdateMessage::readReply(cut, *request, key);
            QVERIFY2(!reply, qPrintable(QString::number(size)));
            QVERIFY2(reply.error().is(DnsUpdateError::Malformed),
                     qPrintable(QString::number(size) + u": "_s + reply.error().message()));
        }
    }

    void flippedBytesNeverSucceed()
    {
        // Any single byte changed in a good answer: never a success (the
        // signature covers it), and never a crash.
        const TsigKey key = labKey();
        const Result<DnsUpdateRequest> request =
            DnsUpdateMessage::build(sampleUpdate(), key, 0x4242);
        QVERIFY(request);
        const QByteArray answer = answerTo(request->wire, 0, Signing::Right);
        for (qsizetype i = 0; i < answer.size(); ++i) {
            QByteArray changed = answer;
            changed[i] = char(changed[i] ^ 0x01);
            const Result<DnsUpdateReply> reply =
                DnsUpdateMessage::readReply(changed, *request, key);
            QVERIFY2(!reply || reply->truncated, qPrintable(QString::number(i)));
        }
        QRandomGenerator random(7);
        for (int round = 0; round < 2000; ++round) {
            QByteArray noise = answer.left(4);
            const int size = int(random.bounded(600));
            for (int i = 0; i < size; ++i)
                noise.append(char(random.bounded(256)));
            const Result<DnsUpdateReply> reply = DnsUpdateMessage::readReply(noise, *request, key);
            QVERIFY(!reply || reply->truncated);
        }
    }

    void updateSucceeds()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        DnsUpdater updater;
        const auto result = send(updater, sampleUpdate(server.port()));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(why(*result)));
        QVERIFY(!result->value().overTcp);
        QVERIFY(result->value().latencyMs >= 0);
        QCOMPARE(server.udpUpdates, 1);
        QCOMPARE(server.tcpUpdates, 0);
    }

    void truncatedRetriesOverTcp()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.truncateUdp = true;
        DnsUpdater updater;
        const auto result = send(updater, sampleUpdate(server.port()));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(why(*result)));
        QVERIFY(result->value().overTcp);
        QCOMPARE(server.udpUpdates, 1);
        QCOMPARE(server.tcpUpdates, 1);
    }

    void prerequisiteFailureSaysWhatTheRecordHolds()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.rcode = 8; // NXRRSET
        server.records = {u"www.example.test. 60 IN A 10.231.0.99"_s};
        DnsUpdater updater;
        const auto result = send(updater, sampleUpdate(server.port()));
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code<DnsUpdateError>(), DnsUpdateError::PrerequisiteFailed);
        QVERIFY2(result->error().message().contains(
                     u"the record changed behind our back: it holds 10.231.0.99, expected "
                     "10.231.0.10"_s),
                 qPrintable(result->error().message()));
        QCOMPARE(server.queries, 1);
    }

    void creationOfAnExistingRecordSaysWhatItHolds()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.rcode = 7; // YXRRSET: the RRset exists
        server.records = {u"www.example.test. 60 IN A 10.231.0.99"_s};
        DnsUpdate update = sampleUpdate(server.port());
        update.expected.clear();
        DnsUpdater updater;
        const auto result = send(updater, update);
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code<DnsUpdateError>(), DnsUpdateError::PrerequisiteFailed);
        QVERIFY2(result->error().message().contains(
                     u"the record already exists: it holds 10.231.0.99"_s),
                 qPrintable(result->error().message()));
    }

    void silenceTimesOut()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.silent = true;
        DnsUpdate update = sampleUpdate(server.port());
        update.timeoutMs = 400;
        DnsUpdater updater;
        const auto result = send(updater, update);
        QVERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code<DnsUpdateError>(), DnsUpdateError::Timeout);
        QVERIFY(result->error().message().contains(u"may or may not"_s));
    }

    void invalidUpdateFinishesLater()
    {
        DnsUpdater updater;
        int count = 0;
        std::optional<Result<DnsUpdateResult>> last;
        connect(&updater, &DnsUpdater::finished, this, [&](const Result<DnsUpdateResult>& r) {
            ++count;
            last.emplace(r);
        });
        DnsUpdate update = sampleUpdate();
        update.expected.clear();
        update.addresses.clear();
        updater.start(update, labKey());
        QCOMPARE(count, 0); // never from inside start()
        QVERIFY(QTest::qWaitFor([&] { return count > 0; }, 2000));
        QTest::qWait(50);
        QCOMPARE(count, 1);
        QCOMPARE(last->error().code<DnsUpdateError>(), DnsUpdateError::BadRequest);
    }

    void cancelFinishesOnce()
    {
        DnsUpdateTestServer server;
        QVERIFY(server.listen());
        server.silent = true;
        DnsUpdater updater;
        int count = 0;
        std::optional<Result<DnsUpdateResult>> last;
        connect(&updater, &DnsUpdater::finished, this, [&](const Result<DnsUpdateResult>& r) {
            ++count;
            last.emplace(r);
        });
        DnsUpdate update = sampleUpdate(server.port());
        update.timeoutMs = 300;
        updater.start(update, labKey());
        QVERIFY(updater.isRunning());
        updater.cancel();
        updater.cancel();
        QTest::qWait(700); // past the timeout: no second finished()
        QCOMPARE(count, 1);
        QCOMPARE(last->error().code<DnsUpdateError>(), DnsUpdateError::Cancelled);
        QVERIFY(!updater.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestDnsUpdater)
#include "tst_dnsupdater.moc"
