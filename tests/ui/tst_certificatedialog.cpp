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

    // A refused certificate is not asked about again: the next health round
    // hears "no" at once, without a dialog.
    void aRefusedCertificateIsNotAskedAgain()
    {
        QWidget window;
        GuiTlsTrust trust(&window);
        Answers first;
        trust.verify(question(), first.callback());
        CertificateDialog* dialog = trust.lastDialog();
        QVERIFY(dialog);
        QVERIFY(!trust.isRefused(question()));
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QCOMPARE(first.given, QList<bool>{false});
        QVERIFY(trust.isRefused(question()));
        QTRY_VERIFY(!trust.lastDialog());

        Answers again;
        trust.verify(question(), again.callback());
        trust.verify(question(), again.callback());
        QCOMPARE(again.given, (QList<bool>{false, false})); // at once
        QVERIFY(!trust.lastDialog());
        QCOMPARE(trust.openDialogs(), 0);
        QVERIFY(window.findChildren<CertificateDialog*>().isEmpty());
    }

    // Several LXD requests asking about the same certificate at once share
    // one dialog and its answer.
    void identicalQuestionsShareOneDialog_data()
    {
        QTest::addColumn<bool>("trusted");
        QTest::newRow("trusted") << true;
        QTest::newRow("refused") << false;
    }

    void identicalQuestionsShareOneDialog()
    {
        QFETCH(bool, trusted);
        QWidget window;
        GuiTlsTrust trust(&window);
        Answers first;
        Answers second;
        trust.verify(question(), first.callback());
        CertificateDialog* dialog = trust.lastDialog();
        QVERIFY(dialog);
        trust.verify(question(), second.callback());
        QCOMPARE(trust.lastDialog(), dialog);
        QCOMPARE(trust.openDialogs(), 1);
        QCOMPARE(window.findChildren<CertificateDialog*>().size(), 1);
        QVERIFY(first.given.isEmpty());
        QVERIFY(second.given.isEmpty());
        QTest::mouseClick(trusted ? dialog->trustButton() : dialog->cancelButton(), Qt::LeftButton);
        QCOMPARE(first.given, QList<bool>{trusted});
        QCOMPARE(second.given, QList<bool>{trusted});
        QCOMPARE(trust.isRefused(question()), !trusted);
        QTest::qWait(10);
        QCOMPARE(first.given, QList<bool>{trusted}); // once each
    }

    void forgetRefusalsAsksAgain()
    {
        QWidget window;
        GuiTlsTrust trust(&window);
        Answers answers;
        trust.verify(question(), answers.callback());
        QTest::keyClick(trust.lastDialog(), Qt::Key_Escape);
        trust.verify(question(), answers.callback());
        QCOMPARE(answers.given, (QList<bool>{false, false}));

        trust.forgetRefusals();
        QVERIFY(!trust.isRefused(question()));
        trust.verify(question(), answers.callback());
        CertificateDialog* dialog = trust.lastDialog();
        QVERIFY(dialog);
        QCOMPARE(answers.given.size(), 2); // waits for the user again
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QCOMPARE(answers.given, (QList<bool>{false, false, true}));
    }

    // A new certificate of the same server (or another server) is asked about.
    void anotherCertificateIsStillAsked_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("fingerprint") << "fingerprint";
        QTest::newRow("port") << "port";
        QTest::newRow("host") << "host";
    }

    void anotherCertificateIsStillAsked()
    {
        QFETCH(QString, what);
        QWidget window;
        GuiTlsTrust trust(&window);
        Answers answers;
        trust.verify(question(), answers.callback());
        QTest::mouseClick(trust.lastDialog()->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!trust.lastDialog());

        TlsQuestion other = question();
        if (what == QLatin1String("fingerprint"))
            other.fingerprint.replace(0, 2, QStringLiteral("AA"));
        else if (what == QLatin1String("port"))
            other.port = 443;
        else
            other.host = QStringLiteral("10.231.0.11");
        QVERIFY(!trust.isRefused(other));
        trust.verify(other, answers.callback());
        CertificateDialog* dialog = trust.lastDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->question().fingerprint, other.fingerprint);
        QCOMPARE(answers.given, QList<bool>{false});
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QCOMPARE(answers.given, (QList<bool>{false, true}));
    }

    // Gone without a choice (the window closed): "no", but asked again.
    void aDialogGoneWithoutAChoiceIsAskedAgain()
    {
        auto* window = new QWidget;
        GuiTlsTrust trust(window);
        Answers answers;
        trust.verify(question(), answers.callback());
        QVERIFY(trust.lastDialog());
        delete window;
        QCOMPARE(answers.given, QList<bool>{false});
        QVERIFY(!trust.isRefused(question()));
        trust.verify(question(), answers.callback());
        CertificateDialog* dialog = trust.lastDialog();
        QVERIFY(dialog);
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QCOMPARE(answers.given, (QList<bool>{false, true}));
    }
};

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
