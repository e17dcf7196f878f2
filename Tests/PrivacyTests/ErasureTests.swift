import AgencyHistory
import Casework
import EventStore
import Events
import Foundation
import HarbourTestSupport
@_spi(Testing) import Privacy
import Projections
import Testing

/// End to end over a sealed generated history: erase one named client and check that nothing
/// of theirs can be read from any file of the data folder or a backup made afterwards, that the
/// log still verifies, and that the funder report is unchanged.
@Suite struct ErasureTests {
    static let administrator = ActingUser(userId: UserID("u-admin"), role: .administrator)
    static let accountant = ActingUser(userId: UserID("u-accounts"), role: .accountant)

    /// A named client with a contracted service, what is personal about them, and their streams.
    struct Subject {
        var clientId: ClientID
        var personal: PersonalDetails
        var contract: ContractID
        var serviceMonth: CalendarDate
        var referralStreams: [String] = []
        var notes: [String] = []

        var plaintexts: [String] {
            // Each field on its own, as a payload would hold it; strings shorter than 6 characters
            // could turn up by chance in base64 ciphertext, so they are left out.
            ([personal.givenNames, personal.familyName, personal.contact.phone, personal.contact.email, personal.contact.address, personal.uci]
                .compactMap { $0 } + personal.householdMembers.flatMap { [$0.givenNames, $0.familyName] } + notes)
                .filter { $0.count >= 6 }
        }
    }

    @Test func erasureLeavesNothingPersonalAnywhereAndReportsUnchanged() async throws {
        let data = try TemporaryDirectory()
        defer { data.remove() }
        let ring = try KeyRing.open(dataDirectory: data.path, master: MasterKey.generate())
        let store = try EventStore.open(directory: data.path)
        for batch in AgencyHistory(seed: 11, count: 4_000, sealer: ring).batches() {
            for outcome in try await store.append(batch) { _ = try outcome.get() }
        }
        let subject = try #require(try Self.findSubject(in: store, opener: ring))
        let owner = StreamID.client(subject.clientId)
        let keyIds = [owner] + subject.referralStreams
        let material = try keyIds.compactMap { try ring.keyMaterial($0) }
        #expect(material.count == keyIds.count)
        #expect(try FolderScan(data.path).occurrences(ofStrings: subject.plaintexts).isEmpty, "sealed from the start")

        let host = try ProjectionHost.open(store: store)
        _ = try await host.catchUp()
        let period = try ReportPeriod.month(year: subject.serviceMonth.year, month: subject.serviceMonth.month)
        let before = try await host.models.funderReport(contract: subject.contract.rawValue, period: period)

        let service = CaseworkService(log: store, timeZone: TimeZone(identifier: "America/Vancouver")!, keys: ring)
        try await Self.holdBlocksErasureUntilReleased(service, clientId: subject.clientId)
        let state = try Self.clientState(subject.clientId, store: store, opener: ring)
        #expect(state.isErased)
        #expect(state.personal == nil)
        #expect(state.erasure?.ground == .privacyRequest)

        _ = try await host.catchUp()
        let after = try await host.models.funderReport(contract: subject.contract.rawValue, period: period)
        #expect(after == before)
        try await host.rebuild()
        let rebuilt = try await host.models.funderReport(contract: subject.contract.rawValue, period: period)
        #expect(rebuilt == before)
        await host.close()

        #expect(try store.verify().firstProblem == nil)
        _ = try await store.backup(to: data.child("backup-after-erasure"))
        await store.close()
        let scan = try FolderScan(data.path)
        #expect(scan.files.contains { $0.path.hasSuffix("backup-after-erasure/data.mdb") })
        #expect(scan.occurrences(ofStrings: subject.plaintexts).isEmpty)
        let keyBytes = material.flatMap { [$0.wrapped, $0.raw] }
        #expect(scan.occurrences(of: keyBytes).isEmpty, "a destroyed key survives on disk")
    }

    static func holdBlocksErasureUntilReleased(_ service: CaseworkService, clientId: ClientID) async throws {
        let hold = PlaceLegalHold(actor: accountant, clientId: clientId, holdId: "ircc-retention", reason: "IRCC contract retention")
        try await service.execute(hold)
        let erase = EraseClient(actor: administrator, clientId: clientId, ground: .privacyRequest, reference: "PR-2026-001")
        await #expect {
            try await service.erase(erase)
        } throws: { error in
            let refusal = error as? DomainError
            return refusal?.kind == .conflict && refusal?.field == "clientId"
                && refusal?.problem.hasPrefix("is under legal hold ircc-retention (IRCC contract retention") == true
        }
        await #expect(throws: DomainError.self) {
            try await service.execute(ReleaseLegalHold(actor: accountant, clientId: clientId, holdId: "ircc-retention"))
        }
        try await service.execute(ReleaseLegalHold(actor: administrator, clientId: clientId, holdId: "ircc-retention"))
        try await service.erase(erase)
    }

    static func clientState(_ clientId: ClientID, store: EventStore, opener: any PersonalDataOpener) throws -> ClientState {
        let registry = EventRegistry.standard.opening(with: opener)
        let stream = StreamID.client(clientId)
        return try ClientState.load(from: StreamHistory(streamId: stream, records: store.readStream(stream), registry: registry), registry: registry)
    }

    /// The first named client with a service under a contract, with their referral streams and notes.
    static func findSubject(in store: EventStore, opener: any PersonalDataOpener) throws -> Subject? {
        let registry = EventRegistry.standard.opening(with: opener)
        var named: [ClientID: PersonalDetails] = [:]
        var subject: Subject?
        try store.scan { record in
            let event = try record.decoded(registry: registry)
            switch event {
            case let e as ClientRegistered: named[e.clientId] = e.personal?.value
            case let e as ServiceDelivered where subject == nil:
                if let contract = e.contractId, let personal = named[e.clientId] {
                    subject = Subject(clientId: e.clientId, personal: personal, contract: contract, serviceMonth: e.deliveredOn)
                }
            default: break
            }
            return true
        }
        guard var found = subject else { return nil }
        try store.scan { record in
            let event = try record.decoded(registry: registry)
            if let made = event as? ReferralMade, made.clientId == found.clientId { found.referralStreams.append(made.streamId) }
            if record.streamId == StreamID.client(found.clientId) {
                if let note = (event as? ServiceDelivered)?.note?.clearText { found.notes.append(note) }
                if let purpose = (event as? FollowUpScheduled)?.purpose.clearText { found.notes.append(purpose) }
            }
            return true
        }
        return found
    }
}
