/// Initializers taking personal fields as stored, sealed or in clear, for decoders that read
/// payloads without `Codable` (the projections' lean decoder) and must build the very value
/// `EventRegistry` decoding gives, sealed fields included.
extension FreeText {
    /// Text as stored: in clear, or sealed.
    public init(content: Sealed<String>) { self.content = content }
}

extension ClientRegistered {
    /// A ClientRegistered whose personal details are given as stored (sealed or in clear).
    public init(
        clientId: ClientID, registeredOn: CalendarDate, storedPersonal: Sealed<PersonalDetails>?, profile: ClientProfile,
        consents: IntakeConsents, duplicateOverride: DuplicateOverride?
    ) {
        self.clientId = clientId
        self.registeredOn = registeredOn
        self.personal = storedPersonal
        self.profile = profile
        self.consents = consents
        self.duplicateOverride = duplicateOverride
    }
}
