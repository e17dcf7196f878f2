import Events

/// The links each role sees in the page header, in the order they are used.
enum Navigation {
    struct Link: Hashable {
        let href: String
        let label: String
    }

    static let byRole: [(Role, [Link])] = [
        (.worker, [Link(href: "/", label: "My caseload"), Link(href: "/clients", label: "Find a client"), Link(href: "/clients/new", label: "New intake")]),
        (.supervisor, [Link(href: "/", label: "My caseload"), Link(href: "/clients", label: "Find a client"), Link(href: "/clients/new", label: "New intake"), Link(href: "/gaps", label: "Gaps"), Link(href: "/partners", label: "Partners")]),
        (.accountant, [Link(href: "/reports", label: "Funder reports"), Link(href: "/partners", label: "Contracts"), Link(href: "/membership", label: "Members")]),
        (.administrator, [
            Link(href: "/admin/audit", label: "Audit trail"), Link(href: "/admin/replay", label: "Replay"),
            Link(href: "/admin/verification", label: "Log check"), Link(href: "/admin/users", label: "Users"),
            Link(href: "/admin/privacy", label: "Privacy requests"),
            Link(href: "/membership", label: "Members"), Link(href: "/elections", label: "Elections"), Link(href: "/gaps", label: "Gaps"),
            Link(href: "/reports", label: "Funder reports"), Link(href: "/partners", label: "Partners"),
        ]),
        (.electionOfficer, [Link(href: "/elections", label: "Elections")]),
        (.member, [Link(href: "/elections", label: "Vote"), Link(href: "/receipts", label: "Check a receipt")]),
    ]

    /// The links for someone holding `roles`, each once.
    static func links(for roles: Set<Role>) -> [Link] {
        var seen = Set<String>()
        return byRole.filter { roles.contains($0.0) }.flatMap(\.1).filter { seen.insert($0.href).inserted }
    }
}
