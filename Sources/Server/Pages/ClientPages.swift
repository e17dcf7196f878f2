import Casework
import Events
import Foundation
import EventStore
import Hummingbird

/// The worker's client pages: find, intake with the duplicate warning, and the file.
struct ClientPages {
    let services: AppServices

    static let form = "application/x-www-form-urlencoded"
    static let writeAnswers = [303: "Done; back to the file", 403: "Role or form token missing", 409: "Conflict", 422: "A field breaks a rule"]

    var endpoints: [Endpoint] {
        [
            Endpoint(RouteKey(.get, "/clients"), .init(.page, "Find a client by name, UCI or date of birth.", responses: [200: "Page"]), handler: search),
            Endpoint(RouteKey(.get, "/clients/new"), .init(.page, "The intake form.", responses: [200: "Page"]), handler: { _, context in intakeForm(context, values: [:]) }),
            Endpoint(
                RouteKey(.post, "/clients/new"), .init(.page, "Register a client from the intake form.", requestMediaType: Self.form, responses: Self.writeAnswers),
                handler: register),
            Endpoint(RouteKey(.get, "/clients/:clientId"), .init(.page, "The client's file as a timeline, with its forms.", responses: [200: "Page", 404: "Unknown client"]), handler: file),
            Endpoint(
                RouteKey(.post, "/clients/:clientId/services"), .init(.page, "Log a service from the file page.", requestMediaType: Self.form, responses: Self.writeAnswers),
                handler: { request, context in try await write(context) { form, actor, defaults in
                    let fields: [String: Any?] = [
                        "component": form["component"], "deliveredOn": form["deliveredOn"], "minutes": FormDecoding.number(form["minutes"]),
                        "mode": form["mode"], "language": form["language"], "outcome": form["outcome"], "note": form["note"],
                        "contractId": form["contractId"],
                    ]
                    let body = try FormDecoding.decode(ServiceBody.self, fields.compactMapValues { $0 })
                    return { write in try await write.run(body.command(actor: actor, clientId: try context.clientId(), defaults: defaults), context) }
                } }),
            Endpoint(
                RouteKey(.post, "/clients/:clientId/follow-ups"), .init(.page, "Schedule a follow-up from the file page.", requestMediaType: Self.form, responses: Self.writeAnswers),
                handler: { request, context in try await write(context) { form, actor, defaults in
                    let body = try FormDecoding.decode(FollowUpBody.self, ["dueOn": form["dueOn"], "purpose": form["purpose"]].compactMapValues { $0 })
                    return { write in try await write.run(body.command(actor: actor, clientId: try context.clientId(), defaults: defaults), context) }
                } }),
            Endpoint(
                RouteKey(.post, "/clients/:clientId/referrals"), .init(.page, "Make a referral from the file page.", requestMediaType: Self.form, responses: Self.writeAnswers),
                handler: { request, context in try await write(context) { form, actor, defaults in
                    let target: [String: Any] =
                        if let partner = form["partnerId"] { ["kind": ReferralTargetKind.partner.rawValue, "partnerId": partner] }
                        else { ["kind": ReferralTargetKind.internalProgram.rawValue, "programName": form["programName"] ?? ""] }
                    let fields: [String: Any?] = ["clientId": try context.clientId().rawValue, "target": target, "needDomain": form["needDomain"]]
                    let body = try FormDecoding.decode(ReferralBody.self, fields.compactMapValues { $0 })
                    return { write in try await write.run(body.command(actor: actor, defaults: defaults), context) }
                } }),
            Endpoint(
                RouteKey(.post, "/clients/:clientId/case"), .init(.page, "Open the client's case and take it on (it joins your caseload).", requestMediaType: Self.form, responses: Self.writeAnswers),
                handler: { request, context in try await write(context) { _, actor, defaults in
                    return { write in
                        let clientId = try context.clientId()
                        _ = try await write.run(OpenCase(actor: actor, clientId: clientId, openedOn: defaults.today), context)
                        return try await write.run(AssignCase(actor: actor, clientId: clientId, workerId: actor.userId), context)
                    }
                } }),
            Endpoint(
                RouteKey(.post, "/referrals/:referralId/move"), .init(.page, "Accept, decline, complete or cancel a referral.", requestMediaType: Self.form, responses: Self.writeAnswers),
                handler: move),
        ]
    }

