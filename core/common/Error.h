#pragma once

#include <QString>
#include <QStringList>
#include <concepts>
#include <optional>
#include <type_traits>

namespace relais {

/// An enum class is an error code of Relais when a free function
/// `const char* errorDomain(Enum)` is declared beside it, found by ADL:
///
///     enum class SiteError { NotFound, ... };
///     constexpr const char* errorDomain(SiteError) { return "site"; }
template <typename E>
concept ErrorCode = std::is_enum_v<E> && requires(E e)
{
    {
        errorDomain(e)
        } -> std::convertible_to<const char*>;
};

/// A failure: a typed code from one module's enum, a human message (English,
/// technical, safe to log: never a secret) and optional details (one per
/// line, for example each problem found in a document).
///
/// The UI turns the code into translated text and may show the message as
/// the technical detail.
class Error
{
public:
    template <ErrorCode E>
    Error(E code, QString message = {}, QStringList details = {})
        : m_domain(errorDomain(code))
        , m_value(static_cast<int>(code))
        , m_message(std::move(message))
        , m_details(std::move(details))
    {}

    /// The module the code belongs to ("site", "db", ...).
    const char* domain() const { return m_domain; }
    /// The numeric value of the code inside its domain.
    int value() const { return m_value; }

    template <ErrorCode E> bool is(E code) const
    {
        return qstrcmp(m_domain, errorDomain(code)) == 0 && m_value == static_cast<int>(code);
    }

    /// The typed code when this error belongs to E's domain.
    template <ErrorCode E> std::optional<E> code() const
    {
        if (qstrcmp(m_domain, errorDomain(E{})) != 0)
            return std::nullopt;
        return static_cast<E>(m_value);
    }

    const QString& message() const { return m_message; }
    const QStringList& details() const { return m_details; }

    /// Message and details on one text, for logs and the command line.
    QString toString() const
    {
        if (m_details.isEmpty())
            return m_message;
        return m_message + QLatin1Char('\n') + m_details.join(QLatin1Char('\n'));
    }

private:
    const char* m_domain;
    int m_value;
    QString m_message;
    QStringList m_details;
};

} // namespace relais
