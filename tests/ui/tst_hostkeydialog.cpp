#include "GuiHostKeyVerifier.h"
#include "HostKeyDialog.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace relais;

namespace {

HostKeyQuestion question(bool viaJumpHost = false)
{
    HostKeyQuestion q;
    q.host = QStringLiteral("10.231.0.3");
    q.port = 2222;
    q.keyType = QStringLiteral("ssh-ed25519");
    q.fingerprint = QStringLiteral("SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
    q.viaJumpHost = viaJumpHost;
    return q;
}

/// Records every answer the verifier gives.
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

class TestHostKeyDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheKeyAndHowToCheckIt()
    {
        HostKeyDialog dialog(question(true));
        QCOMPARE(label(&dialog, "hostKeyHost")->text(), QStringLiteral("10.231.0.3"));
        QCOMPARE(label(&dialog, "hostKeyPort")->text(), QStringLiteral("2222"));
        QCOMPARE(label(&dialog, "hostKeyType")->text(), QStringLiteral("ssh-ed25519"));
        QLabel* fingerprint = label(&dialog, "hostKeyFingerprint");
        QCOMPARE(fingerprint->text(), question().fingerprint);
        QCOMPARE(fingerprint->font().family(),
                 QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
        QVERIFY(label(&dialog, "hostKeyJumpNote")->isVisibleTo(&dialog));
        QVERIFY(label(&dialog, "hostKeyAdvice")
                    ->text()
                    .contains(QStringLiteral("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub")));
        // Cancel is the default: Return never trusts by accident.
        QVERIFY(dialog.cancelButton()->isDefault());
        QVERIFY(!dialog.trustButton()->isDefault());

        HostKeyDialog direct(question(false));
        QVERIFY(!label(&direct, "hostKeyJumpNote")->isVisibleTo(&direct));

        // The advice names the host key file of the offered type.
        HostKeyQuestion ecdsa = question();
        ecdsa.keyType = QStringLiteral("ecdsa-sha2-nistp256");
        HostKeyDialog other(ecdsa);
        QVERIFY(label(&other, "hostKeyAdvice")
                    ->text()
                    .contains(QStringLiteral("ssh-keygen -lf /etc/ssh/ssh_host_ecdsa_key.pub")));
    }

    void returnKeyRejects()
    {
        QWidget window;
        GuiHostKeyVerifier verifier(&window);
        Answers answers;
        verifier.verify(question(), answers.callback());
        HostKeyDialog* dialog = verifier.lastDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->isModal());
        QVERIFY(answers.given.isEmpty()); // not before the user chose
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
        GuiHostKeyVerifier verifier(window);
        Answers answers;
        verifier.verify(question(), answers.callback());
        HostKeyDialog* dialog = verifier.lastDialog();
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
        // The dialog goes once answered, and never answers twice.
        if (how != QLatin1String("parent")) {
            QTRY_COMPARE(destroyed.size(), 1);
            delete window;
        }
        QTest::qWait(10);
        QCOMPARE(answers.given, QList<bool>{expected});
        QVERIFY(!verifier.lastDialog());
    }

    void severalQuestionsAreAnsweredSeparately()
    {
        QWidget window;
        GuiHostKeyVerifier verifier(&window);
        Answers first;
        Answers second;
        verifier.verify(question(), first.callback());
        HostKeyDialog* one = verifier.lastDialog();
        HostKeyQuestion other = question(true);
        other.host = QStringLiteral("10.231.0.4");
        verifier.verify(other, second.callback());
        HostKeyDialog* two = verifier.lastDialog();
        QVERIFY(one != two);
        QCOMPARE(two->question().host, QStringLiteral("10.231.0.4"));
        QTest::mouseClick(two->trustButton(), Qt::LeftButton);
        QTest::mouseClick(one->cancelButton(), Qt::LeftButton);
        QCOMPARE(first.given, QList<bool>{false});
        QCOMPARE(second.given, QList<bool>{true});
    }

    // A refused key is not asked about again: the next connection (a health
    // round every 30 s) hears "no" at once, without a dialog.
    void aRefusedKeyIsNotAskedAgain()
    {
        QWidget window;
        GuiHostKeyVerifier verifier(&window);
        Answers first;
        verifier.verify(question(), first.callback());
        HostKeyDialog* dialog = verifier.lastDialog();
        QVERIFY(dialog);
        QVERIFY(!verifier.isRefused(question()));
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QCOMPARE(first.given, QList<bool>{false});
        QVERIFY(verifier.isRefused(question()));
        QTRY_VERIFY(!verifier.lastDialog());

        Answers again;
        verifier.verify(question(), again.callback());
        QCOMPARE(again.given, QList<bool>{false}); // at once
        QVERIFY(!verifier.lastDialog());
        QCOMPARE(verifier.openDialogs(), 0);
        QVERIFY(window.findChildren<HostKeyDialog*>().isEmpty());
        // Through a jump host or not, the same key of the same host.
        verifier.verify(question(true), again.callback());
        QCOMPARE(again.given, (QList<bool>{false, false}));
        QVERIFY(window.findChildren<HostKeyDialog*>().isEmpty());
    }

    void escapeAndClosingAreRefusalsToo_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("escape") << "escape";
        QTest::newRow("window closed") << "close";
    }

