#pragma once

#include <QDialog>

namespace relais {

/// Version, purpose and licence of Relais.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
};

} // namespace relais
