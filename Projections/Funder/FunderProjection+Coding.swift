import Events

extension FunderProjection {
    /// Writes a fact: a tag byte, then its fields.
    public static func encode(_ fact: Fact, to writer: inout ByteWriter) {
        switch fact {
        case .client(let client):
            writer.write(0)
            encode(client, to: &writer)
        case .dateOfBirth(let date):
            writer.write(1)
            writer.write(date: date)
        case .service(let service):
            writer.write(2)
            encode(service, to: &writer)
        case .referral(let referral):
            writer.write(3)
            writer.write(string: referral.referralId)
            writer.write(string: referral.clientId)
            writer.write(date: referral.madeOn)
            writer.write(optionalString: referral.partnerId)
            writer.write(code: referral.needDomain)
        case .outcome(let stage):
            writer.write(4)
            writer.write(string: stage.rawValue)
        case .partner(let funding, let francophone, let name):
            writer.write(5)
            writer.write(code: funding)
            writer.write(bool: francophone)
            writer.write(string: name)
        case .contract(let funder, let program, let agreementNumber, let startsOn, let endsOn):
            writer.write(6)
            writer.write(string: funder)
            writer.write(string: program)
            writer.write(string: agreementNumber)
            writer.write(date: startsOn)
            writer.write(date: endsOn)
        case .served(let served):
            writer.write(7)
            writer.write(optionalString: served.contract)
            writer.write(date: served.deliveredOn)
            writer.write(code: served.component)
            writer.write(int: served.minutes)
            writer.write(code: served.mode)
        case .funderSharing(let granted):
            writer.write(8)
            writer.write(bool: granted)
        case .dayTotals(let totals):
            writer.write(9)
            writer.write(list: totals.sorted { $0.key < $1.key }) { writer, figure in
                writer.write(string: figure.key)
                writer.write(int: figure.value)
            }
        case .clientMonth(let month):
            writer.write(10)
            writer.write(varint: UInt64(month.daysServed))
            writer.write(date: month.firstInFiscalYear)
            writer.write(bool: month.client != nil)
            if let client = month.client { encode(client, to: &writer) }
        }
    }

    private static func encode(_ client: ClientFacts, to writer: inout ByteWriter) {
        writer.write(bool: client.anonymous)
        writer.write(optionalDate: client.dateOfBirth)
        writer.write(code: client.ageBand)
        writer.write(code: client.gender)
        writer.write(code: client.immigrationCategory)
        writer.write(code: client.preferredOfficialLanguage)
        writer.write(bool: client.francophone)
        writer.write(bool: client.sharedWithFunder)
    }

    private static func decodeClient(from reader: inout ByteReader) throws(ByteReaderError) -> ClientFacts {
        ClientFacts(
            anonymous: try reader.bool(), dateOfBirth: try reader.optionalDate(), ageBand: try reader.code(AgeBand.self),
            gender: try reader.code(Gender.self), immigrationCategory: try reader.code(ImmigrationCategory.self),
            preferredOfficialLanguage: try reader.code(OfficialLanguage.self), francophone: try reader.bool(),
            sharedWithFunder: try reader.bool())
    }

    private static func encode(_ service: ServiceFacts, to writer: inout ByteWriter) {
        writer.write(string: service.clientId)
        writer.write(string: service.serviceId)
        writer.write(code: service.component)
        writer.write(date: service.deliveredOn)
        writer.write(int: service.minutes)
        writer.write(code: service.mode)
        writer.write(string: service.workerId)
        writer.write(code: service.outcome)
    }

    /// Reads a fact written by ``encode(_:to:)``.
    public static func decode(from reader: inout ByteReader) throws(ByteReaderError) -> Fact {
        switch try reader.byte("funder fact tag") {
        case 0: return .client(try decodeClient(from: &reader))
        case 1: return .dateOfBirth(try reader.date())
        case 2:
            return .service(
                ServiceFacts(
                    clientId: try reader.string(), serviceId: try reader.string(), component: try reader.code(ServiceComponent.self),
                    deliveredOn: try reader.date(), minutes: try reader.int(), mode: try reader.code(ContactMode.self),
                    workerId: try reader.string(), outcome: try reader.code(ServiceOutcome.self)))
        case 3:
            return .referral(
                ReferralFacts(
                    referralId: try reader.string(), clientId: try reader.string(), madeOn: try reader.date(),
                    partnerId: try reader.optionalString(), needDomain: try reader.code(NeedDomain.self)))
        case 4:
            let raw = try reader.string("referral stage")
            guard let stage = ReferralStage(rawValue: raw) else { throw reader.invalid("referral stage \"\(raw)\"") }
            return .outcome(stage)
        case 5:
            return .partner(funding: try reader.code(PartnerFunding.self), francophone: try reader.bool(), name: try reader.string())
        case 6:
            return .contract(
                funder: try reader.string(), program: try reader.string(), agreementNumber: try reader.string(),
                startsOn: try reader.date(), endsOn: try reader.date())
        case 7:
            return .served(
                ServedFacts(
                    contract: try reader.optionalString(), deliveredOn: try reader.date(), component: try reader.code(ServiceComponent.self),
                    minutes: try reader.int(), mode: try reader.code(ContactMode.self)))
        case 8: return .funderSharing(try reader.bool())
        case 9: return .dayTotals(try decodeTotals(from: &reader))
        case 10:
            let days = try reader.varint("days served")
            guard days <= UInt64(UInt32.max) else { throw reader.invalid("days served \(days)") }
            let first = try reader.date("first service in the fiscal year")
            let client = try reader.bool("registered") ? try decodeClient(from: &reader) : nil
            return .clientMonth(ClientMonth(daysServed: UInt32(days), firstInFiscalYear: first, client: client))
        case let tag: throw reader.invalid("funder fact tag \(tag)")
        }
    }

    private static func decodeTotals(from reader: inout ByteReader) throws(ByteReaderError) -> [String: Int] {
        var totals: [String: Int] = [:]
        for (name, value) in try reader.list("day totals", { (reader: inout ByteReader) throws(ByteReaderError) in (try reader.string("figure"), try reader.int("figure value")) }) {
            totals[name] = value
        }
        return totals
    }
}