    @Sendable func search(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let given = ["name", "uci", "dateOfBirth"].reduce(into: [String: String]()) { values, key in
            if let value = query[Substring(key)].map(String.init)?.trimmingCharacters(in: .whitespaces), !value.isEmpty { values[key] = value }
        }
        var values: [String: Any] = given
        guard !given.isEmpty else { return services.pages.render("clients", title: "Find a client", values: values, context: context) }
        var birth: CalendarDate?
        if let text = given["dateOfBirth"] {
            guard let date = CalendarDate(iso8601: text) else {
                let problem = FieldProblem(field: "dateOfBirth", problem: "is not a date such as 1990-04-21")
                return services.pages.render("clients", title: "Find a client", values: values, context: context, problems: [problem], status: .badRequest)
            }
            birth = date
        }
        let found = try ClientReads(store: services.store, registry: services.registry).search(name: given["name"], uci: given["uci"], dateOfBirth: birth)
        values["searched"] = true
        values["count"] = found.count
        let names = ActorNames(services.accountCache)
        // Enough to tell two people of one name apart: birth, UCI, and whose caseload they are on.
        values["results"] = try found.map { client -> [String: Any] in
            let name = client.personal.map { "\($0.givenNames) \($0.familyName)" } ?? "Anonymous client \(client.clientId)"
            var row: [String: Any] = [
                "clientId": client.clientId.rawValue, "name": name, "dateOfBirth": client.personal?.dateOfBirth.description ?? "—",
                "caseStatus": Plain.words(client.caseStatus),
            ]
            row["uci"] = client.personal?.uci
            row["caseWorker"] = try client.caseWorker.map { try names.name($0.rawValue) }
            return row
        }
        return services.pages.render("clients", title: "Find a client", values: values, context: context)
    }

    @Sendable func file(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await renderFile(context, clientId: try context.clientId(), purpose: try request.accessPurpose(for: context.actor.roles), problems: [], status: .ok)
    }

    /// Records the view, then renders the file: every showing of a file is audited.
    /// The view is recorded with `purpose`; a page shown again after a form post records the
    /// usual purpose of the user's roles.
    func renderFile(
        _ context: AppRequestContext, clientId: ClientID, purpose: AccessPurpose? = nil, problems: [FieldProblem], status: HTTPResponse.Status
    )
        async throws -> Response
    {
        let reads = ClientReads(store: services.store, registry: services.registry)
        // Recording the view checks that the client is registered (404 naming clientId otherwise).
        let view = RecordFileView(actor: context.actor, clientId: clientId, purpose: purpose ?? .usual(for: context.actor.roles))
        _ = try await services.commands(idempotencyKey: nil, expectedVersion: nil).run(view, correlationId: context.requestId)
        let client = try reads.client(clientId)
        let file = try reads.file(clientId, referrals: try await services.referralStreams(of: clientId, context: context))
        let names = ActorNames(services.accountCache)
        let title = client.personal.map { "\($0.givenNames) \($0.familyName)" } ?? "Anonymous client"
        let referrals = Set(file.entries.filter { $0.eventType == ReferralMade.eventType }.map(\.streamId)).sorted().map { stream in
            ["referralId": String(stream.dropFirst(StreamID.referralCategory.count + 1)), "clientId": clientId.rawValue,
             "csrf": context.session?.csrfToken ?? "", "steps": ReferralAPI.Step.allCases.map(\.rawValue)] as [String: Any]
        }
        let values: [String: Any] = [
            "clientId": clientId.rawValue, "anonymous": client.anonymous, "registeredOn": client.registeredOn.description,
            "caseStatus": Plain.words(client.caseStatus), "version": file.streamVersion, "canOpenCase": client.caseStatus != "open",
            "entries": try timeline(file, context: context, names: names),
            "details": try ClientDetails.rows(client, today: services.today, names: names),
            "followUps": ClientDetails.followUps(client, today: services.today), "hasFollowUps": !client.openFollowUps.isEmpty,
            "openedTimes": file.views.count == 1 ? "once" : "\(file.views.count) times", "views": try recentViews(file.views, names: names),
            "readsTheAuditTrail": context.account?.roles.contains(.administrator) == true,
            "today": CalendarDate.day(of: Date(), in: services.configuration.timeZone).description,
            "components": Plain.options(ServiceComponent.codes), "modes": Plain.options(ContactMode.codes), "outcomes": Plain.options(ServiceOutcome.codes),
            "needs": Plain.options(NeedDomain.codes),
            "contracts": try ContractList(store: services.store).all().filter { $0.endsOn >= services.today }.map { ["contractId": $0.contractId, "label": "\($0.funder) — \($0.program)"] },
            "referrals": referrals, "hasReferrals": !referrals.isEmpty,
            "answersPrivacyRequests": context.account?.roles.contains(.administrator) == true,
        ]
        return services.pages.render("file", title: title, values: values, context: context, problems: problems, status: status)
    }

