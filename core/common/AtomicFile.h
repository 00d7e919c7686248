#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>

namespace relais {

/// Whole-file reads and atomic writes. A write goes to a temporary file in
/// the same directory that replaces the target only once fully written and
/// flushed, so a crash or a full disk never leaves a half-written file.
class AtomicFile
{
public:
    /// Writes @p data to @p path, creating missing parent directories
    /// (readable by the owner only). On failure the previous file, if any,
    /// is left untouched.
    static Result<void> write(const QString& path, const QByteArray& data);

    /// Reads the whole file, refusing files larger than @p maxBytes.
    static Result<QByteArray> read(const QString& path, qint64 maxBytes = 16 * 1024 * 1024);
};

} // namespace relais
