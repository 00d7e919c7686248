#include "ErrorText.h"
#include "common/DatabaseError.h"
#include "common/FileError.h"
#include "common/Language.h"
#include "dns/DnsApiError.h"
#include "dns/DnsError.h"
#include "dns/DnsProviderError.h"
#include "dns/DnsSwitchError.h"
#include "dns/DnsUpdateError.h"
#include "http/HttpError.h"
#include "lxd/LxdError.h"
#include "notify/NotifyError.h"
#include "plan/PlanError.h"
#include "site/SiteError.h"
#include "ssh/SshError.h"
#include "sync/SyncError.h"
#include "vault/VaultError.h"

#include <QCoreApplication>
#include <QSet>
#include <QTest>

using namespace relais;

// Every code core can return reaches the user as its own sentence, in
// English and in French.
class TestErrorText : public QObject
{
    Q_OBJECT

private:
    template <typename E> static QStringList sentences(int count)
    {
        QStringList list;
        for (int i = 0; i < count; ++i)
            list << ErrorText::summary(Error(static_cast<E>(i), QStringLiteral("detail")));
        return list;
    }

    static QStringList all()
    {
        return sentences<SiteError>(5) + sentences<FileError>(4) + sentences<DatabaseError>(4) +
               sentences<VaultError>(14) + sentences<SshError>(14) + sentences<DnsError>(7) +
               sentences<DnsUpdateError>(16) + sentences<SyncError>(7) + sentences<LxdError>(16) +
               sentences<HttpError>(1) + sentences<DnsApiError>(16) + sentences<PlanError>(8) +
               sentences<DnsProviderError>(6) + sentences<DnsSwitchError>(9) +
               sentences<NotifyError>(8);
    }

private slots:
    void everyCodeHasItsSentence()
    {
        const QStringList texts = all();
        for (const QString& text : texts) {
            QVERIFY(!text.isEmpty());
            QVERIFY2(!text.startsWith(QStringLiteral("Unexpected error")), qPrintable(text));
        }
        // "Cancelled." is shared by SSH and DNS; every other sentence is its own.
        QSet<QString> distinct(texts.begin(), texts.end());
        QCOMPARE(distinct.size(), texts.size() - 1);
        QVERIFY(ErrorText::summary(Error(SshError::HostKeyChanged))
                    .contains(QStringLiteral("CHANGED")));
    }

    void lxdAndHttpCodesHaveTheirSentences()
    {
        const QStringList texts = sentences<LxdError>(9) + sentences<HttpError>(10);
        for (const QString& text : texts) {
            QVERIFY(!text.isEmpty());
            QVERIFY2(!text.startsWith(QStringLiteral("Unexpected error")), qPrintable(text));
        }
        // Each LXD code its own sentence; every HTTP code one shared sentence.
        const QStringList lxd = texts.mid(0, 9);
        QCOMPARE(QSet<QString>(lxd.begin(), lxd.end()).size(), 9);
        QCOMPARE(QSet<QString>(texts.begin() + 9, texts.end()).size(), 1);
    }

    // A refused host key or LXD certificate is not asked about again in
    // the session: the sentence says how to be asked again.
    void refusedKeysSayHowToBeAskedAgain()
    {
        const QString hint = ErrorText::askAgainHint();
        QVERIFY(hint.contains(QLatin1String("Check Now")));
        for (const Error& error :
             {Error(SshError::HostKeyRejected), Error(LxdError::CertificateUnknown),
              Error(LxdError::HostKeyNotTrusted)}) {
            const QString text = ErrorText::summary(error);
            QVERIFY2(text.endsWith(hint), qPrintable(text));
            QVERIFY2(!text.startsWith(QLatin1String("Unexpected error")), qPrintable(text));
        }
        // Over SSH to LXD: the key, not an LXD that cannot be reached.
        const QString tunnel = ErrorText::summary(Error(LxdError::HostKeyNotTrusted));
        QVERIFY2(tunnel.contains(QLatin1String("SSH key")), qPrintable(tunnel));
        QVERIFY(tunnel != ErrorText::summary(Error(LxdError::Unreachable)));
        QVERIFY(tunnel != ErrorText::summary(Error(SshError::HostKeyRejected)));
        // A changed key is never just "refused": no hint there.
        QVERIFY(!ErrorText::summary(Error(SshError::HostKeyChanged)).contains(hint));
    }

    void dnsApiCodesHaveTheirSentences()
    {
        const QStringList texts = sentences<DnsApiError>(16);
        for (const QString& text : texts) {
            QVERIFY(!text.isEmpty());
            QVERIFY2(!text.startsWith(QStringLiteral("Unexpected error")), qPrintable(text));
        }
        QCOMPARE(QSet<QString>(texts.begin(), texts.end()).size(), 16);
        const QStringList others = all().mid(0, all().size() - 16 - 8 - 6 - 9 - 8);
        for (const QString& text : texts)
            QVERIFY2(!others.contains(text), qPrintable(text));
    }

    void frenchIsComplete()
    {
        const QStringList english = all();
        QVERIFY(Language::install(*QCoreApplication::instance(), QStringLiteral("fr")));
        const QStringList french = all();
        QCOMPARE(french.size(), english.size());
        for (int i = 0; i < french.size(); ++i)
            QVERIFY2(french[i] != english[i], qPrintable(english[i]));
    }
};

QTEST_GUILESS_MAIN(TestErrorText)
#include "tst_errortext.moc"
