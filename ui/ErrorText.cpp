#include "ErrorText.h"

#include "common/DatabaseError.h"
#include "common/FileError.h"
#include "dns/DnsApiError.h"
#include "dns/DnsError.h"
#include "dns/DnsProviderError.h"
#include "dns/DnsSwitchError.h"
#include "dns/DnsUpdateError.h"
#include "http/HttpError.h"
#include "lxd/LxdError.h"
#include "notify/NotifyError.h"
#include "plan/PlanError.h"
#include "site/SiteError.h"
#include "ssh/SshError.h"
#include "sync/SyncError.h"
#include "vault/VaultError.h"

namespace relais {

QString ErrorText::askAgainHint()
{
    return tr("If you refused it, Relais asks again only when you choose View ▸ Check Now or "
              "open the site again.");
}

QString ErrorText::summary(const Error& error)
{
    if (auto code = error.code<SiteError>()) {
        switch (*code) {
        case SiteError::NotFound:
            return tr("The site file does not exist. Check the path or open another site.");
        case SiteError::ReadFailed:
            return tr("The site file cannot be read. Check that it is a file you may read.");
        case SiteError::NotJson:
            return tr("The site file is not valid JSON. Fix it in a text editor at the place "
                      "shown below.");
        case SiteError::Invalid:
            return tr("The site file has errors. Each one is listed below with where it is.");
        case SiteError::WriteFailed:
            return tr("The site could not be saved. The previous version is unchanged.");
        }
    }
    if (auto code = error.code<FileError>()) {
        switch (*code) {
        case FileError::NotFound:
            return tr("The file does not exist.");
        case FileError::ReadFailed:
            return tr("The file cannot be read.");
        case FileError::WriteFailed:
            return tr("The file could not be written. The previous version is unchanged.");
        case FileError::TooLarge:
            return tr("The file is too large to be a file Relais wrote.");
        }
    }
    if (auto code = error.code<DatabaseError>()) {
        switch (*code) {
        case DatabaseError::OpenFailed:
            return tr("The history database cannot be opened.");
        case DatabaseError::NewerSchema:
            return tr("The history database was written by a newer Relais. Use that version.");
        case DatabaseError::MigrationFailed:
            return tr("The history database could not be updated; it was left as it was.");
        case DatabaseError::QueryFailed:
            return tr("The history database refused a change.");
        }
    }
    if (auto code = error.code<VaultError>()) {
        switch (*code) {
        case VaultError::NotFound:
            return tr("There is no vault yet. Create one to keep your credentials.");
        case VaultError::ReadFailed:
            return tr("The vault file cannot be read. Check that it is a file you may read.");
        case VaultError::WrongPassphrase:
            return tr("The passphrase does not open the vault. Type it again.");
        case VaultError::Corrupt:
            return tr("The vault file is damaged or was changed by something else. Restore it "
                      "from its backup (the .bak file beside it).");
        case VaultError::Truncated:
            return tr("The vault file was cut short. Restore it from its backup (the .bak file "
                      "beside it).");
        case VaultError::NotAVault:
            return tr("This file is not a Relais vault.");
        case VaultError::UnsupportedVersion:
            return tr("The vault was written by a newer Relais. Use that version.");
        case VaultError::WriteFailed:
            return tr("The vault could not be saved. The previous version is unchanged.");
        case VaultError::Locked:
            return tr("The vault is locked. Unlock it to go on.");
        case VaultError::EntryNotFound:
            return tr("The vault holds no credential with that name.");
        case VaultError::DuplicateEntry:
            return tr("The vault already holds a credential with that name.");
        case VaultError::InvalidEntry:
            return tr("This credential cannot be stored as it is; the details say why.");
        case VaultError::KeychainUnavailable:
            return tr("No system keychain answered, so the vault key cannot be remembered on this "
                      "computer. Use the passphrase instead.");
        case VaultError::CryptoFailed:
            return tr("The encryption library failed. Nothing was changed.");
        }
    }
    if (auto code = error.code<SshError>()) {
        switch (*code) {
        case SshError::ConnectFailed:
            return tr("The host cannot be reached over SSH. Check that it is up and the address "
                      "and port are right.");
        case SshError::Timeout:
            return tr("The host did not answer in time.");
        case SshError::HostKeyUnknown:
            return tr("The host's key is not known yet and nobody confirmed it.");
        case SshError::HostKeyChanged:
            return tr("The host's key has CHANGED since it was trusted. This may be an attack, or "
                      "the server was reinstalled: check with its administrator before trusting "
                      "the new key.");
        case SshError::HostKeyRejected:
            return tr("The host's key was not trusted, so Relais did not connect.") +
                   QLatin1Char(' ') + askAgainHint();
        case SshError::AuthFailed:
            return tr("The host refused the SSH key. Install its public key on the host.");
        case SshError::ChannelFailed:
            return tr("The host refused to open a channel (command or forwarding).");
        case SshError::CommandFailed:
            return tr("The remote command could not run to its end.");
        case SshError::Cancelled:
            return tr("Cancelled.");
        case SshError::Disconnected:
            return tr("The SSH connection was lost.");
        case SshError::InvalidKey:
            return tr("The SSH key cannot be read. Check the credential in the vault.");
        case SshError::KnownHostsWriteFailed:
            return tr("The trusted host key could not be saved.");
        case SshError::ConfigHostUnknown:
            return tr("Your SSH configuration has no such host. Check the name after \"Host\" "
                      "in ~/.ssh/config.");
        case SshError::ConfigUnsupported:
            return tr("This host of your SSH configuration cannot be imported as it is; the "
                      "details say why. Adjust the site by hand after importing.");
        }
    }
    if (auto code = error.code<DnsError>()) {
        switch (*code) {
        case DnsError::Timeout:
            return tr("The DNS server did not answer in time.");
        case DnsError::BadServer:
            return tr("The DNS server's address is not valid.");
        case DnsError::BadName:
            return tr("The name asked is not a valid DNS name.");
        case DnsError::Network:
            return tr("The DNS server cannot be reached.");
        case DnsError::Malformed:
            return tr("The DNS server sent an answer that is not valid.");
        case DnsError::Cancelled:
            return tr("Cancelled.");
        case DnsError::Failed:
            return tr("The DNS query failed; the details say why.");
        }
    }
    if (auto code = error.code<LxdError>()) {
        switch (*code) {
        case LxdError::Unreachable:
            return tr("LXD cannot be reached on this host. Check that LXD runs and that its "
                      "socket path in the site is right.");
        case LxdError::NotFound:
            return tr("LXD does not know this container or snapshot; LXD's words are below.");
        case LxdError::Rejected:
            return tr("LXD refused the request; LXD's words are below.");
        case LxdError::Forbidden:
            return tr("LXD does not trust Relais for this request.");
        case LxdError::ServerError:
            return tr("LXD could not do it; LXD's words are below.");
        case LxdError::OperationFailed:
            return tr("The LXD operation failed; LXD's words are below.");
        case LxdError::Cancelled:
            return tr("Cancelled. LXD may finish an operation it cannot stop.");
        case LxdError::Timeout:
            return tr("LXD did not answer, or did not finish, in time.");
        case LxdError::ProtocolError:
            return tr("The answer on LXD's socket is not LXD's API.");
        case LxdError::CertificateUnknown:
            return tr("The LXD server's certificate is not trusted yet. Check its fingerprint on "
                      "the server (lxc info) before trusting it.") +
                   QLatin1Char(' ') + askAgainHint();
        case LxdError::CertificateMismatch:
            return tr("The LXD server presented a certificate other than the one Relais trusts. "
                      "Someone may be intercepting the connection: nothing was sent.");
        case LxdError::TlsFailed:
            return tr("The secure connection to LXD failed; the details say why.");
        case LxdError::InvalidToken:
            return tr("The LXD trust token cannot be used: it is not a token, or it has expired. "
                      "Ask the server for a new one (lxc config trust add).");
        case LxdError::InvalidClientCertificate:
            return tr("The LXD client certificate in the vault cannot be used.");
        case LxdError::TrustStoreFailed:
            return tr("The file of trusted LXD certificates cannot be read or written.");
        case LxdError::HostKeyNotTrusted:
            return tr("LXD is reached over SSH, and the host's SSH key was not trusted, so Relais "
                      "did not connect.") +
                   QLatin1Char(' ') + askAgainHint();
        }
    }
    if (auto code = error.code<DnsUpdateError>()) {
        switch (*code) {
        case DnsUpdateError::BadRequest:
            return tr("The DNS change asked for is not valid (name, address or TTL).");
        case DnsUpdateError::BadKeyText:
            return tr("The TSIG key in the vault is not written as name:algorithm:secret. Fix "
                      "the vault entry.");
        case DnsUpdateError::BadServer:
            return tr("The DNS server of the record is not a valid address, or its name does "
                      "not resolve. Check the site's DNS settings.");
        case DnsUpdateError::Timeout:
            return tr("The DNS server did not answer the update in time. It may still have "
                      "applied it: check the record before trying again.");
        case DnsUpdateError::Network:
            return tr("The update could not reach the DNS server (refused or no route).");
        case DnsUpdateError::Malformed:
            return tr("The DNS server's answer to the update is not valid DNS; the record's "
                      "state is unknown. Check it before trying again.");
        case DnsUpdateError::Unverified:
            return tr("The DNS server's answer is not signed with the TSIG key, so Relais "
                      "cannot trust it. Check the record and the key.");
        case DnsUpdateError::NotAuth:
            return tr("The DNS server is not authoritative for this zone, or refuses the key "
                      "(NOTAUTH).");
        case DnsUpdateError::BadSig:
            return tr("The DNS server rejected the signature (BADSIG): the TSIG secret in the "
                      "vault is not the server's.");
        case DnsUpdateError::BadKey:
            return tr("The DNS server does not know this TSIG key name (BADKEY). Check the key "
                      "name in the vault and on the server.");
        case DnsUpdateError::BadTime:
            return tr("The DNS server refused the signature's time (BADTIME): this computer's "
                      "clock and the server's differ. Set both clocks right.");
        case DnsUpdateError::Refused:
            return tr("The DNS server refused the update (REFUSED): its update policy does not "
                      "allow it, or the key is wrong.");
        case DnsUpdateError::PrerequisiteFailed:
            return tr("The record changed behind Relais' back: it no longer holds the address "
                      "expected, so nothing was overwritten. Look at the record first.");
        case DnsUpdateError::ServFail:
            return tr("The DNS server failed to apply the update (SERVFAIL); see its logs.");
        case DnsUpdateError::Rejected:
            return tr("The DNS server rejected the update; the details give its answer.");
        case DnsUpdateError::Cancelled:
            return tr("The DNS update was cancelled. The server may have applied it already: "
                      "check the record.");
        }
    }
    if (auto code = error.code<DnsApiError>()) {
        switch (*code) {
        case DnsApiError::BadRequest:
            return tr("The DNS change asked for is not valid for this provider (name outside the "
                      "zone, no address, or a TTL it does not accept).");
        case DnsApiError::BadCredentials:
            return tr("The provider's credentials in the vault are not in the expected format. "
                      "See the DNS documentation and fix the vault entry.");
        case DnsApiError::BadUrl:
            return tr("The provider's API address is not a valid http:// or https:// URL. Check "
                      "the site's DNS settings.");
        case DnsApiError::Busy:
            return tr("Another request to this DNS provider is still running; wait for it to "
                      "end.");
        case DnsApiError::Unauthorized:
            return tr("The DNS provider refused the credentials (key, token or signature). "
                      "Check the vault entry and the rights given to it.");
        case DnsApiError::ClockSkew:
            return tr("The provider refused the request's time: this computer's clock is too "
                      "far from the provider's. Set the clock right.");
        case DnsApiError::NotFound:
            return tr("The DNS provider does not know this zone, record or address. Check the "
                      "site's settings against the provider's account.");
        case DnsApiError::RecordChanged:
            return tr("The provider's record no longer holds the address Relais expected, so "
                      "nothing was written. Look at the record first.");
        case DnsApiError::Rejected:
            return tr("The DNS provider refused the request; the details give its answer.");
        case DnsApiError::ServerError:
            return tr("The DNS provider failed to handle the request (server error). Try again "
                      "later, after checking the record.");
        case DnsApiError::Malformed:
            return tr("The DNS provider's answer is not what its API documents; the record's "
                      "state is unknown. Check it before trying again.");
        case DnsApiError::Tls:
            return tr("The secure connection to the DNS provider failed: its certificate could "
                      "not be verified.");
        case DnsApiError::Network:
            return tr("Relais could not reach the DNS provider's API (refused or no route).");
        case DnsApiError::Timeout:
            return tr("The DNS provider did not answer in time. A change may still have been "
                      "applied: check the record before trying again.");
        case DnsApiError::MoveFailed:
            return tr("OVH could not move the failover IP; the details give the task's state.");
        case DnsApiError::Cancelled:
            return tr("The request to the DNS provider was cancelled. A change it received may "
                      "still be applied: check the record.");
        }
    }
    if (auto code = error.code<SyncError>()) {
        switch (*code) {
        case SyncError::DirectionLocked:
            return tr("Replication from main to backup is locked because backup is the active "
                      "side. Fail back first (reverse sync), then unlock it.");
        case SyncError::HookFailed:
            return tr("A command to run before the copy failed, so nothing was copied; the "
                      "details give its output.");
        case SyncError::CanaryFailed:
            return tr("Relais could not write its freshness marker on main, so nothing was "
                      "copied. Check that the source paths exist and are writable.");
        case SyncError::RsyncFailed:
            return tr("The copy failed; the details say why and what to do.");
        case SyncError::AlreadyRunning: // the details name the job and the host
            return tr("Another run of this job is still copying on its host, so this one did "
                      "not start; nothing was copied. Try again when it ends.");
        case SyncError::Cancelled:
            return tr("The copy was cancelled. Files already renamed into place on backup stay; "
                      "no half-written file is left at its final name.");
        case SyncError::NotConnected:
            return tr("Relais could not reach the host that starts the copy over SSH.");
        }
    }
    if (auto code = error.code<NotifyError>()) {
        switch (*code) {
        case NotifyError::NotConfigured:
            return tr("This notification channel cannot be used as written: its vault entry or "
                      "its CA file is missing. Check the site's notifications and the vault.");
        case NotifyError::Unreachable:
            return tr("Relais could not reach the notification server (refused, no route or "
                      "unknown name).");
        case NotifyError::Tls:
            return tr("The secure connection to the notification server failed: its "
                      "certificate could not be verified, or it offers no TLS.");
        case NotifyError::AuthRefused:
            return tr("The notification server refused the token or the login. Check the "
                      "channel's vault entry.");
        case NotifyError::HttpStatus:
            return tr("The notification server refused the message; the details give its "
                      "answer.");
        case NotifyError::SmtpRejected:
            return tr("The mail server refused the sender, a recipient or the message; the "
                      "details give its answer.");
        case NotifyError::Timeout:
            return tr("The notification server did not answer in time.");
        case NotifyError::Cancelled:
            return tr("Sending the notification was cancelled.");
        }
    }
    if (auto code = error.code<PlanError>()) {
        switch (*code) {
        case PlanError::NoPlan:
            return tr("The site's recovery plan has nothing to run in this mode.");
        case PlanError::StepFailed:
            return tr("A step of the drill failed; the drill stopped and cleaned up.");
        case PlanError::StepTimedOut:
            return tr("A step of the drill ran past its timeout and was stopped.");
        case PlanError::Cancelled:
            return tr("The drill was cancelled; what it created was cleaned up.");
        case PlanError::JournalFailed:
            return tr("The drill journal cannot be written, so the drill stopped: a drill that "
                      "cannot be followed after a crash is not run.");
        case PlanError::NotResumable:
            return tr("The unfinished drill cannot be read back from the journal.");
        case PlanError::NotConfigured:
            return tr("The site lacks what this step needs; the details say what.");
        case PlanError::Unsupported:
            return tr("This version of Relais cannot run this step yet.");
        }
    }
    if (auto code = error.code<DnsProviderError>()) {
        switch (*code) {
        case DnsProviderError::NotAvailable:
            return tr("This DNS provider is not available in this version of Relais.");
        case DnsProviderError::MissingCredentials:
            return tr("The DNS provider's credentials are missing: unlock the vault, or add the "
                      "entry the site names.");
        case DnsProviderError::BadCredentials:
            return tr("The DNS provider's credentials in the vault cannot be used.");
        case DnsProviderError::BadRequest:
            return tr("The DNS provider cannot handle this record or change.");
        case DnsProviderError::Busy:
            return tr("The DNS provider is still busy with another request.");
        case DnsProviderError::Failed:
            return tr("The DNS provider answered without the record; the details say why.");
        }
    }
    if (auto code = error.code<DnsSwitchError>()) {
        switch (*code) {
        case DnsSwitchError::BadRequest:
            return tr("The switch cannot be made: the site lacks an address for a side.");
        case DnsSwitchError::ReadFailed:
            return tr("The record could not be read before switching; nothing was changed.");
        case DnsSwitchError::NeitherSide:
            return tr("The record points to neither main nor backup; nothing was changed.");
        case DnsSwitchError::ChangedBehind:
            return tr("The record changed behind Relais's back; it was not overwritten.");
        case DnsSwitchError::ChangeFailed:
            return tr("The provider did not change the record; the details say what was done.");
        case DnsSwitchError::NoServers:
            return tr("No authoritative server to verify the switch at: list them in the "
                      "site's \"verify\".");
        case DnsSwitchError::PropagationTimeout:
            return tr("The record changed, but not every authoritative server answers it yet.");
        case DnsSwitchError::Cancelled:
            return tr("The switch was cancelled; the details say what was done.");
        case DnsSwitchError::Busy:
            return tr("A switch of this record is already running.");
        }
    }
    if (auto code = error.code<HttpError>()) {
        Q_UNUSED(code);
        return tr("The server sent an HTTP answer that Relais refuses to read.");
    }
    return tr("Unexpected error (%1 %2).").arg(QLatin1String(error.domain())).arg(error.value());
}

} // namespace relais
