/// The worker's caseload.
enum WorkTemplates {
    static let all = ["caseload": caseload, "caseloadTable": caseloadTable]

    static let caseload = """
        <p>{{openCases}} open cases on {{today}}. Overdue follow-ups and referrals waiting for an answer come first.</p>
        {{> caseloadTable}}
        <nav aria-label="Pages">{{#previous}}<a href="/caseload?{{workerQuery}}page={{previous}}">Previous page</a> {{/previous}}{{#next}}<a href="/caseload?{{workerQuery}}page={{next}}">Next page</a>{{/next}}</nav>
        <p><a href="/clients/new">Register a new client</a> · <a href="/clients">Find a client</a></p>
        {{#hasTeam}}<h2 id="team">The team</h2>
        <ul>{{#team}}<li>{{#current}}<strong>{{name}}</strong>{{/current}}{{^current}}<a href="/caseload?worker={{userId}}">{{name}}</a>{{/current}}: {{openCases}} open cases</li>{{/team}}</ul>{{/hasTeam}}
        """

    static let caseloadTable = """
        {{#hasCases}}
        <table><caption>Open cases</caption>
        <thead><tr><th scope="col">Client</th><th scope="col">Opened</th><th scope="col">Last contact</th><th scope="col">Overdue follow-ups</th><th scope="col">Referrals waiting</th></tr></thead>
        <tbody>{{#cases}}<tr><td><a href="/clients/{{clientId}}">{{name}}</a></td><td>{{openedOn}}</td><td>{{lastContactOn}}</td>
        <td>{{#overdue}}due {{dueOn}} ({{days}} days late)<br>{{/overdue}}</td>
        <td>{{#referrals}}{{to}}: {{stage}}, {{ageDays}} days<br>{{/referrals}}</td></tr>{{/cases}}</tbody>
        </table>
        {{/hasCases}}
        {{^hasCases}}<p>No open cases.</p>{{/hasCases}}
        """
}
