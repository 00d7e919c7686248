#pragma once

#include <QCoreApplication>
#include <memory>

namespace relais {

/// The application object of relaisctl: a QCoreApplication, or, when
/// @p printing (a drill report written as PDF), a QGuiApplication on the
/// offscreen platform, so that fonts and QPdfWriter work without a display
/// and without any window system.
class CommandLineApplication
{
public:
    static std::unique_ptr<QCoreApplication> create(int& argc, char** argv, bool printing);
};

} // namespace relais
