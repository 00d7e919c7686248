#include "CertificateDialog.h"
#include "GuiTlsTrust.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace relais;

namespace {

TlsQuestion question(bool selfSigned = true)
{
    TlsQuestion q;
    q.host = QStringLiteral("10.231.0.10");
    q.port = 8443;
    q.fingerprint = QStringLiteral("CE:F1:6E:80:11:BF:88:51:A3:53:B7:39:60:38:19:87:"
                                   "3F:05:8D:E7:6F:EB:A1:38:42:33:B7:8E:2C:85:01:22");
    q.subject = QStringLiteral("root@vm, linuxcontainers.org");
    q.validFrom = QDateTime(QDate(2026, 11, 22), QTime(6, 18), Qt::UTC);
    q.validUntil = QDateTime(QDate(2036, 11, 19), QTime(6, 18), Qt::UTC);
    q.selfSigned = selfSigned;
    return q;
}

struct Answers
{
    QList<bool> given;
    std::function<void(bool)> callback()
    {
        return [this](bool accept) {
            given.append(accept);
        };
    }
};

QLabel* label(QWidget* dialog, const char* name)
{
    return dialog->findChild<QLabel*>(QLatin1String(name));
}

} // namespace

// The dialog that asks about an unknown LXD server certificate, and the
// GUI's TlsTrust that opens it.
class TestCertificateDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheCertificateAndHowToCheckIt()
    {
        CertificateDialog dialog(question());
        QCOMPARE(label(&dialog, "certificateHost")->text(), QStringLiteral("10.231.0.10"));
        QCOMPARE(label(&dialog, "certificatePort")->text(), QStringLiteral("8443"));
        QCOMPARE(label(&dialog, "certificateSubject")->text(),
                 QStringLiteral("root@vm, linuxcontainers.org"));
        QLabel* fingerprint = label(&dialog, "certificateFingerprint");
        QCOMPARE(fingerprint->text(), question().fingerprint);
        QCOMPARE(fingerprint->font().family(),
                 QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        QVERIFY(label(&dialog, "certificateValidity")->text().contains(QStringLiteral("36")));
        QVERIFY(label(&dialog, "certificateSelfSigned")->isVisibleTo(&dialog));
        QVERIFY(label(&dialog, "certificateAdvice")
                    ->text()
                    .contains(QStringLiteral("lxc info | grep certificate_fingerprint")));
        QVERIFY(dialog.cancelButton()->isDefault());
        QVERIFY(!dialog.trustButton()->isDefault());

        CertificateDialog signedByCa(question(false));
        QVERIFY(!label(&signedByCa, "certificateSelfSigned")->isVisibleTo(&signedByCa));
    }

    void returnKeyRejects()
    {
        QWidget window;
        GuiTlsTrust trust(&window);
        Answers answers;
        trust.verify(question(), answers.callback());
        CertificateDialog* dialog = trust.lastDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->isModal());
        QVERIFY(answers.given.isEmpty());
        QTest::keyClick(dialog, Qt::Key_Return);
        QCOMPARE(answers.given, QList<bool>{false});
    }

    void answers_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<bool>("expected");
        QTest::newRow("trust and connect") << "trust" << true;
        QTest::newRow("cancel") << "cancel" << false;
        QTest::newRow("escape") << "escape" << false;
        QTest::newRow("window closed") << "close" << false;
        QTest::newRow("dialog destroyed") << "destroy" << false;
        QTest::newRow("parent destroyed") << "parent" << false;
    }

    void answers()
    {
        QFETCH(QString, how);
        QFETCH(bool, expected);
        auto* window = new QWidget;
        GuiTlsTrust trust(window);
        Answers answers;
        trust.verify(question(), answers.callback());
        CertificateDialog* dialog = trust.lastDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->parentWidget(), window);
        QSignalSpy destroyed(dialog, &QObject::destroyed);
        if (how == QLatin1String("trust"))
            QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        else if (how == QLatin1String("cancel"))
            QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        else if (how == QLatin1String("escape"))
            QTest::keyClick(dialog, Qt::Key_Escape);
        else if (how == QLatin1String("close"))
            dialog->close();
        else if (how == QLatin1String("destroy"))
            delete dialog;
        else
            delete window;
        QCOMPARE(answers.given, QList<bool>{expected});
        if (how != QLatin1String("parent")) {
            QTRY_COMPARE(destroyed.size(), 1);
            delete window;
        }
        QTest::qWait(10);
        QCOMPARE(answers.given, QList<bool>{expected});
        QVERIFY(!trust.lastDialog());
    }
};

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
