import Casework
import Events
import Hummingbird

/// The rest of a client's commands: details, consent, needs, the plan, and the case's life.
struct CaseCommandAPI {
    let services: AppServices

    struct ConsentBody: Decodable { let kind: ConsentKind; let granted: Bool; let recordedOn: CalendarDate? }
    struct NeedsBody: Decodable { let assessedOn: CalendarDate?; let needs: [IdentifiedNeed] }
    struct PlanBody: Decodable { let agreedOn: CalendarDate?; let goals: [PlanGoal] }
    struct DayBody: Decodable { let on: CalendarDate? }
    struct AssignBody: Decodable { let workerId: UserID }
    struct TransferBody: Decodable { let toWorkerId: UserID; let reason: String }
    struct CloseBody: Decodable { let closedOn: CalendarDate?; let reason: CaseClosureReason; let note: FreeText? }
    struct ReopenBody: Decodable { let reopenedOn: CalendarDate?; let reason: FreeText }

    static let need = JSONSchema.object(
        properties: ["domain": .oneOf(NeedDomain.codes), "priority": .oneOf(Priority.codes), "note": .string()], required: ["domain", "priority"])
    static let goal = JSONSchema.object(
        properties: ["goalId": .string(), "domain": .oneOf(NeedDomain.codes), "description": .string(), "targetDate": Schemas.date],
        required: ["goalId", "domain", "description", "targetDate"])
    static let personal = JSONSchema.object(
        properties: [
            "givenNames": .string(), "familyName": .string(), "dateOfBirth": Schemas.date, "uci": .string(pattern: "^([0-9]{8}|[0-9]{10})$"),
            "contact": .object(properties: ["phone": .string(), "email": .string(), "address": .string()], required: []),
            "householdMembers": .array(
                .object(
                    properties: ["givenNames": .string(), "familyName": .string(), "relationship": .oneOf(HouseholdRelationship.codes), "dateOfBirth": Schemas.date],
                    required: ["givenNames", "familyName", "relationship"])),
        ],
        required: ["givenNames", "familyName", "dateOfBirth", "contact", "householdMembers"])
    static let dayOnly = JSONSchema.object(properties: ["on": Schemas.day], required: [])

    static let commandRoutes: [CommandRoute] = [
        CommandRoute(RouteKey(.post, "/api/clients/:clientId/details"), "Update the client's personal details.", schema: Self.personal) {
            (body: PersonalDetails, context, _) in UpdateClientDetails(actor: context.actor, clientId: try context.clientId(), personal: body)
        },
        CommandRoute(
            RouteKey(.post, "/api/clients/:clientId/consents"), "Record a consent given or withdrawn.",
            schema: .object(properties: ["kind": .oneOf(ConsentKind.codes), "granted": .boolean, "recordedOn": Schemas.day], required: ["kind", "granted"])
        ) { (body: ConsentBody, context, defaults) in
            RecordConsent(actor: context.actor, clientId: try context.clientId(), kind: body.kind, granted: body.granted, recordedOn: body.recordedOn ?? defaults.today)
        },
        CommandRoute(
            RouteKey(.post, "/api/clients/:clientId/needs"), "Assess the client's needs (the first assessment).",
            schema: .object(properties: ["assessedOn": Schemas.day, "needs": .array(Self.need)], required: ["needs"])
        ) { (body: NeedsBody, context, defaults) in
            AssessNeeds(actor: context.actor, clientId: try context.clientId(), assessedOn: body.assessedOn ?? defaults.today, needs: body.needs)
        },
        CommandRoute(
            RouteKey(.post, "/api/clients/:clientId/needs/reassess"), "Reassess the client's needs.",
            schema: .object(properties: ["assessedOn": Schemas.day, "needs": .array(Self.need)], required: ["needs"])
        ) { (body: NeedsBody, context, defaults) in
            ReassessNeeds(actor: context.actor, clientId: try context.clientId(), assessedOn: body.assessedOn ?? defaults.today, needs: body.needs)
        },
        CommandRoute(
            RouteKey(.post, "/api/clients/:clientId/plan"), "Agree a settlement plan's goals.",
            schema: .object(properties: ["agreedOn": Schemas.day, "goals": .array(Self.goal)], required: ["goals"])
        ) { (body: PlanBody, context, defaults) in
            SetSettlementPlan(actor: context.actor, clientId: try context.clientId(), agreedOn: body.agreedOn ?? defaults.today, goals: body.goals)
        },
        CommandRoute(RouteKey(.post, "/api/clients/:clientId/goals/:goalId/achieved"), "Record a plan goal reached.", schema: Self.dayOnly) {
            (body: DayBody, context, defaults) in
            RecordGoalAchieved(actor: context.actor, clientId: try context.clientId(), goalId: GoalID(try context.pathParameter("goalId")), achievedOn: body.on ?? defaults.today)
        },
        CommandRoute(RouteKey(.post, "/api/clients/:clientId/case/open"), "Open the client's case.", schema: Self.dayOnly) {
            (body: DayBody, context, defaults) in OpenCase(actor: context.actor, clientId: try context.clientId(), openedOn: body.on ?? defaults.today)
        },
        CommandRoute(
            RouteKey(.post, "/api/clients/:clientId/case/assign"), "Assign the case to a worker.",
            schema: .object(properties: ["workerId": .string()], required: ["workerId"])
        ) { (body: AssignBody, context, _) in AssignCase(actor: context.actor, clientId: try context.clientId(), workerId: body.workerId) },
        CommandRoute(
            RouteKey(.post, "/api/clients/:clientId/case/transfer"), "Transfer the case to another worker.",
            schema: .object(properties: ["toWorkerId": .string(), "reason": .string()], required: ["toWorkerId", "reason"])
        ) { (body: TransferBody, context, _) in
            TransferCase(actor: context.actor, clientId: try context.clientId(), toWorkerId: body.toWorkerId, reason: body.reason)
        },
        CommandRoute(RouteKey(.post, "/api/clients/:clientId/follow-ups/:followUpId/complete"), "Mark a follow-up done.", schema: Self.dayOnly) {
            (body: DayBody, context, defaults) in
            CompleteFollowUp(actor: context.actor, clientId: try context.clientId(), followUpId: FollowUpID(try context.pathParameter("followUpId")), completedOn: body.on ?? defaults.today)
        },
        CommandRoute(
            RouteKey(.post, "/api/clients/:clientId/case/close"), "Close the case with a reason.",
            schema: .object(properties: ["closedOn": Schemas.day, "reason": .oneOf(CaseClosureReason.codes), "note": .string()], required: ["reason"])
        ) { (body: CloseBody, context, defaults) in
            CloseCase(actor: context.actor, clientId: try context.clientId(), closedOn: body.closedOn ?? defaults.today, reason: body.reason, note: body.note)
        },
        CommandRoute(
            RouteKey(.post, "/api/clients/:clientId/case/reopen"), "Reopen a closed case.",
            schema: .object(properties: ["reopenedOn": Schemas.day, "reason": .string()], required: ["reason"])
        ) { (body: ReopenBody, context, defaults) in
            ReopenCase(actor: context.actor, clientId: try context.clientId(), reopenedOn: body.reopenedOn ?? defaults.today, reason: body.reason)
        },
    ]

    var endpoints: [Endpoint] { Self.commandRoutes.map { $0.endpoint(services) } }
}
