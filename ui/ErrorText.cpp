#include "ErrorText.h"

#include "common/DatabaseError.h"
#include "common/FileError.h"
#include "site/SiteError.h"

namespace relais {

QString ErrorText::summary(const Error& error)
{
    if (auto code = error.code<SiteError>()) {
        switch (*code) {
        case SiteError::NotFound:
            return tr("The site file does not exist. Check the path or open another site.");
        case SiteError::ReadFailed:
            return tr("The site file cannot be read. Check that it is a file you may read.");
        case SiteError::NotJson:
            return tr("The site file is not valid JSON. Fix it in a text editor at the place "
                      "shown below.");
        case SiteError::Invalid:
            return tr("The site file has errors. Each one is listed below with where it is.");
        case SiteError::WriteFailed:
            return tr("The site could not be saved. The previous version is unchanged.");
        }
    }
    if (auto code = error.code<FileError>()) {
        switch (*code) {
        case FileError::NotFound:
            return tr("The file does not exist.");
        case FileError::ReadFailed:
            return tr("The file cannot be read.");
        case FileError::WriteFailed:
            return tr("The file could not be written. The previous version is unchanged.");
        case FileError::TooLarge:
            return tr("The file is too large to be a file Relais wrote.");
        }
    }
    if (auto code = error.code<DatabaseError>()) {
        switch (*code) {
        case DatabaseError::OpenFailed:
            return tr("The history database cannot be opened.");
        case DatabaseError::NewerSchema:
            return tr("The history database was written by a newer Relais. Use that version.");
        case DatabaseError::MigrationFailed:
            return tr("The history database could not be updated; it was left as it was.");
        case DatabaseError::QueryFailed:
            return tr("The history database refused a change.");
        }
    }
    return tr("Unexpected error (%1 %2).").arg(QLatin1String(error.domain())).arg(error.value());
}

} // namespace relais
