#include "VaultEntryModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace relais;

namespace {

VaultEntry entry(const QString& id, VaultEntry::Kind kind, const char* secret)
{
    VaultEntry e;
    e.id = id;
    e.kind = kind;
    e.label = QStringLiteral("Label of %1").arg(id);
    e.created = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    e.updated = QDateTime(QDate(2026, 4, 2), QTime(11, 30), Qt::UTC);
    e.secret = SecretBytes(QByteArrayView(secret));
    return e;
}

} // namespace

class TestVaultEntryModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTester()
    {
        VaultEntryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(VaultEntryModel::ColumnCount));
        model.setEntries({entry(QStringLiteral("a"), VaultEntry::Kind::Password, "s1"),
                          entry(QStringLiteral("b"), VaultEntry::Kind::SshPrivateKey, "s2")});
        QCOMPARE(model.rowCount(), 2);
        model.setEntries({entry(QStringLiteral("c"), VaultEntry::Kind::ApiToken, "s3")});
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void showsEveryColumnInWords()
    {
        VaultEntryModel model;
        model.setEntries({entry(QStringLiteral("main-key"), VaultEntry::Kind::SshPrivateKey, "x"),
                          entry(QStringLiteral("tsig"), VaultEntry::Kind::TsigKey, "y")});
        const auto text = [&model](int row, int column) {
            return model.data(model.index(row, column)).toString();
        };
        QCOMPARE(text(0, VaultEntryModel::LabelColumn), QStringLiteral("Label of main-key"));
        QCOMPARE(text(0, VaultEntryModel::IdColumn), QStringLiteral("main-key"));
        QCOMPARE(text(0, VaultEntryModel::KindColumn), QStringLiteral("SSH private key"));
        QCOMPARE(text(1, VaultEntryModel::KindColumn), QStringLiteral("TSIG key"));
        const QDateTime created(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        QCOMPARE(text(0, VaultEntryModel::CreatedColumn),
                 QLocale().toString(created.toLocalTime(), QLocale::ShortFormat));
        QVERIFY(text(0, VaultEntryModel::UpdatedColumn) != text(0, VaultEntryModel::CreatedColumn));
        QCOMPARE(model.data(model.index(1, VaultEntryModel::LabelColumn), VaultEntryModel::IdRole)
                     .toString(),
                 QStringLiteral("tsig"));
        QCOMPARE(model.data(model.index(1, 0), VaultEntryModel::KindRole).toInt(),
                 int(VaultEntry::Kind::TsigKey));
        QCOMPARE(model.idAt(1), QStringLiteral("tsig"));
        QCOMPARE(model.idAt(2), QString());
        QCOMPARE(model.rowOf(QStringLiteral("tsig")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("none")), -1);
        QCOMPARE(model.headerData(VaultEntryModel::KindColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Kind"));
        for (const VaultEntry::Kind kind :
             {VaultEntry::Kind::SshPrivateKey, VaultEntry::Kind::Password,
              VaultEntry::Kind::ApiToken, VaultEntry::Kind::TsigKey,
              VaultEntry::Kind::TlsClientCertificate}) {
            QVERIFY(!VaultEntryModel::kindText(kind).isEmpty());
        }
    }

    void neverGivesASecret()
    {
        VaultEntryModel model;
        model.setEntries(
            {entry(QStringLiteral("k"), VaultEntry::Kind::Password, "very-secret-value")});
        for (int column = 0; column < model.columnCount(); ++column) {
            for (int role = 0; role <= VaultEntryModel::KindRole; ++role) {
                const QVariant value = model.data(model.index(0, column), role);
                QVERIFY(!value.toString().contains(QStringLiteral("very-secret")));
            }
        }
    }
};

QTEST_MAIN(TestVaultEntryModel)
#include "tst_vaultentrymodel.moc"
