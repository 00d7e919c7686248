#include "HealthIcon.h"

#include "HealthText.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>

namespace relais {

namespace {

// Shapes and symbols in a unit square (0..1), scaled when painted.
QPainterPath shapeOf(HealthState state)
{
    QPainterPath path;
    switch (state) {
    case HealthState::Degraded:
        path.moveTo(0.5, 0.04);
        path.lineTo(0.97, 0.92);
        path.lineTo(0.03, 0.92);
        path.closeSubpath();
        break;
    case HealthState::Down: {
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const qreal angle = qDegreesToRadians(22.5 + 45.0 * i);
            octagon << QPointF(0.5 + 0.48 * qCos(angle), 0.5 + 0.48 * qSin(angle));
        }
        path.addPolygon(octagon);
        path.closeSubpath();
        break;
    }
    case HealthState::Up:
    case HealthState::Unknown:
        path.addEllipse(QPointF(0.5, 0.5), 0.47, 0.47);
        break;
    }
    return path;
}

void paintSymbol(QPainter& painter, HealthState state)
{
    QPen pen(Qt::white, 0.12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    switch (state) {
    case HealthState::Up: {
        QPainterPath check;
        check.moveTo(0.27, 0.52);
        check.lineTo(0.44, 0.69);
        check.lineTo(0.74, 0.34);
        painter.drawPath(check);
        break;
    }
    case HealthState::Degraded:
        painter.drawLine(QPointF(0.5, 0.38), QPointF(0.5, 0.62));
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawEllipse(QPointF(0.5, 0.78), 0.065, 0.065);
        break;
    case HealthState::Down:
        painter.drawLine(QPointF(0.32, 0.32), QPointF(0.68, 0.68));
        painter.drawLine(QPointF(0.68, 0.32), QPointF(0.32, 0.68));
        break;
    case HealthState::Unknown: {
        QPainterPath hook;
        hook.arcMoveTo(QRectF(0.33, 0.2, 0.34, 0.32), 160);
        hook.arcTo(QRectF(0.33, 0.2, 0.34, 0.32), 160, -250);
        hook.lineTo(0.5, 0.62);
        painter.drawPath(hook);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawEllipse(QPointF(0.5, 0.79), 0.065, 0.065);
        break;
    }
    }
}

void paintBadge(QPainter& painter, const QRectF& target, HealthState state)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(target.topLeft());
    painter.scale(target.width(), target.height());
    const QColor colour = HealthText::stateColor(state);
    // A dark rim keeps the shape visible on a background of the same hue.
    painter.setPen(QPen(colour.darker(160), 0.05));
    painter.setBrush(colour);
    painter.drawPath(shapeOf(state));
    paintSymbol(painter, state);
    painter.restore();
}

} // namespace

QPixmap HealthIcon::badge(HealthState state, int size, qreal devicePixelRatio)
{
    const int pixels = qMax(1, qRound(size * devicePixelRatio));
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        paintBadge(painter, QRectF(0, 0, pixels, pixels), state);
    }
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

QIcon HealthIcon::icon(HealthState state)
{
    QIcon icon;
    for (int size : {12, 16, 22, 24, 32, 48})
        icon.addPixmap(badge(state, size));
    return icon;
}

QPixmap HealthIcon::overlayPixmap(const QIcon& base, HealthState state, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        if (!base.isNull())
            base.paint(&painter, QRect(0, 0, size, size));
        const qreal badgeSize = size * 0.62;
        paintBadge(painter, QRectF(size - badgeSize, size - badgeSize, badgeSize, badgeSize),
                   state);
    }
    return pixmap;
}

QIcon HealthIcon::overlay(const QIcon& base, HealthState state)
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64})
        icon.addPixmap(overlayPixmap(base, state, size));
    return icon;
}

} // namespace relais
