#pragma once

namespace relais {

/// Errors of the credentials vault and of the keychain that remembers its
/// key. On every error the vault file (and its backup) is left as it was.
enum class VaultError
{
    NotFound,            ///< the vault file does not exist
    ReadFailed,          ///< the vault file exists but cannot be read
    WrongPassphrase,     ///< the passphrase (or remembered key) does not open the vault
    Corrupt,             ///< right key, but the file was damaged or tampered with
    Truncated,           ///< the file is shorter than its header says (cut short)
    NotAVault,           ///< the file is not a Relais vault (bad magic)
    UnsupportedVersion,  ///< format version or KDF unknown to this Relais
    WriteFailed,         ///< saving failed; the previous file is untouched
    Locked,              ///< the vault is locked (by lock() or after being idle)
    EntryNotFound,       ///< no entry with that id (or no key in the keychain)
    DuplicateEntry,      ///< an entry with that id already exists
    InvalidEntry,        ///< bad id, empty secret, or bad KDF parameters
    KeychainUnavailable, ///< no Secret Service / keychain answered
    CryptoFailed,        ///< OpenSSL refused an operation (out of memory, no randomness)
};

constexpr const char* errorDomain(VaultError)
{
    return "vault";
}

} // namespace relais
