import Events

/// The agency's user accounts: who records what.
struct Staff {
    struct Account {
        let id: UserID
        let username: String
        let displayName: String
        let roles: [Role]
    }

    static let administrator = UserID("u-admin")
    static let accountant = UserID("u-accounts")
    static let supervisor = UserID("u-supervisor")
    static let electionOfficer = UserID("u-returning-officer")

    /// Workers by the languages they serve in (clients are matched where possible).
    let workers: [(id: UserID, languages: Set<String>)] = [
        (UserID("u-worker-01"), ["ar", "en"]), (UserID("u-worker-02"), ["fa", "en"]),
        (UserID("u-worker-03"), ["uk", "en"]), (UserID("u-worker-04"), ["pa", "en"]),
        (UserID("u-worker-05"), ["tl", "en"]), (UserID("u-worker-06"), ["zh", "en"]),
        (UserID("u-worker-07"), ["ti", "en"]), (UserID("u-worker-08"), ["fr", "en"]),
        (UserID("u-worker-09"), ["es", "en"]), (UserID("u-worker-10"), ["en"]),
    ]

    var accounts: [Account] {
        [
            Account(id: Self.administrator, username: "admin", displayName: "Systems Administrator", roles: [.administrator]),
            Account(id: Self.accountant, username: "accounts", displayName: "Finance Officer", roles: [.accountant]),
            Account(id: Self.supervisor, username: "supervisor", displayName: "Program Supervisor", roles: [.supervisor, .worker]),
            Account(id: Self.electionOfficer, username: "returning-officer", displayName: "Returning Officer", roles: [.electionOfficer]),
        ]
            + workers.enumerated().map { index, worker in
                Account(id: worker.id, username: "worker\(index + 1)", displayName: "Settlement Worker \(index + 1)", roles: [.worker])
            }
    }

    /// A worker who speaks `language`, else any worker.
    func worker(speaking language: String, using random: inout SeededRandom) -> UserID {
        let speakers = workers.filter { $0.languages.contains(language) }
        return random.pick(speakers.isEmpty ? workers : speakers).id
    }
}

/// A partner agency as the simulation refers clients to it.
struct Partner {
    let id: PartnerID
    let domains: [NeedDomain]
    let francophone: Bool
}
