import Events

extension AccessPurpose {
    /// Why someone in `roles` opens a file when they do not say: a worker for casework, a
    /// supervisor to supervise, an accountant for reporting, an administrator to audit (the
    /// first that applies, so a worker who also supervises is doing casework).
    static func usual(for roles: Set<Role>) -> AccessPurpose {
        if roles.contains(.worker) { return .casework }
        if roles.contains(.supervisor) { return .supervision }
        if roles.contains(.accountant) { return .reporting }
        if roles.contains(.administrator) { return .audit }
        return .casework
    }
}
