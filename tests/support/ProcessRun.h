#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace relais::test {

/// The outcome of a program run by a test: exit code (-1 when it did not
/// start, crashed or timed out) and what it printed.
struct ProcessRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs @p program to its end (blocking: test code only), feeding it
/// @p input on standard input.
inline ProcessRun runProcess(const QString& program, const QStringList& arguments,
                             int timeoutMs = 600000, const QByteArray& input = {})
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return {-1, {}, process.errorString().toUtf8()};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, process.readAllStandardOutput(), "timed out"};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

/// tests/lab/labctl with @p arguments.
inline ProcessRun labctl(const QStringList& arguments, int timeoutMs = 600000)
{
    return runProcess(QStringLiteral(RELAIS_LABCTL), arguments, timeoutMs);
}

} // namespace relais::test
