#pragma once

#include "LxdSocketTransport.h"

namespace relais {

/// A daemon on this machine: its Unix socket, used as it is.
class LxdLocalTransport : public LxdSocketTransport
{
    Q_OBJECT

public:
    explicit LxdLocalTransport(QString socketPath, QObject* parent = nullptr);

    Result<QString> socketPath() override { return m_path; }
    QString describe() const override;

private:
    QString m_path;
};

} // namespace relais
