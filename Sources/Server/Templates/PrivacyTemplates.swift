/// The administrator's privacy pages: one client's requests, and retention.
enum PrivacyTemplates {
    static let all = ["privacy": privacy, "retention": retention, "retentionRows": retentionRows]

    static let privacy = """
        <p><a href="/clients/{{clientId}}">Back to the client file</a> · <a href="/admin/privacy">All privacy requests and retention</a></p>
        {{#erased}}<p role="status"><strong>Personal data erased on {{erasedOn}} by {{erasedBy}}</strong> ({{ground}}: {{reference}}). Their details can no longer be read anywhere; reports still count them anonymously.</p>{{/erased}}
        <h2 id="access">Access request</h2>
        <p>Everything held about this client, with every time their file was viewed. The person has 30 days from their request to receive it.</p>
        <ul><li><a href="/clients/{{clientId}}/access-request">Readable page (print or save as PDF)</a></li>
        <li><a href="/api/clients/{{clientId}}/access-request">Machine-readable file (JSON)</a></li></ul>
        <h2 id="holds">Legal holds</h2>
        {{^held}}<p>No legal hold: the client's data may be erased.</p>{{/held}}
        {{#held}}<p>While a hold is in place, the client's data cannot be erased.</p>
        <table><thead><tr><th scope="col">Reference</th><th scope="col">Reason</th><th scope="col">Placed</th><th scope="col">Release</th></tr></thead>
        <tbody>{{#holds}}<tr><td>{{holdId}}</td><td>{{reason}}</td><td>{{placedOn}}</td><td><form method="post" action="/admin/privacy/clients/{{clientId}}/holds/{{holdId}}/release"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">Release</button></form></td></tr>{{/holds}}</tbody></table>{{/held}}
        <form method="post" action="/admin/privacy/clients/{{clientId}}/holds">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="holdId">Reference (e.g. the contract number; letters, digits, - _ .)</label><input type="text" id="holdId" name="holdId" required value="{{holdId}}">
        {{#err.holdId}}<p class="error">{{err.holdId}}</p>{{/err.holdId}}
        <label for="reason">Reason</label><input type="text" id="reason" name="reason" required value="{{holdReason}}">
        {{#err.reason}}<p class="error">{{err.reason}}</p>{{/err.reason}}
        <button type="submit">Place a legal hold</button>
        </form>
        {{^erased}}<h2 id="erasure">Erase personal data</h2>
        <p>Erasing destroys the client's keys: their name, birth date, contact details and notes can never be read again, from the log, reports, exports or later backups. It cannot be undone.</p>
        <form method="post" action="/admin/privacy/clients/{{clientId}}/erasure">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="ground">Why</label><select id="ground" name="ground">{{#grounds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/grounds}}</select>
        {{#err.ground}}<p class="error">{{err.ground}}</p>{{/err.ground}}
        <label for="reference">Reason or request reference (e.g. PR-2026-14)</label><input type="text" id="reference" name="reference" required value="{{reference}}">
        {{#err.reference}}<p class="error">{{err.reference}}</p>{{/err.reference}}
        <label><input type="checkbox" name="confirm" value="yes"> I confirm: erase this client's personal data for good</label>
        {{#err.confirm}}<p class="error">{{err.confirm}}</p>{{/err.confirm}}
        {{#err.clientId}}<p class="error">{{err.clientId}}</p>{{/err.clientId}}
        <button type="submit">Erase personal data</button>
        </form>{{/erased}}
        """

    static let retentionRows = """
        <table><thead><tr><th scope="col">Record</th><th scope="col">Id</th><th scope="col">Why</th><th scope="col">Due</th><th scope="col">Legal hold</th>{{#withReason}}<th scope="col">Left because</th>{{/withReason}}</tr></thead>
        <tbody>{{#rows}}<tr><td>{{kind}}</td><td>{{#isClient}}<a href="/admin/privacy/clients/{{recordId}}">{{recordId}}</a>{{/isClient}}{{^isClient}}{{recordId}}{{/isClient}}</td><td>{{why}}</td><td>{{dueOn}}</td><td>{{held}}</td>{{#reason}}<td>{{reason}}</td>{{/reason}}</tr>{{/rows}}</tbody></table>
        """

    static let retention = """
        <h2 id="client">A client's privacy requests</h2>
        <form method="get" action="/admin/privacy">
        <label for="clientId">Client id</label><input type="text" id="clientId" name="clientId" required>
        <button type="submit">Open</button>
        </form>
        {{#ran}}<h2 id="run">Retention run</h2><p role="status">{{erasedCount}} client files erased.</p>
        {{#erasedTable}}{{> retentionRows}}{{/erasedTable}}
        {{#leftTable}}<p>Due but left:</p>{{> retentionRows}}{{/leftTable}}{{/ran}}
        <h2 id="retention">Retention report</h2>
        <form method="get" action="/admin/privacy">
        <label for="asOf">Due on or before</label><input type="date" id="asOf" name="asOf" value="{{asOf}}">
        {{#err.asOf}}<p class="error">{{err.asOf}}</p>{{/err.asOf}}
        <button type="submit">Show</button>
        </form>
        <p>{{count}} records due for erasure as of {{asOf}}.</p>
        {{#dueTable}}{{> retentionRows}}{{/dueTable}}
        <h2 id="run-retention">Run retention</h2>
        <p>Erases every client file listed above that is under no legal hold. Member records are listed for review only. It cannot be undone.</p>
        <form method="post" action="/admin/privacy/retention">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="runAsOf">Due on or before (not after today, {{today}})</label><input type="date" id="runAsOf" name="asOf" value="{{asOf}}">
        <label><input type="checkbox" name="confirm" value="yes"> I confirm: erase these client files for good</label>
        {{#err.confirm}}<p class="error">{{err.confirm}}</p>{{/err.confirm}}
        <button type="submit">Run retention erasure</button>
        </form>
        """
}
