import EventStore
public import Events
import Foundation

/// Directory answers folded straight from the log's categories: correct at any size, slow at
/// large ones, and the reference a faster projection-backed directory is tested against.
public struct LogDirectory: ClientDirectory, MemberDirectory, UserDirectory {
    let log: any EventLog
    let registry: EventRegistry

    /// A directory over `log`.
    public init(log: any EventLog, registry: EventRegistry = .standard) {
        self.log = log
        self.registry = registry
    }

    public func clients(withUCI uci: String) async throws -> [ClientID] {
        try allStates(ClientState.self, category: StreamID.clientCategory).compactMap { client in
            client.personal?.uci == uci ? client.clientId : nil
        }
    }

    public func clients(givenNames: String, familyName: String, bornOn: CalendarDate) async throws -> [ClientID] {
        let key = NameKey.of(givenNames: givenNames, familyName: familyName)
        return try allStates(ClientState.self, category: StreamID.clientCategory).compactMap { client in
            guard let personal = client.personal, personal.dateOfBirth == bornOn,
                NameKey.of(givenNames: personal.givenNames, familyName: personal.familyName) == key
            else { return nil }
            return client.clientId
        }
    }

    public func allMembers() async throws -> [MemberState] {
        try allStates(MemberState.self, category: StreamID.memberCategory).filter { $0.memberId != nil }
    }

    public func user(withUsername username: String) async throws -> UserID? {
        try allStates(UserState.self, category: StreamID.userCategory).first { $0.username == username }?.userId
    }

    /// The state of every stream of `category`, folded after corrections, by stream id.
    public func allStates<S: AggregateState>(_ type: S.Type, category: String) throws -> [S] {
        let byStream = Dictionary(grouping: try log.events(inCategory: category), by: \.streamId)
        return try byStream.keys.sorted().map { stream in
            try S.load(from: StreamHistory(streamId: stream, records: byStream[stream]!, registry: registry), registry: registry)
        }
    }
}

/// What a command's ``Command/gatherFacts(from:)`` may read: other streams and the directories.
public struct FactReader: Sendable {
    let log: any EventLog
    /// Decodes payloads.
    public let registry: EventRegistry
    /// Duplicate-check lookups.
    public let clients: any ClientDirectory
    /// Every member, for voter rolls.
    public let members: any MemberDirectory
    /// Usernames.
    public let users: any UserDirectory
    /// Clients found registered (see ``isRegistered(_:)``).
    let registeredClients = RegisteredClients()

    /// A reader over `log` with the given directories.
    public init(
        log: any EventLog, registry: EventRegistry = .standard, clients: any ClientDirectory,
        members: any MemberDirectory, users: any UserDirectory
    ) {
        self.log = log
        self.registry = registry
        self.clients = clients
        self.members = members
        self.users = users
    }

    /// The decoded history of `stream`.
    public func history(of stream: String) throws -> StreamHistory {
        try StreamHistory(streamId: stream, records: log.events(inStream: stream), registry: registry)
    }

    /// The history of `stream` that `S` needs: all of it, or only its version (also for
    /// ``HistoryNeeded/nothing``: the casework service skips this read when nothing pins a version).
    public func history<S: StreamState>(of stream: String, for type: S.Type) throws -> StreamHistory {
        switch S.historyNeeded {
        case .wholeStream: try history(of: stream)
        case .versionOnly, .nothing: StreamHistory(streamId: stream, version: try log.version(ofStream: stream))
        }
    }

    /// The state of `stream` (the empty state when it does not exist).
    public func state<S: StreamState>(_ type: S.Type, of stream: String) throws -> S {
        try S.load(from: history(of: stream, for: S.self), registry: registry)
    }

    /// True when `clientId` is registered, read from their stream's first event alone: a client
    /// stream always starts with the registration, and a stream's first event cannot be voided.
    /// So once registered, always registered: a client found so is remembered, and their next
    /// file view reads nothing.
    public func isRegistered(_ clientId: ClientID) throws -> Bool {
        if registeredClients.contains(clientId) { return true }
        guard try log.firstEvent(inStream: StreamID.client(clientId))?.eventType == ClientRegistered.eventType else { return false }
        registeredClients.insert(clientId)
        return true
    }
}