    void escapeAndClosingAreRefusalsToo()
    {
        QFETCH(QString, how);
        QWidget window;
        GuiHostKeyVerifier verifier(&window);
        Answers answers;
        verifier.verify(question(), answers.callback());
        HostKeyDialog* dialog = verifier.lastDialog();
        QVERIFY(dialog);
        if (how == QLatin1String("escape"))
            QTest::keyClick(dialog, Qt::Key_Escape);
        else
            dialog->close();
        QCOMPARE(answers.given, QList<bool>{false});
        verifier.verify(question(), answers.callback());
        QCOMPARE(answers.given, (QList<bool>{false, false}));
        QCOMPARE(verifier.openDialogs(), 0);
    }

    // A dialog that goes without a choice (its window closed) is no refusal.
    void aDialogGoneWithoutAChoiceIsAskedAgain()
    {
        auto* window = new QWidget;
        GuiHostKeyVerifier verifier(window);
        Answers answers;
        verifier.verify(question(), answers.callback());
        QVERIFY(verifier.lastDialog());
        delete window;
        QCOMPARE(answers.given, QList<bool>{false});
        QVERIFY(!verifier.isRefused(question()));

        verifier.verify(question(), answers.callback());
        HostKeyDialog* dialog = verifier.lastDialog();
        QVERIFY(dialog);
        QCOMPARE(answers.given, QList<bool>{false});
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QCOMPARE(answers.given, (QList<bool>{false, true}));
    }

    // Several connections asking the same question at once share one dialog.
    void identicalQuestionsShareOneDialog_data()
    {
        QTest::addColumn<bool>("trust");
        QTest::newRow("trusted") << true;
        QTest::newRow("refused") << false;
    }

    void identicalQuestionsShareOneDialog()
    {
        QFETCH(bool, trust);
        QWidget window;
        GuiHostKeyVerifier verifier(&window);
        Answers first;
        Answers second;
        Answers third;
        verifier.verify(question(), first.callback());
        HostKeyDialog* dialog = verifier.lastDialog();
        QVERIFY(dialog);
        verifier.verify(question(), second.callback());
        verifier.verify(question(true), third.callback());
        QCOMPARE(verifier.lastDialog(), dialog);
        QCOMPARE(verifier.openDialogs(), 1);
        QCOMPARE(window.findChildren<HostKeyDialog*>().size(), 1);
        QVERIFY(first.given.isEmpty());
        QVERIFY(second.given.isEmpty());
        QTest::mouseClick(trust ? dialog->trustButton() : dialog->cancelButton(), Qt::LeftButton);
        QCOMPARE(first.given, QList<bool>{trust});
        QCOMPARE(second.given, QList<bool>{trust});
        QCOMPARE(third.given, QList<bool>{trust});
        QCOMPARE(verifier.isRefused(question()), !trust);
        QTest::qWait(10);
        QCOMPARE(second.given, QList<bool>{trust}); // once each
    }

    void forgetRefusalsAsksAgain()
    {
        QWidget window;
        GuiHostKeyVerifier verifier(&window);
        Answers answers;
        verifier.verify(question(), answers.callback());
        QTest::mouseClick(verifier.lastDialog()->cancelButton(), Qt::LeftButton);
        verifier.verify(question(), answers.callback());
        QCOMPARE(answers.given, (QList<bool>{false, false}));

        verifier.forgetRefusals();
        QVERIFY(!verifier.isRefused(question()));
        verifier.verify(question(), answers.callback());
        HostKeyDialog* dialog = verifier.lastDialog();
        QVERIFY(dialog);
        QCOMPARE(answers.given.size(), 2); // waits for the user again
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QCOMPARE(answers.given, (QList<bool>{false, false, true}));
    }

    // Only that key of that host and port is refused.
    void anotherKeyOrPortIsStillAsked_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("fingerprint") << "fingerprint";
        QTest::newRow("port") << "port";
        QTest::newRow("host") << "host";
    }

    void anotherKeyOrPortIsStillAsked()
    {
        QFETCH(QString, what);
        QWidget window;
        GuiHostKeyVerifier verifier(&window);
        Answers answers;
        verifier.verify(question(), answers.callback());
        QTest::mouseClick(verifier.lastDialog()->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!verifier.lastDialog());

        HostKeyQuestion other = question();
        if (what == QLatin1String("fingerprint"))
            other.fingerprint =
                QStringLiteral("SHA256:AAAAztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s");
        else if (what == QLatin1String("port"))
            other.port = 22;
        else
            other.host = QStringLiteral("10.231.0.4");
        QVERIFY(!verifier.isRefused(other));
        verifier.verify(other, answers.callback());
        HostKeyDialog* dialog = verifier.lastDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->question().fingerprint, other.fingerprint);
        QCOMPARE(answers.given, QList<bool>{false});
        QTest::mouseClick(dialog->trustButton(), Qt::LeftButton);
        QCOMPARE(answers.given, (QList<bool>{false, true}));
        QVERIFY(verifier.isRefused(question()));
    }

    // The verifier goes with a dialog open: the dialog goes, the caller hears "no".
    void destroyedWithADialogOpen()
    {
        QWidget window;
        Answers answers;
        QPointer<HostKeyDialog> dialog;
        {
            GuiHostKeyVerifier verifier(&window);
            verifier.verify(question(), answers.callback());
            dialog = verifier.lastDialog();
            QVERIFY(dialog);
        }
        QCOMPARE(answers.given, QList<bool>{false});
        QVERIFY(dialog.isNull());
    }
};

QTEST_MAIN(TestHostKeyDialog)
#include "tst_hostkeydialog.moc"
