#pragma once

#include "lxd/LxdSnapshot.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

namespace relais {

/// The snapshots of one instance as marks on a time axis, oldest on the
/// left, "now" on the right (or the latest expiry when one lies ahead).
/// A snapshot that expires has a line from its mark to its expiry. The
/// tooltip of a mark gives the snapshot's name, date and expiry; a click
/// on a mark selects that snapshot.
class SnapshotTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit SnapshotTimeline(QWidget* parent = nullptr);

    /// Shows @p snapshots of @p instance at @p now; an empty @p instance
    /// shows that nothing is selected.
    void setSnapshots(const QString& instance, QList<LxdSnapshot> snapshots, const QDateTime& now);
    void clear();

    const QList<LxdSnapshot>& snapshots() const { return m_snapshots; }
    /// The time span drawn, from left to right.
    QDateTime spanStart() const { return m_start; }
    QDateTime spanEnd() const { return m_end; }
    /// Where @p time lies on the axis, in widget coordinates.
    qreal xOf(const QDateTime& time) const;
    /// The mark of snapshot @p index (its hit area), in widget coordinates.
    QRectF markRect(int index) const;
    /// The snapshot whose mark is under @p pos (the nearest one), or -1.
    int snapshotAt(const QPoint& pos) const;
    /// Name, date and expiry of snapshot @p index.
    QString toolTipFor(int index) const;
    /// The snapshot selected by a click (highlighted), or -1.
    int selected() const { return m_selected; }
    void setSelected(int index);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void snapshotClicked(const QString& name);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void updateSpan();
    QRectF axisRect() const;

    QString m_instance;
    QList<LxdSnapshot> m_snapshots;
    QDateTime m_now;
    QDateTime m_start;
    QDateTime m_end;
    int m_selected = -1;
};

} // namespace relais
