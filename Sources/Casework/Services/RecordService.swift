public import Events

/// Records a service delivered to a client.
public struct RecordService: Command {
    public static let name = CommandName.recordService

    /// Who issues the command.
    public let actor: ActingUser
    /// The client.
    public let clientId: ClientID
    /// A new service id.
    public let serviceId: ServiceID
    /// The IRCC component.
    public let component: ServiceComponent
    /// The day: not before intake, not in the future.
    public let deliveredOn: CalendarDate
    /// Time spent, 1 to 1440.
    public let minutes: Int
    /// How it was delivered.
    public let mode: ContactMode
    /// ISO 639 code of the language of service.
    public let language: String
    /// True when an interpreter took part.
    public let interpreterUsed: Bool
    /// The worker who delivered it.
    public let workerId: UserID
    /// The funder contract; it must fund the component and cover the day.
    public let contractId: ContractID?
    /// What came of it.
    public let outcome: ServiceOutcome
    /// The worker's note.
    public let note: FreeText?

    /// A RecordService command.
    public init(
        actor: ActingUser,
        clientId: ClientID,
        serviceId: ServiceID,
        component: ServiceComponent,
        deliveredOn: CalendarDate,
        minutes: Int,
        mode: ContactMode,
        language: String,
        interpreterUsed: Bool,
        workerId: UserID,
        contractId: ContractID? = nil,
        outcome: ServiceOutcome,
        note: FreeText? = nil
    ) {
        self.actor = actor
        self.clientId = clientId
        self.serviceId = serviceId
        self.component = component
        self.deliveredOn = deliveredOn
        self.minutes = minutes
        self.mode = mode
        self.language = language
        self.interpreterUsed = interpreterUsed
        self.workerId = workerId
        self.contractId = contractId
        self.outcome = outcome
        self.note = note
    }

    public var streamId: String { StreamID.client(clientId) }
}


