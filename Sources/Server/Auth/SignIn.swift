import Foundation
import HTTPTypes

/// Checks a username and password against the log, with back-off after failures.
struct SignIn {
    let services: AppServices

    /// A new session for the account, or problem details: 429 while throttled (with the wait),
    /// 401 for a wrong username or password (never saying which).
    func attempt(username: String, password: String, address: String) async throws -> (Session, Account) {
        let throttle = services.throttle
        let waitSeconds = throttle.waitSeconds(username: username, address: address)
        guard waitSeconds == 0 else {
            throw ProblemDetails(
                .tooManyRequests, detail: "Too many failed sign-ins. Wait \(waitSeconds) seconds and try again.",
                errors: [FieldProblem(field: "username", problem: "is locked for \(waitSeconds) more seconds after repeated failures")],
                retryAfterSeconds: waitSeconds)
        }
        if let account = try await services.accounts.account(username: username), !account.isDisabled,
            let hash = account.passwordHash, await services.hasher.verify(password, hash: hash)
        {
            throttle.recordSuccess(username: username)
            return (services.sessions.start(userId: account.userId), account)
        }
        throttle.recordFailure(username: username, address: address)
        throw ProblemDetails(
            .unauthorized, detail: "The username or password is wrong.",
            errors: [FieldProblem(field: "password", problem: "does not match the username")])
    }
}
