import Casework
import Foundation
import Hummingbird
import Mustache
import NIOCore
import Projections

/// Renders pages: a page's template into the layout, as `text/html`.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Registers every template; a template that does not parse fails the server's start.
    init() throws {
        var library = MustacheLibrary()
        let templates = [
            "layout": LayoutTemplates.layout, "home": LayoutTemplates.home, "login": LayoutTemplates.login,
            "clients": ClientTemplates.search, "intake": ClientTemplates.intake, "file": ClientTemplates.file,
        ].merging(WorkTemplates.all) { $1 }.merging(ReportTemplates.all) { $1 }.merging(AdminTemplates.all) { $1 }.merging(SocietyTemplates.all) { $1 }
            .merging(PrivacyTemplates.all) { $1 }
            .merging(PartnerTemplates.all) { $1 }.merging(CorrectionTemplates.all) { $1 }
        for (name, text) in templates { try library.register(text, named: name) }
        self.library = library
    }

    /// `template` rendered with `values` inside the layout titled `title`.
    func render(
        _ template: String, title: String, values: [String: Any], context: AppRequestContext, problems: [FieldProblem] = [],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var page = values
        if page["csrf"] == nil { page["csrf"] = context.session?.csrfToken ?? "" }
        page["displayName"] = context.account?.displayName ?? ""
        // Each problem beside its field: a template shows {{#err.minutes}}…{{/err.minutes}}.
        page["err"] = Dictionary(problems.map { ($0.field, $0.problem) }) { first, _ in first }
        let body = library.render(page, withTemplate: template) ?? ""
        var frame: [String: Any] = [
            "title": title, "body": body, "csrf": context.session?.csrfToken ?? "",
            "problems": problems.map { ["field": $0.field, "problem": $0.problem] }, "hasProblems": !problems.isEmpty,
        ]
        if let account = context.account {
            frame["user"] = [
                "displayName": account.displayName, "csrf": context.session?.csrfToken ?? "",
                "links": Navigation.links(for: account.roles).map { ["href": $0.href, "label": $0.label] },
            ]
        }
        let html = library.render(frame, withTemplate: "layout") ?? ""
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}

extension Error {
    /// The fields at fault and the status, for re-showing a form; nil for a server fault.
    var pageProblems: (status: HTTPResponse.Status, problems: [FieldProblem])? {
        switch self {
        case let problem as ProblemDetails: (problem.status, problem.errors)
        case let refusal as Casework.DomainError: (refusal.status, [FieldProblem(field: refusal.field, problem: refusal.problem)])
        case let refusal as ProjectionError:
            switch refusal {
            case .notFound(let field, let problem), .invalidArgument(let field, let problem): (refusal.status, [FieldProblem(field: field, problem: problem)])
            case .corruptRow: nil
            }
        default: nil
        }
    }
}
