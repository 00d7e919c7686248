#pragma once

#include <QtGlobal>

namespace relais {

/// Parameters of scrypt, the key derivation of the vault. They are stored in
/// the vault header so they can be raised later (Vault::changePassphrase).
struct KdfParams
{
    quint8 logN = 17; ///< N = 2^logN
    quint32 r = 8;
    quint32 p = 1;

    /// Bounds accepted when reading or creating a vault. Memory is
    /// 128 * N * r bytes (128 MiB with the defaults).
    static constexpr quint8 MinLogN = 10;
    static constexpr quint8 MaxLogN = 24;
    static constexpr quint32 MaxR = 32;
    static constexpr quint32 MaxP = 16;
    static constexpr quint64 MaxMemoryBytes = quint64(1) << 30;

    quint64 memoryBytes() const { return quint64(128) * (quint64(1) << logN) * r; }

    bool isValid() const
    {
        return logN >= MinLogN && logN <= MaxLogN && r >= 1 && r <= MaxR && p >= 1 && p <= MaxP &&
               memoryBytes() <= MaxMemoryBytes;
    }

    friend bool operator==(const KdfParams&, const KdfParams&) = default;
};

} // namespace relais
