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
    static func summary(of models: ReadModels, projection name: String) -> [(table: String, rows: Int, facts: Int)] {
        switch name {
        case CaseloadProjection.name: tables(models.caseload)
        case RecordsProjection.name: tables(models.records)
        case FunderProjection.name: tables(models.funder)
        case MembershipProjection.name: tables(models.membership)
        case ElectionsProjection.name: tables(models.elections)
        default: tables(models.partnership)
        }
    }

    private static func tables<P>(_ state: FactState<P>) -> [(table: String, rows: Int, facts: Int)] {
        var counts: [String: (rows: Int, facts: Int)] = [:]
        for (key, entries) in state.rows {
            counts[key.table, default: (0, 0)].rows += 1
            counts[key.table, default: (0, 0)].facts += entries.count
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value.rows, $0.value.facts) }
    }
}
