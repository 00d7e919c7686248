#pragma once

#include <QWidget>

namespace relais {

class DrillStepModel;

/// The steps of a drill as a Gantt-style timeline: one bar per step from
/// its start to its end (or now, while it runs), in the span of the drill,
/// with the step's state in words next to the colour.
class DrillTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit DrillTimeline(DrillStepModel* model, QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void modelChanged();

    DrillStepModel* m_model;
};

} // namespace relais
