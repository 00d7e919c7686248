#include "CertificateDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace relais {

CertificateDialog::CertificateDialog(const TlsQuestion& question, QWidget* parent)
    : QDialog(parent)
    , m_question(question)
    , m_trust(nullptr)
    , m_cancel(nullptr)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Unknown Server Certificate"));

    auto* intro = new QLabel(
        tr("Relais has never connected to %1 over HTTPS before. Before trusting it, check that "
           "the certificate below is really the server's: anyone between you and the server "
           "could offer their own.")
            .arg(question.host.toHtmlEscaped()),
        this);
    intro->setObjectName(QStringLiteral("certificateIntro"));
    intro->setWordWrap(true);

    const auto plain = [this](const QString& text, const char* name) {
        auto* label = new QLabel(text, this);
        label->setObjectName(QLatin1String(name));
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    QLabel* host = plain(question.host, "certificateHost");
    QLabel* port = plain(QString::number(question.port), "certificatePort");
    QLabel* subject = plain(question.subject, "certificateSubject");
    const QLocale locale;
    QLabel* validity = plain(
        tr("%1 to %2")
            .arg(locale.toString(question.validFrom.toLocalTime().date(), QLocale::ShortFormat),
                 locale.toString(question.validUntil.toLocalTime().date(), QLocale::ShortFormat)),
        "certificateValidity");
    QLabel* fingerprint = plain(question.fingerprint, "certificateFingerprint");
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setWordWrap(true);
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* form = new QFormLayout;
    form->addRow(tr("Host:"), host);
    form->addRow(tr("Port:"), port);
    form->addRow(tr("Subject:"), subject);
    form->addRow(tr("Valid:"), validity);
    form->addRow(tr("SHA-256 fingerprint:"), fingerprint);

    auto* selfSigned = new QLabel(tr("The certificate is self-signed, as LXD's own certificates "
                                     "are: only its fingerprint can tell it is the right one."),
                                  this);
    selfSigned->setObjectName(QStringLiteral("certificateSelfSigned"));
    selfSigned->setWordWrap(true);
    selfSigned->setVisible(question.selfSigned);

    auto* advice = new QLabel(this);
    advice->setObjectName(QStringLiteral("certificateAdvice"));
    advice->setWordWrap(true);
    advice->setTextFormat(Qt::RichText);
    advice->setText(tr("To check it, run on the server itself (or ask its administrator):"
                       "<pre>lxc info | grep certificate_fingerprint</pre>"
                       "and compare the fingerprint it prints with the one above (without the "
                       "colons), character by character. If they differ, do not connect."));

    auto* buttons = new QDialogButtonBox(this);
    m_trust = buttons->addButton(tr("&Trust and Connect"), QDialogButtonBox::AcceptRole);
    m_trust->setObjectName(QStringLiteral("certificateTrust"));
    m_trust->setAutoDefault(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("certificateCancel"));
    m_cancel->setDefault(true);
    connect(m_trust, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(selfSigned);
    layout->addWidget(advice);
    layout->addWidget(buttons);
    m_cancel->setFocus();
}

} // namespace relais