    /// The file's entries, newest first, each with its corrections beside it and, for those who
    /// may correct, a link to correct or void it. A correction or void shown beside the entry it
    /// changes is not listed again on its own.
    func timeline(_ file: ClientFile, context: AppRequestContext, names: ActorNames) throws -> [[String: Any]] {
        let timeZone = services.configuration.timeZone
        let mayCorrect = !context.actor.roles.isDisjoint(with: CorrectionPages.correctors)
        let voided = Set(file.entries.filter { $0.eventType == EventVoided.eventType }.compactMap(CorrectionPages.originalEventId))
        let listed = Set(file.entries.map(\.eventId))
        let current = CorrectionPages.currentPayloads(in: file)
        let summaries = try EntrySummary(
            file: file, payloads: { current[$0.eventId] ?? [:] }, names: names, partners: PartnerNames(LogDirectory(log: services.store)))
        let shownBeside = { (entry: FileEntry) in
            CorrectionPages.uncorrectable.contains(entry.eventType) && CorrectionPages.originalEventId(of: entry).map(listed.contains) == true
        }
        return try file.entries.reversed().filter { !shownBeside($0) }.map { entry in
            let correctable = mayCorrect && !CorrectionPages.uncorrectable.contains(entry.eventType) && !voided.contains(entry.eventId)
            var shown: [String: Any] = [
                "eventType": Plain.event(entry.eventType), "occurredAt": Plain.time(entry.occurredAt, timeZone), "actor": try names.name(entry.actor),
                "eventId": entry.eventId.uuidString.lowercased(), "clientId": file.clientId.rawValue, "correctable": correctable,
                "notes": try CorrectionPages.notes(for: entry.eventId, in: file, timeZone: timeZone, names: names),
            ]
            // Absent, not empty: a template section shows for an empty string.
            shown["summary"] = try summaries.text(entry.eventType, payload: current[entry.eventId] ?? [:])
            return shown
        }
    }

    /// The latest showings of the file, newest first: when, by whom, and why.
    func recentViews(_ views: FileViews, names: ActorNames) throws -> [[String: Any]] {
        let timeZone = services.configuration.timeZone
        return try views.recent.map { entry in
            var purpose = ""
            if case .object(let fields) = entry.payload, case .string(let code)? = fields["purpose"] { purpose = Plain.words(code) }
            return ["recordedAt": Plain.time(entry.recordedAt, timeZone), "actor": try names.name(entry.actor), "purpose": purpose]
        }
    }

    /// A form post on the file page: decode, run, and go back to the file; on a refusal, show
    /// the file again with the problems named.
    func write(
        _ context: AppRequestContext,
        _ prepare: (FormFields, ActingUser, Defaults) throws -> (WriteRequest) async throws -> WriteResult
    ) async throws -> Response {
        let form = context.form ?? FormFields(body: "")
        let write = WriteRequest(services: services)
        do {
            _ = try await prepare(form, context.actor, write.defaults)(write)
            return Response(status: .seeOther, headers: [.location: "/clients/\(try context.clientId().rawValue)"])
        } catch let error where error.pageProblems != nil {
            let (status, problems) = error.pageProblems!
            return try await renderFile(context, clientId: try context.clientId(), problems: problems, status: status)
        }
    }

    @Sendable func move(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = context.form ?? FormFields(body: "")
        let clientId = form["clientId"] ?? ""
        let write = WriteRequest(services: services)
        do {
            guard let step = form["step"].flatMap(ReferralAPI.Step.init(rawValue:)) else {
                throw ProblemDetails(.unprocessableContent, detail: "Choose what happened.", errors: [FieldProblem(field: "step", problem: "is not one of accept, decline, complete, cancel")])
            }
            let body = ReferralStepBody(on: nil, note: nil, reason: form["reason"])
            _ = try await ReferralAPI.run(step, body: body, referralId: try context.referralId(), write: write, context: context)
            return Response(status: .seeOther, headers: [.location: "/clients/\(clientId)"])
        } catch let error where error.pageProblems != nil && !clientId.isEmpty {
            let (status, problems) = error.pageProblems!
            return try await renderFile(context, clientId: ClientID(clientId), problems: problems, status: status)
        }
    }

    func defaults() -> Defaults {
        Defaults(idempotencyKey: nil, today: CalendarDate.day(of: Date(), in: services.configuration.timeZone))
    }
}
