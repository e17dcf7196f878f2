import EventStore
import Events
import Projections

/// What an administrator's home says at a glance: whether the log was last found intact,
/// whether every read model is up to date with it, and who in the society needs attention
/// (applications waiting, members lapsing within the register's window). Each line links to the
/// page that acts on it. Reads the verifier's last result and the read models only: nothing
/// here walks the log.
struct AdminDashboard {
    let services: AppServices

    func values(_ context: AppRequestContext) async throws -> [String: Any] {
        let check = await services.verification.status
        let behind = await services.projections.status().filter { $0.lag > 0 || $0.rebuildingInShadow }
        let register = try await services.models(for: context).membershipRegister(asOf: services.today)
        return [
            "check": AdminPages.values(check, timeZone: services.configuration.timeZone, headPosition: services.store.headPosition),
            "modelsCaughtUp": behind.isEmpty,
            "modelsBehind": behind.map { ["name": $0.name, "lag": $0.lag, "rebuilding": $0.rebuildingInShadow] as [String: Any] },
            "membersInGoodStanding": register.members.filter { $0.standing == .goodStanding }.count,
            "membersPending": register.members.filter { $0.standing == .pending }.count,
            "membersLapsing": register.members.filter(\.lapsingSoon).count, "lapsingWithinDays": register.lapsingWithinDays,
        ]
    }
}
