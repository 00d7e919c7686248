#pragma once

#include <QObject>

class QSocketNotifier;

namespace relais {

/// Turns SIGINT (Ctrl-C) into the interrupted() signal in the event loop:
/// the handler only writes a byte to a socketpair, read by a
/// QSocketNotifier. One instance at a time; the previous handler comes
/// back when it is destroyed.
class InterruptNotifier : public QObject
{
    Q_OBJECT

public:
    explicit InterruptNotifier(QObject* parent = nullptr);
    ~InterruptNotifier() override;

    bool isActive() const { return m_notifier != nullptr; }

signals:
    void interrupted();

private:
    static void onSignal(int);
    void onReadable();

    QSocketNotifier* m_notifier = nullptr;
    int m_fds[2] = {-1, -1};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace relais
