import Casework
import Events

/// Who did something, as a page shows it: the account's full name ("Amina Haddad", not
/// "u-amina"). The user id stays in the audit trail's own line, the API and every export. An
/// actor that names no account (the first administrator's `setup`, an import) is shown as
/// recorded. One per page: each actor is looked up once however many entries are theirs.
final class ActorNames {
    private let accounts: AccountCache
    private var shown: [String: String] = [:]

    init(_ accounts: AccountCache) {
        self.accounts = accounts
    }

    /// The name to show for `actor`.
    func name(_ actor: String) throws -> String {
        if let known = shown[actor] { return known }
        let name = try accounts.account(UserID(actor))?.displayName ?? actor
        shown[actor] = name
        return name
    }
}

/// Partner agencies by name, as a page shows them; an id that names no agency is shown as
/// recorded. One per page: the agencies (a few dozen) are read once, on the first name asked.
final class PartnerNames {
    private let directory: LogDirectory
    private var known: [String: String]?

    init(_ directory: LogDirectory) {
        self.directory = directory
    }

    /// The name to show for partner `partnerId`.
    func name(_ partnerId: String) throws -> String {
        if known == nil {
            let partners = try directory.allStates(PartnerState.self, category: StreamID.partnerCategory).compactMap(\.current)
            known = Dictionary(partners.map { ($0.partnerId.rawValue, $0.name) }, uniquingKeysWith: { _, last in last })
        }
        return known?[partnerId] ?? partnerId
    }
}
