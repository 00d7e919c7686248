#include "PassphraseStrength.h"

#include <QSet>
#include <cmath>

namespace relais {

double PassphraseStrength::bits(const QString& passphrase)
{
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool symbol = false;
    bool other = false;
    QSet<uint> distinct;
    const QList<uint> codePoints = passphrase.toUcs4();
    for (const uint c : codePoints) {
        distinct.insert(c);
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else if (c < 128)
            symbol = true;
        else
            other = true;
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) +
                     (other ? 100 : 0);
    if (pool == 0)
        return 0;
    // "aaaaaaaaaaaa" is not twelve characters' worth.
    const qsizetype effective = qMin(codePoints.size(), 2 * distinct.size());
    return double(effective) * std::log2(double(pool));
}

PassphraseStrength::Rating PassphraseStrength::rate(const QString& passphrase)
{
    if (passphrase.toUcs4().size() < MinimumLength)
        return Rating::TooShort;
    const double estimate = bits(passphrase);
    if (estimate < 50)
        return Rating::Weak;
    if (estimate < 80)
        return Rating::Fair;
    return Rating::Strong;
}

} // namespace relais
