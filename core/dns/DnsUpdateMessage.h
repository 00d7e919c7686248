#pragma once

#include "DnsUpdate.h"
#include "TsigKey.h"
#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace relais {

/// A signed UPDATE message on the wire, with what checking its answer needs.
struct DnsUpdateRequest
{
    QByteArray wire;
    quint16 id = 0;
    /// The zone, in ASCII ("example.test"), which the answer may repeat.
    QString zone;
    /// The request's TSIG MAC field (length prefix included), which the
    /// answer's signature covers (RFC 8945 §4.3.1).
    QByteArray mac;
};

/// What an answer to an update says when it is not an error.
struct DnsUpdateReply
{
    /// TC set: the answer must be asked again over TCP; nothing else in it
    /// was read.
    bool truncated = false;
    /// "NOERROR" once verified.
    QString rcodeName;
};

/// Builds RFC 2136 UPDATE messages and reads their answers, on ldns (whose
/// types stay in the .cpp). Pure functions: no network, no threads.
class DnsUpdateMessage
{
public:
    /// The UPDATE for @p update (zone section ZONE SOA; prerequisites: one
    /// "NAME 0 IN TYPE address" per expected address, or "NAME 0 NONE TYPE"
    /// (RRset does not exist) when none is expected; updates: "NAME 0 ANY
    /// TYPE" (delete the RRset) when some address is expected, then "NAME
    /// TTL IN TYPE address" per new address), with id @p id, signed with
    /// @p key (fudge 300 s, the time now). Errors:
    /// DnsUpdateError::BadRequest, BadKeyText.
    static Result<DnsUpdateRequest> build(const DnsUpdate& update, const TsigKey& key, quint16 id);

    /// Reads @p wire, the answer to @p request. Success only for a NOERROR
    /// answer whose TSIG verifies with @p key against the request's MAC.
    /// Errors name the response code and the TSIG error: Malformed (not
    /// DNS, not this update's answer), Unverified, NotAuth, BadSig, BadKey,
    /// BadTime, Refused, PrerequisiteFailed, ServFail, Rejected. An error
    /// answer without a signature is reported as itself (a failure is never
    /// taken for a success); BADSIG and BADKEY answers are unsigned by
    /// design (RFC 8945 §5.3.2).
    static Result<DnsUpdateReply> readReply(QByteArrayView wire, const DnsUpdateRequest& request,
                                            const TsigKey& key);

    /// The zone, owner name and addresses of @p update checked: every name
    /// valid, the owner inside the zone, addresses of the record type.
    static Result<void> check(const DnsUpdate& update);
};

} // namespace relais
