#pragma once

#include "sync/SyncRunRecord.h"

#include <QList>
#include <QWidget>

namespace relais {

/// Duration and bytes of a sync job's recent runs, one bar pair per run:
/// durations above the axis, bytes below, a failed run's bars in red. Dry
/// runs are left out (they copy nothing). The same facts are given in words
/// by summary() (tooltip and accessible description).
class SyncRunChart : public QWidget
{
    Q_OBJECT

public:
    struct Bar
    {
        QDateTime startedAt; ///< UTC
        qint64 durationMs = 0;
        qint64 bytes = 0;
        bool failed = false;
        bool operator==(const Bar&) const = default;
    };

    explicit SyncRunChart(QWidget* parent = nullptr);

    /// The runs as SyncHistory::recent() gives them (newest first).
    void setRuns(const QList<SyncRunRecord>& runs);
    /// The bars drawn, oldest first (at most maxBars()).
    const QList<Bar>& bars() const { return m_bars; }
    static constexpr int maxBars() { return 30; }
    qint64 maxDurationMs() const;
    qint64 maxBytes() const;
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateDescription();

    QList<Bar> m_bars;
};

} // namespace relais
