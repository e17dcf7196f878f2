import Events

/// Field checks shared by every command; each throws a ``DomainError`` naming the field.
enum Rules {
    /// Longest identifier: it becomes part of a stream id, which the store limits.
    static let identifierBytesMax = 64
    /// Longest name or title.
    static let nameCharactersMax = 200
    /// Longest free-text note or reason.
    static let textCharactersMax = 4_000

    static func identifier(_ id: some EntityIdentifier, field: String) throws(DomainError) {
        let raw = id.rawValue
        guard !raw.isEmpty else { throw .validation(field, "is empty") }
        guard raw.utf8.count <= identifierBytesMax else {
            throw .validation(field, "is \(raw.utf8.count) bytes, over the limit of \(identifierBytesMax)")
        }
        let allowed = raw.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || "-_.".unicodeScalars.contains($0)
        }
        guard allowed else { throw .validation(field, "may hold only ASCII letters, digits, '-', '_' and '.' (got '\(raw)')") }
    }

    static func name(_ text: String, field: String) throws(DomainError) {
        guard !text.trimmingWhitespace.isEmpty else { throw .validation(field, "is empty") }
        guard text.count <= nameCharactersMax else {
            throw .validation(field, "is \(text.count) characters, over the limit of \(nameCharactersMax)")
        }
    }

    static func text(_ text: String, field: String) throws(DomainError) {
        guard !text.trimmingWhitespace.isEmpty else { throw .validation(field, "is empty") }
        guard text.count <= textCharactersMax else {
            throw .validation(field, "is \(text.count) characters, over the limit of \(textCharactersMax)")
        }
    }

    static func notInFuture(_ date: CalendarDate, field: String, today: CalendarDate) throws(DomainError) {
        guard date <= today else { throw .validation(field, "is in the future (\(date))") }
    }

    static func notBefore(_ date: CalendarDate, _ earliest: CalendarDate, field: String, what: String)
        throws(DomainError)
    {
        guard date >= earliest else { throw .validation(field, "is before \(what) (\(date) < \(earliest))") }
    }

    static func noDuplicates<T: Hashable>(_ values: [T], field: String) throws(DomainError) {
        var seen = Set<T>()
        for value in values where !seen.insert(value).inserted {
            throw .validation(field, "lists \(value) more than once")
        }
    }

    /// ISO 639 language code: two or three lowercase ASCII letters.
    static func languageCode(_ code: String, field: String) throws(DomainError) {
        guard (2...3).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            throw .validation(field, "is '\(code)', not an ISO 639 language code such as 'ar' or 'fr'")
        }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
