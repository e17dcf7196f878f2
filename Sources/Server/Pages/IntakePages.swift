import Casework
import Events
import Foundation
import Hummingbird

extension ClientPages {
    /// The intake form, filled with `values` (after a refusal) and the duplicate warning.
    func intakeForm(_ context: AppRequestContext, values: [String: String], duplicate: String? = nil, problems: [FieldProblem] = [],
        status: HTTPResponse.Status = .ok) -> Response
    {
        func options(_ codes: [String], _ chosen: String?) -> [[String: Any]] { Plain.options(codes, selected: chosen) }
        var page: [String: Any] = values
        page["genders"] = options(Gender.codes, values["gender"])
        page["categories"] = options(ImmigrationCategory.codes, values["immigrationCategory"])
        page["languages"] = options(OfficialLanguage.codes, values["preferredOfficialLanguage"])
        for consent in ["privacyStatement", "shareWithFunder", "shareWithPartners"] { page[consent] = values[consent] == "yes" }
        if let duplicate { page["duplicate"] = duplicate }
        return services.pages.render("intake", title: "New intake", values: page, context: context, problems: problems, status: status)
    }

    @Sendable func register(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = context.form ?? FormFields(body: "")
        let keys = [
            "givenNames", "familyName", "dateOfBirth", "uci", "gender", "immigrationCategory", "arrivalDate", "preferredOfficialLanguage",
            "countryOfBirth", "duplicateOverrideReason",
        ]
        var fields: [String: Any] = keys.reduce(into: [:]) { fields, key in if let value = form[key] { fields[key] = value } }
        for name in ["givenNames", "familyName"] where fields[name] == nil { fields[name] = "" }
        fields["languagesSpoken"] = (form["languagesSpoken"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        fields["consents"] = ["privacyStatement", "shareWithFunder", "shareWithPartners"].reduce(into: [String: Bool]()) { $0[$1] = form[$1] == "yes" }
        do {
            let body = try FormDecoding.decode(IntakeBody.self, fields)
            let write = WriteRequest(services: services)
            let result = try await write.run(body.command(actor: context.actor, defaults: write.defaults), context)
            return Response(status: .seeOther, headers: [.location: "/\(result.streamId.replacingOccurrences(of: "client-", with: "clients/"))"])
        } catch let error where error.pageProblems != nil {
            let (status, problems) = error.pageProblems!
            let echoed = form.values.filter { $0.key != AccessGuard.csrfField }
            let isDuplicate = (error as? Casework.DomainError).map { $0.kind == .conflict && $0.problem.contains("duplicateOverrideReason") } ?? false
            if isDuplicate { return intakeForm(context, values: echoed, duplicate: problems.first.map { "\($0.field) \($0.problem)" }, status: status) }
            return intakeForm(context, values: echoed, problems: problems, status: status)
        }
    }
}
