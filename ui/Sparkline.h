#pragma once

#include "health/LatencySample.h"

#include <QList>
#include <QWidget>
#include <chrono>

namespace relais {

/// A small latency graph of the last minutes: one line per probe in the
/// lower part, broken where a check failed, each failure marked by a red
/// tick hanging from the top. The same facts are given in words by
/// summary() (tooltip and accessible description), so the graph is never
/// the only way to read them.
class Sparkline : public QWidget
{
    Q_OBJECT

public:
    explicit Sparkline(QWidget* parent = nullptr);

    /// One series per probe, oldest sample first. The right edge of the
    /// graph is the newest sample; the left edge is window() before it.
    void setSeries(QList<QList<LatencySample>> series);
    void clear();
    const QList<QList<LatencySample>>& series() const { return m_series; }

    void setWindow(std::chrono::seconds window);
    std::chrono::seconds window() const { return m_window; }

    /// The samples shown, in words: checks, failures, latency range.
    QString summary() const;
    /// How many samples fall inside the window, and how many of them failed.
    int shownChecks() const;
    int shownFailures() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QDateTime newest() const;
    bool inWindow(const LatencySample& sample, const QDateTime& right) const;
    void updateDescription();

    QList<QList<LatencySample>> m_series;
    std::chrono::seconds m_window{300};
};

} // namespace relais
