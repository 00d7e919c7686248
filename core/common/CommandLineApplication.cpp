#include "CommandLineApplication.h"

#include <QGuiApplication>

namespace relais {

std::unique_ptr<QCoreApplication> CommandLineApplication::create(int& argc, char** argv,
                                                                 bool printing)
{
    if (!printing)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace relais
