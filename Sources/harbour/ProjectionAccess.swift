import EventStore
import ArgumentParser
import Projections

extension GlobalOptions {
    /// Runs `body` with the store and its projection host (read models caught up to the log
    /// when `catchUp`), closing both afterwards. Projection errors become one line, status 1.
    func withProjections<T>(catchUp: Bool, _ body: (EventStore, ProjectionHost) async throws -> T) async throws -> T {
        try await withStore { store in
            let host = try ProjectionHost.open(store: store)
            do {
                if catchUp {
                    let progress = ProgressReport("projections", total: nil, quiet: quiet)
                    while try await host.catchUp(maxEvents: 50_000) > 0 { progress.update(await host.models.position) }
                    progress.finish()
                }
                let result = try await body(store, host)
                await host.close()
                return result
            } catch let error as ProjectionError {
                await host.close()
                throw CommandFailure(.failure, error.description)
            } catch {
                await host.close()
                throw error
            }
        }
    }
}

/// The read models by name, as `--projection` and `rebuild` take them.
enum ProjectionNames {
    static let all = [
        CaseloadProjection.name, RecordsProjection.name, FunderProjection.name, MembershipProjection.name,
        ElectionsProjection.name, PartnershipProjection.name,
    ]

    static func check(_ names: [String], option: String) throws {
        for name in names where !all.contains(name) {
            throw ValidationError("\(option): '\(name)' is not a projection (one of \(all.joined(separator: ", ")))")
        }
    }

    /// Rows and facts per table of one projection's state, for `replay`.
    static func summary(of models: ReadModels, projection name: String) throws -> [(table: String, rows: Int, facts: Int)] {
        switch name {
        case CaseloadProjection.name: try models.caseload.tableCounts()
        case RecordsProjection.name: try models.records.tableCounts()
        case FunderProjection.name: try models.funder.tableCounts()
        case MembershipProjection.name: try models.membership.tableCounts()
        case ElectionsProjection.name: try models.elections.tableCounts()
        default: try models.partnership.tableCounts()
        }
    }
}
