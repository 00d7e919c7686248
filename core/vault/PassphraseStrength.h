#pragma once

#include <QString>

namespace relais {

/// A rough strength of a new vault passphrase, for the hint shown while it
/// is typed: length times the bits of the kinds of characters used, with
/// repeated characters counted less. No dictionary: it errs on the kind side
/// for words, hence the long minimum.
class PassphraseStrength
{
public:
    enum class Rating
    {
        TooShort, ///< fewer than MinimumLength characters: refused
        Weak,     ///< under 50 bits
        Fair,     ///< under 80 bits
        Strong,
    };

    static constexpr int MinimumLength = 12;

    /// The estimated bits of @p passphrase.
    static double bits(const QString& passphrase);
    static Rating rate(const QString& passphrase);
};

} // namespace relais
