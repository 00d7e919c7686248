#include "http/HttpError.h"
#include "http/HttpRequestWriter.h"
#include "http/HttpResponseParser.h"

#include <QTest>

using namespace relais;

Q_DECLARE_METATYPE(relais::HttpError)

namespace {

using State = HttpResponseParser::State;

struct Outcome
{
    State state = State::NeedMore;
    HttpResponse response;
    std::optional<Error> error;
    bool keepAlive = false;
    QByteArray excess;
};

/// Feeds @p input in pieces of @p step bytes (0: whole), then finish() when asked.
Outcome parse(const QByteArray& input, qsizetype step, bool head, bool close,
              HttpResponseParser::Limits limits)
{
    HttpResponseParser parser(limits);
    parser.setHeadRequest(head);
    if (step == 0) {
        parser.feed(input);
    } else {
        for (qsizetype i = 0; i < input.size(); i += step)
            parser.feed(QByteArrayView(input).sliced(i, qMin(step, input.size() - i)));
    }
    if (close)
        parser.finish();
    Outcome o;
    o.state = parser.state();
    o.response = parser.response();
    if (parser.state() == State::Failed)
        o.error = parser.error();
    o.keepAlive = parser.keepAlive();
    o.excess = parser.excess();
    return o;
}

HttpResponseParser::Limits smallLimits(qsizetype header, qsizetype body)
{
    HttpResponseParser::Limits l;
    l.maxHeaderBytes = header;
    l.maxBodyBytes = body;
    return l;
}

} // namespace

// The HTTP/1.1 response reader: every input whole, one byte at a time and
// split at every point gives the same answer.
class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private:
    /// Runs @p check on the outcome of every way of splitting @p input.
    template <typename Check>
    void everySplit(const QByteArray& input, bool head, bool close,
                    HttpResponseParser::Limits limits, Check check)
    {
        check(parse(input, 0, head, close, limits), "whole");
        check(parse(input, 1, head, close, limits), "byte by byte");
        check(parse(input, 7, head, close, limits), "7 bytes at a time");
        for (qsizetype cut = 1; cut < input.size(); ++cut) {
            HttpResponseParser parser(limits);
            parser.setHeadRequest(head);
            parser.feed(QByteArrayView(input).first(cut));
            parser.feed(QByteArrayView(input).sliced(cut));
            if (close)
                parser.finish();
            Outcome o;
            o.state = parser.state();
            o.response = parser.response();
            if (parser.state() == State::Failed)
                o.error = parser.error();
            o.keepAlive = parser.keepAlive();
            o.excess = parser.excess();
            check(o, "split in two");
        }
    }

