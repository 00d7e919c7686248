#include "HostKeyDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace relais {

namespace {

/// Where sshd keeps its public host key of @p keyType (OpenSSH's defaults).
QString hostKeyFile(const QString& keyType)
{
    QString name = QStringLiteral("ed25519");
    if (keyType.startsWith(QLatin1String("ecdsa-")))
        name = QStringLiteral("ecdsa");
    else if (keyType == QLatin1String("ssh-rsa") || keyType.startsWith(QLatin1String("rsa-")))
        name = QStringLiteral("rsa");
    return QStringLiteral("/etc/ssh/ssh_host_%1_key.pub").arg(name);
}

} // namespace

HostKeyDialog::HostKeyDialog(const HostKeyQuestion& question, QWidget* parent)
    : QDialog(parent)
    , m_question(question)
    , m_trust(nullptr)
    , m_cancel(nullptr)
{
    setObjectName(QStringLiteral("hostKeyDialog"));
    setWindowTitle(tr("Unknown Host Key"));

    auto* intro = new QLabel(
        tr("Relais has never connected to %1 before. Before trusting it, check that the key "
           "below is really the server's: anyone between you and the server could offer "
           "their own.")
            .arg(question.host.toHtmlEscaped()),
        this);
    intro->setObjectName(QStringLiteral("hostKeyIntro"));
    intro->setWordWrap(true);

    auto* host = new QLabel(question.host, this);
    host->setObjectName(QStringLiteral("hostKeyHost"));
    host->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* port = new QLabel(QString::number(question.port), this);
    port->setObjectName(QStringLiteral("hostKeyPort"));
    auto* type = new QLabel(question.keyType, this);
    type->setObjectName(QStringLiteral("hostKeyType"));
    auto* fingerprint = new QLabel(question.fingerprint, this);
    fingerprint->setObjectName(QStringLiteral("hostKeyFingerprint"));
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    fingerprint->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    form->addRow(tr("Host:"), host);
    form->addRow(tr("Port:"), port);
    form->addRow(tr("Key type:"), type);
    form->addRow(tr("Fingerprint:"), fingerprint);

    auto* jump = new QLabel(tr("This host is reached through a jump host: the connection to it "
                               "passes through that other server first."),
                            this);
    jump->setObjectName(QStringLiteral("hostKeyJumpNote"));
    jump->setWordWrap(true);
    jump->setVisible(question.viaJumpHost);

    auto* advice = new QLabel(this);
    advice->setObjectName(QStringLiteral("hostKeyAdvice"));
    advice->setWordWrap(true);
    advice->setTextFormat(Qt::RichText);
    advice->setText(tr("To check it, run on the server itself (or ask its administrator):"
                       "<pre>ssh-keygen -lf %1</pre>"
                       "and compare the SHA256 fingerprint it prints with the one above, "
                       "character by character. If they differ, do not connect.")
                        .arg(hostKeyFile(question.keyType)));

    auto* buttons = new QDialogButtonBox(this);
    m_trust = buttons->addButton(tr("&Trust and Connect"), QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(QStringLiteral("hostKeyTrust"));
    m_trust->setAutoDefault(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("hostKeyCancel"));
    m_cancel->setDefault(true);
    connect(m_trust, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(jump);
    layout->addWidget(advice);
    layout->addWidget(buttons);
    m_cancel->setFocus();
}

} // namespace relais
