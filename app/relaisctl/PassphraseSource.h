#pragma once

#include "vault/SecretBytes.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

class QTextStream;

namespace relais {

/// Where relaisctl gets the vault passphrase and reads secrets: the first
/// line of --passphrase-file, else RELAIS_VAULT_PASSPHRASE, else a prompt on
/// the terminal with echo off. Shared by `relaisctl vault` and `relaisctl ssh`.
/// No secret and no passphrase is ever printed.
class PassphraseSource
{
    Q_DECLARE_TR_FUNCTIONS(PassphraseSource)

public:
    /// A secret read from a file or standard input stays under this size.
    static constexpr qsizetype MaxSecretBytes = 1024 * 1024;

    enum class ReadStatus
    {
        Ok,
        TooLarge,
        Failed,
    };

    /// Reads @p fd to its end (or to the first newline when @p line) into a
    /// buffer that grows without leaving unwiped copies behind. The newline
    /// is not kept.
    static ReadStatus readSecret(int fd, bool line, SecretBytes& secret);

    /// Turns the echo of terminal @p fd off while it lives (and puts it back
    /// if a signal ends the program meanwhile).
    class EchoOff
    {
    public:
        EchoOff(int fd, bool echoNewline);
        ~EchoOff();
        EchoOff(const EchoOff&) = delete;
        EchoOff& operator=(const EchoOff&) = delete;

    private:
        int m_fd;
        bool m_changed = false;
        void (*m_oldInt)(int) = nullptr;
        void (*m_oldTerm)(int) = nullptr;
        void (*m_oldHup)(int) = nullptr;
    };

    /// The passphrase from @p passphraseFile (when given), else
    /// RELAIS_VAULT_PASSPHRASE, else the terminal (asked twice when
    /// @p confirm); prints why on @p err and answers nullopt when there is none.
    /// With @p useEnvironment false, RELAIS_VAULT_PASSPHRASE is not looked at
    /// (a new passphrase must not silently be the current one).
    static std::optional<SecretBytes> read(const std::optional<QString>& passphraseFile,
                                           bool confirm, QTextStream& err,
                                           bool useEnvironment = true);
};

} // namespace relais