private slots:
    void parsesResponses_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("head");
        QTest::addColumn<bool>("close");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::addColumn<int>("trailers");
        QTest::addColumn<bool>("keepAlive");

        QTest::newRow("content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 11\r\n\r\n{\"a\":\"xyz\"}")
            << false << false << 200 << QByteArray("OK") << QByteArray("{\"a\":\"xyz\"}")
            << QByteArray("content-type") << QByteArray("application/json") << 0 << true;
        QTest::newRow("header names ignore case, values are trimmed")
            << QByteArray("HTTP/1.1 404 Not Found\r\nX-Thing:\t  spaced value \t\r\n"
                          "CONTENT-LENGTH: 2\r\n\r\nno")
            << false << false << 404 << QByteArray("Not Found") << QByteArray("no")
            << QByteArray("x-THING") << QByteArray("spaced value") << 0 << true;
        QTest::newRow("chunked with extensions and trailers")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5;name=value\r\nhello\r\n"
                          "7 ; a=\"b;c\"\r\n, world\r\n"
                          "0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n")
            << false << false << 200 << QByteArray("OK") << QByteArray("hello, world")
            << QByteArray("transfer-encoding") << QByteArray("chunked") << 2 << true;
        QTest::newRow("chunked, upper-case hex, bare LF line ends")
            << QByteArray("HTTP/1.1 200 OK\nTransfer-Encoding: Chunked\n\n"
                          "A\n0123456789\n1a\nabcdefghijklmnopqrstuvwxyz\n0\n\n")
            << false << false << 200 << QByteArray("OK")
            << QByteArray("0123456789abcdefghijklmnopqrstuvwxyz") << QByteArray("transfer-encoding")
            << QByteArray("Chunked") << 0 << true;
        QTest::newRow("chunked wins over content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
            << false << false << 200 << QByteArray("OK") << QByteArray("abc")
            << QByteArray("content-length") << QByteArray("100") << 0 << true;
        QTest::newRow("body until close")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it\r\n")
            << false << true << 200 << QByteArray("OK") << QByteArray("all of it\r\n")
            << QByteArray("content-type") << QByteArray("text/plain") << 0 << false;
        QTest::newRow("HEAD has no body")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n") << true << false << 200
            << QByteArray("OK") << QByteArray() << QByteArray("content-length")
            << QByteArray("1234") << 0 << true;
        QTest::newRow("204 has no body")
            << QByteArray("HTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n") << false << false << 204
            << QByteArray("No Content") << QByteArray() << QByteArray("x-a") << QByteArray("b") << 0
            << true;
        QTest::newRow("304 has no body despite a length")
            << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n") << false
            << false << 304 << QByteArray("Not Modified") << QByteArray()
            << QByteArray("content-length") << QByteArray("50") << 0 << true;
        QTest::newRow("interim 100 Continue skipped")
            << QByteArray("HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n"
                          "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
            << false << false << 201 << QByteArray("Created") << QByteArray("ok")
            << QByteArray("content-length") << QByteArray("2") << 0 << true;
        QTest::newRow("no reason phrase, no space")
            << QByteArray("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n") << false << false << 200
            << QByteArray() << QByteArray() << QByteArray("content-length") << QByteArray("0") << 0
            << true;
        QTest::newRow("repeated equal lengths")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\n"
                          "abc")
            << false << false << 200 << QByteArray("OK") << QByteArray("abc")
            << QByteArray("content-length") << QByteArray("3, 3") << 0 << true;
        QTest::newRow("connection close")
            << QByteArray("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 1\r\n\r\nx")
            << false << false << 200 << QByteArray("OK") << QByteArray("x")
            << QByteArray("connection") << QByteArray("Close") << 0 << false;
        QTest::newRow("HTTP/1.0 closes unless keep-alive")
            << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx") << false << false << 200
            << QByteArray("OK") << QByteArray("x") << QByteArray("content-length")
            << QByteArray("1") << 0 << false;
        QTest::newRow("HTTP/1.0 keep-alive")
            << QByteArray("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\n"
                          "x")
            << false << false << 200 << QByteArray("OK") << QByteArray("x")
            << QByteArray("connection") << QByteArray("keep-alive") << 0 << true;
        QTest::newRow("LXD error answer")
            << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                          "Date: Sun, 22 Nov 2026 02:00:00 GMT\r\nContent-Length: 74\r\n\r\n"
                          "{\"type\":\"error\",\"status\":\"\",\"status_code\":0,"
                          "\"error\":\"Instance not found\"}\n")
            << false << false << 404 << QByteArray("Not Found")
            << QByteArray("{\"type\":\"error\",\"status\":\"\",\"status_code\":0,"
                          "\"error\":\"Instance not found\"}\n")
            << QByteArray("date") << QByteArray("Sun, 22 Nov 2026 02:00:00 GMT") << 0 << true;
    }

    void parsesResponses()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, head);
        QFETCH(bool, close);
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, headerValue);
        QFETCH(int, trailers);
        QFETCH(bool, keepAlive);

        everySplit(input, head, close, {}, [&](const Outcome& o, const char* how) {
            const QByteArray what =
                QByteArray(how) + ": " + (o.error ? o.error->message().toUtf8() : QByteArray());
            QVERIFY2(o.state == State::Complete, what.constData());
            QCOMPARE(o.response.status, status);
            QCOMPARE(o.response.reason, reason);
            QCOMPARE(o.response.body, body);
            QCOMPARE(o.response.header(headerName), headerValue);
            QCOMPARE(o.response.trailers.size(), trailers);
            QCOMPARE(o.keepAlive, keepAlive);
            QVERIFY(o.excess.isEmpty());
        });
    }

    void needsMoreUntilTheEnd()
    {
        const QByteArray input = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "3\r\nabc\r\n0\r\n\r\n";
        HttpResponseParser parser;
        for (qsizetype i = 0; i + 1 < input.size(); ++i)
            QCOMPARE(parser.feed(QByteArrayView(input).sliced(i, 1)), State::NeedMore);
        QVERIFY(parser.headersComplete());
        QCOMPARE(parser.feed(QByteArrayView(input).last(1)), State::Complete);
        QCOMPARE(parser.response().trailers.size(), 0);
    }

    void keepsWhatFollowsTheResponse()
    {
        HttpResponseParser parser;
        QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1"),
                 State::Complete);
        QCOMPARE(parser.response().body, QByteArray("ok"));
        QCOMPARE(parser.excess(), QByteArray("HTTP/1.1"));
        QCOMPARE(parser.feed(" 200"), State::Complete);
        QCOMPARE(parser.excess(), QByteArray("HTTP/1.1 200"));
        QCOMPARE(parser.finish(), State::Complete);
    }

    void trailersAreKept()
    {
        HttpResponseParser parser;
        parser.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Sum: 42\r\n\r\n");
        QCOMPARE(parser.state(), State::Complete);
        QCOMPARE(parser.response().trailers.size(), 1);
        QCOMPARE(parser.response().trailers.first().first, QByteArray("X-Sum"));
        QCOMPARE(parser.response().trailers.first().second, QByteArray("42"));
        QVERIFY(!parser.response().hasHeader("x-sum"));
    }

    void refusesHostileOrTruncatedInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("close");
        QTest::addColumn<int>("maxHeader");
        QTest::addColumn<int>("maxBody");
        QTest::addColumn<HttpError>("error");

        const int h = 64 * 1024;
        const int b = 1024 * 1024;
        QTest::newRow("HTTP/2 status line")
            << QByteArray("HTTP/2 200 OK\r\n\r\n") << false << h << b << HttpError::BadStatusLine;
        QTest::newRow("HTTP/1.2") << QByteArray("HTTP/1.2 200 OK\r\n\r\n") << false << h << b
                                  << HttpError::BadStatusLine;
        QTest::newRow("two-digit status")
            << QByteArray("HTTP/1.1 20 OK\r\n\r\n") << false << h << b << HttpError::BadStatusLine;
        QTest::newRow("status with letters")
            << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << false << h << b << HttpError::BadStatusLine;
        QTest::newRow("not HTTP at all")
            << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << false << h << b << HttpError::BadStatusLine;
        QTest::newRow("NUL in reason") << QByteArray("HTTP/1.1 200 O\0K\r\n\r\n", 21) << false << h
                                       << b << HttpError::BadStatusLine;
        QTest::newRow("folded header")
            << QByteArray("HTTP/1.1 200 OK\r\nX-A: one\r\n two\r\nContent-Length: 0\r\n\r\n")
            << false << h << b << HttpError::FoldedHeader;
        QTest::newRow("folded with a tab")
            << QByteArray("HTTP/1.1 200 OK\r\nX-A: one\r\n\ttwo\r\n\r\n") << false << h << b
            << HttpError::FoldedHeader;
        QTest::newRow("header without colon")
            << QByteArray("HTTP/1.1 200 OK\r\nNoColonHere\r\n\r\n") << false << h << b
            << HttpError::BadHeader;
        QTest::newRow("space before colon")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\nhello") << false << h << b
            << HttpError::BadHeader;
        QTest::newRow("empty header name") << QByteArray("HTTP/1.1 200 OK\r\n: x\r\n\r\n") << false
                                           << h << b << HttpError::BadHeader;
        QTest::newRow("bare CR in value") << QByteArray("HTTP/1.1 200 OK\r\nX-A: a\rb\r\n\r\n")
                                          << false << h << b << HttpError::BadHeader;
        QTest::newRow("NUL in value") << QByteArray("HTTP/1.1 200 OK\r\nX-A: a\0b\r\n\r\n", 29)
                                      << false << h << b << HttpError::BadHeader;
        QTest::newRow("length not a number")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n") << false << h << b
            << HttpError::BadContentLength;
        QTest::newRow("negative length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false << h << b
            << HttpError::BadContentLength;
        QTest::newRow("two different lengths")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"
                          "hello!")
            << false << h << b << HttpError::BadContentLength;
        QTest::newRow("huge length digits")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\n")
            << false << h << b << HttpError::BadContentLength;
        QTest::newRow("gzip transfer coding")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << false
            << h << b << HttpError::UnsupportedTransferCoding;
        QTest::newRow("chunk size not hex")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << false
            << h << b << HttpError::BadChunk;
        QTest::newRow("empty chunk size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n") << false << h
            << b << HttpError::BadChunk;
        QTest::newRow("negative chunk size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n") << false
            << h << b << HttpError::BadChunk;
        QTest::newRow("chunk size overflow")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "ffffffffffffffffff\r\n")
            << false << h << b << HttpError::BadChunk;
        QTest::newRow("chunk longer than its size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n"
                          "0\r\n\r\n")
            << false << h << b << HttpError::BadChunk;
        QTest::newRow("endless chunk extension")
            << (QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;") +
                QByteArray(5000, 'x'))
            << false << h << b << HttpError::BadChunk;
        QTest::newRow("header section over the limit")
            << (QByteArray("HTTP/1.1 200 OK\r\nX-Big: ") + QByteArray(300, 'a') +
                "\r\nContent-Length: 0\r\n\r\n")
            << false << 256 << b << HttpError::HeaderTooLarge;
        QTest::newRow("endless header line")
            << (QByteArray("HTTP/1.1 200 OK\r\nX-Big: ") + QByteArray(300, 'a')) << false << 256
            << b << HttpError::HeaderTooLarge;
        QTest::newRow("endless status line")
            << QByteArray(300, 'H') << false << 256 << b << HttpError::HeaderTooLarge;
        QTest::newRow("many small headers")
            << (QByteArray("HTTP/1.1 200 OK\r\n") + QByteArray("A: b\r\n").repeated(100) + "\r\n")
            << false << 256 << b << HttpError::HeaderTooLarge;
        QTest::newRow("trailers over the limit")
            << (QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n") +
                QByteArray("T: v\r\n").repeated(100) + "\r\n")
            << false << 256 << b << HttpError::HeaderTooLarge;
        QTest::newRow("length over the body limit")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world") << false << h
            << 10 << HttpError::BodyTooLarge;
        QTest::newRow("chunks over the body limit")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nhello \r\n"
                          "5\r\nworld\r\n0\r\n\r\n")
            << false << h << 10 << HttpError::BodyTooLarge;
        QTest::newRow("body until close over the limit")
            << QByteArray("HTTP/1.1 200 OK\r\n\r\nhello world") << true << h << 10
            << HttpError::BodyTooLarge;
        QTest::newRow("closed without a byte")
            << QByteArray() << true << h << b << HttpError::Truncated;
        QTest::newRow("closed in the status line")
            << QByteArray("HTTP/1.1 20") << true << h << b << HttpError::Truncated;
        QTest::newRow("closed in the headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-Len")
                                               << true << h << b << HttpError::Truncated;
        QTest::newRow("closed in a sized body")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello") << true << h << b
            << HttpError::Truncated;
        QTest::newRow("closed in a chunk")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel") << true
            << h << b << HttpError::Truncated;
        QTest::newRow("closed before the last chunk")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")
            << true << h << b << HttpError::Truncated;
        QTest::newRow("closed in the trailers")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: y\r\n")
            << true << h << b << HttpError::Truncated;
    }

    void refusesHostileOrTruncatedInput()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, close);
        QFETCH(int, maxHeader);
        QFETCH(int, maxBody);
        QFETCH(HttpError, error);

        everySplit(input, false, close, smallLimits(maxHeader, maxBody),
                   [&](const Outcome& o, const char* how) {
                       QVERIFY2(o.state == State::Failed, how);
                       QVERIFY(o.error.has_value());
                       QVERIFY2(o.error->is(error), qPrintable(QStringLiteral("%1: code %2, %3")
                                                                   .arg(QLatin1String(how))
                                                                   .arg(o.error->value())
                                                                   .arg(o.error->message())));
                       QVERIFY(!o.error->message().isEmpty());
                   });
    }

    void failedParserIgnoresInput()
    {
        HttpResponseParser parser;
        QCOMPARE(parser.feed("HTTP/9 nope\r\n"), State::Failed);
        QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), State::Failed);
        QCOMPARE(parser.finish(), State::Failed);
        QVERIFY(parser.error().is(HttpError::BadStatusLine));
        QVERIFY(!parser.keepAlive());
    }

    void writesRequests()
    {
        HttpRequest request;
        request.method = "PUT";
        request.target = "/1.0/instances/web/state";
        request.host = "lxd";
        request.headers = {{"Content-Type", "application/json"}, {"host", "ignored"}};
        request.body = R"({"action":"start"})";
        const auto bytes = HttpRequestWriter::write(request);
        QVERIFY(bytes.ok());
        QCOMPARE(*bytes, QByteArray("PUT /1.0/instances/web/state HTTP/1.1\r\n"
                                    "Host: lxd\r\n"
                                    "Content-Type: application/json\r\n"
                                    "Content-Length: 18\r\n"
                                    "\r\n"
                                    R"({"action":"start"})"));

        HttpRequest get;
        get.target = "/1.0/instances?recursion=2";
        QCOMPARE(*HttpRequestWriter::write(get),
                 QByteArray("GET /1.0/instances?recursion=2 HTTP/1.1\r\nHost: localhost\r\n\r\n"));

        HttpRequest post;
        post.method = "POST";
        post.target = "/x";
        QVERIFY(HttpRequestWriter::write(post)->contains("Content-Length: 0\r\n"));
    }

    void refusesRequestsThatWouldSplit_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("headerValue");

        QTest::newRow("CRLF in value")
            << QByteArray("GET") << QByteArray("/") << QByteArray("X") << QByteArray("a\r\nB: c");
        QTest::newRow("LF in value")
            << QByteArray("GET") << QByteArray("/") << QByteArray("X") << QByteArray("a\nb");
        QTest::newRow("colon in name")
            << QByteArray("GET") << QByteArray("/") << QByteArray("X:Y") << QByteArray("a");
        QTest::newRow("space in target")
            << QByteArray("GET") << QByteArray("/a b") << QByteArray("X") << QByteArray("a");
        QTest::newRow("relative target")
            << QByteArray("GET") << QByteArray("a") << QByteArray("X") << QByteArray("a");
        QTest::newRow("space in method")
            << QByteArray("GET /") << QByteArray("/") << QByteArray("X") << QByteArray("a");
    }

    void refusesRequestsThatWouldSplit()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, headerValue);
        HttpRequest request;
        request.method = method;
        request.target = target;
        request.headers = {{headerName, headerValue}};
        const auto bytes = HttpRequestWriter::write(request);
        QVERIFY(!bytes.ok());
        QVERIFY(bytes.error().is(HttpError::BadRequest));
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
