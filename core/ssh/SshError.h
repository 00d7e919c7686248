#pragma once

namespace relais {

/// Errors of the SSH module. The message of each Error says what happened
/// and what to do; the UI turns the code into a translated sentence.
enum class SshError
{
    ConnectFailed,         ///< no TCP connection or SSH handshake (host down, refused, no route)
    Timeout,               ///< no answer within the allowed time (connect or command)
    HostKeyUnknown,        ///< the host key is not in known_hosts and nobody could be asked
    HostKeyChanged,        ///< the host key differs from the stored one: refused, never asked
    HostKeyRejected,       ///< the verifier refused an unknown host key
    AuthFailed,            ///< the server refused the private key
    ChannelFailed,         ///< a channel (exec, forwarding) could not be opened
    CommandFailed,         ///< the remote command could not be started or was interrupted
    Cancelled,             ///< stopped by cancel()
    Disconnected,          ///< the session is not connected, or the connection was lost
    InvalidKey,            ///< the private key (or a known_hosts key) cannot be read
    KnownHostsWriteFailed, ///< the trusted key could not be saved to known_hosts
    ConfigHostUnknown,     ///< ~/.ssh/config has no such Host alias
    ConfigUnsupported,     ///< an ~/.ssh/config host Relais cannot take (jump chain, no key)
};

constexpr const char* errorDomain(SshError)
{
    return "ssh";
}

} // namespace relais
