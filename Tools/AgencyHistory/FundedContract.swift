import Events

/// The funder contracts services are charged to: IRCC's settlement program for eligible
/// clients (permanent residents and refugees) in each fiscal year, and a provincial program
/// that also serves temporary residents and citizens.
struct FundedContract {
    let id: ContractID
    let funder: String
    let program: String
    let startsOn: CalendarDate
    let endsOn: CalendarDate
    let components: [ServiceComponent]
    /// Who the contract may serve.
    let eligible: Set<ImmigrationCategory>

    static let irccComponents: [ServiceComponent] = [
        .informationAndOrientation, .needsAssessmentAndReferral, .languageAssessment, .languageTraining,
        .employmentRelated, .communityConnections, .supportInterpretationTranslation, .supportChildcare,
    ]
    static let irccEligible: Set<ImmigrationCategory> = [
        .permanentResident, .refugeeGovernmentAssisted, .refugeePrivatelySponsored, .refugeeBlended,
    ]

    static let standard: [FundedContract] = [
        FundedContract(
            id: ContractID("ircc-sap-2024"), funder: "IRCC", program: "Settlement Program", startsOn: .init(year: 2024, month: 4, day: 1)!,
            endsOn: .init(year: 2025, month: 3, day: 31)!, components: irccComponents, eligible: irccEligible),
        FundedContract(
            id: ContractID("ircc-sap-2025"), funder: "IRCC", program: "Settlement Program", startsOn: .init(year: 2025, month: 4, day: 1)!,
            endsOn: .init(year: 2026, month: 3, day: 31)!, components: irccComponents, eligible: irccEligible),
        FundedContract(
            id: ContractID("bc-bcns-2024"), funder: "Province of British Columbia", program: "BC Newcomer Services",
            startsOn: .init(year: 2024, month: 4, day: 1)!, endsOn: .init(year: 2026, month: 3, day: 31)!,
            components: [.informationAndOrientation, .needsAssessmentAndReferral, .communityConnections, .employmentRelated],
            eligible: [.temporaryResident, .citizen, .other]),
    ]

    var signedEvent: FunderContractSigned {
        FunderContractSigned(
            contractId: id, funder: funder, program: program, agreementNumber: "\(id.rawValue.uppercased())-A",
            startsOn: startsOn, endsOn: endsOn, fundedComponents: components,
            targets: [
                ContractTarget(metric: .uniqueClients, component: nil, value: 1_200),
                ContractTarget(metric: .services, component: .informationAndOrientation, value: 1_000),
            ])
    }

    /// The contract to charge a service to, if any covers it.
    static func charging(_ component: ServiceComponent, on day: CalendarDate, for category: ImmigrationCategory) -> ContractID? {
        standard.first { contract in
            contract.eligible.contains(category) && contract.components.contains(component)
                && contract.startsOn <= day && day <= contract.endsOn
        }?.id
    }
}
