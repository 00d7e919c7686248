#pragma once

#include "health/HealthState.h"

#include <QIcon>
#include <QPixmap>

namespace relais {

/// Drawn state symbols that differ by shape as well as by colour, so that
/// no state is told by colour alone: Up a green disc with a check mark,
/// Degraded an orange triangle with an exclamation mark, Down a red
/// octagon with a cross, Unknown a grey disc with a question mark.
class HealthIcon
{
public:
    /// The symbol alone, @p size device-independent pixels square.
    static QPixmap badge(HealthState state, int size, qreal devicePixelRatio = 1.0);
    /// The symbol at the usual icon sizes.
    static QIcon icon(HealthState state);
    /// @p base (the application's icon) with the state's symbol over its
    /// lower right corner: the tray icon.
    static QIcon overlay(const QIcon& base, HealthState state);
    /// One pixmap of overlay(), for tests and for painting.
    static QPixmap overlayPixmap(const QIcon& base, HealthState state, int size);
};

} // namespace relais
