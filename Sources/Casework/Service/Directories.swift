public import Events
import Foundation

/// Finds clients by the keys of the duplicate check. The log-backed ``LogDirectory`` folds the
/// whole `client` category per question; the projections layer can supply an indexed one.
public protocol ClientDirectory: Sendable {
    /// Clients whose current UCI is `uci`.
    func clients(withUCI uci: String) async throws -> [ClientID]
    /// Clients with the same names (compared without case, accents or extra spaces) and date of birth.
    func clients(givenNames: String, familyName: String, bornOn: CalendarDate) async throws -> [ClientID]
}

/// Every member's state, to fix a voter roll from.
public protocol MemberDirectory: Sendable {
    /// The state of every member stream.
    func allMembers() async throws -> [MemberState]
}

/// Finds user accounts by sign-in name.
public protocol UserDirectory: Sendable {
    /// The user whose username is `username`, if any.
    func user(withUsername username: String) async throws -> UserID?
}

/// Names compared the way people mistype them: case, accents and runs of spaces ignored.
public enum NameKey {
    /// The comparison key of a person's names.
    public static func of(givenNames: String, familyName: String) -> String {
        [givenNames, familyName]
            .map { $0.lowercased().decomposedStrippingMarks.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .joined(separator: "|")
    }
}

extension String {
    /// Drops combining marks after Unicode decomposition (é -> e).
    fileprivate var decomposedStrippingMarks: String {
        String(String.UnicodeScalarView(decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }))
    }
}
