import Hummingbird

/// A form post on a page: run the work, then send the browser on (303); when the work is
/// refused for the caller's input, show the page again with each problem beside its field.
enum PageForm {
    static let mediaType = "application/x-www-form-urlencoded"
    static let answers = [303: "Done; on to the next page", 400: "A field could not be read", 403: "Role or form token missing", 404: "Unknown record", 409: "Conflict", 422: "A field breaks a rule"]

    static func post(
        redirect: String, _ work: () async throws -> Void,
        rerender: (_ problems: [FieldProblem], _ status: HTTPResponse.Status) async throws -> Response
    ) async throws -> Response {
        do {
            try await work()
            return Response(status: .seeOther, headers: [.location: redirect])
        } catch let error where error.pageProblems != nil {
            let (status, problems) = error.pageProblems!
            return try await rerender(problems, status)
        }
    }

    /// The form's fields, as the access guard read them.
    static func fields(_ context: AppRequestContext) -> FormFields { context.form ?? FormFields(body: "") }
}
