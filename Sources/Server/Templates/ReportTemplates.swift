/// The funder report, the events behind a figure, and one event.
enum ReportTemplates {
    static let all = ["report": report, "reportCells": reportCells, "explain": explain, "event": event]

    static let report = """
        <form method="get" action="/reports">
        <label for="contract">Funder contract</label>
        <select id="contract" name="contract" required>{{#contracts}}<option value="{{contractId}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/contracts}}</select>
        {{#err.contract}}<p class="error" id="contract-error">{{err.contract}}</p>{{/err.contract}}
        <label for="month">Month</label><input type="month" id="month" name="month" value="{{month}}" placeholder="2025-06">
        {{#err.month}}<p class="error" id="month-error">{{err.month}}</p>{{/err.month}}
        <label for="fiscalYear">or fiscal year starting April of (leave the month empty)</label><input type="number" id="fiscalYear" name="fiscalYear" min="1900" max="2999" value="{{fiscalYear}}">
        {{#err.fiscalYear}}<p class="error" id="fiscalYear-error">{{err.fiscalYear}}</p>{{/err.fiscalYear}}
        <button type="submit">Show report</button>
        </form>
        {{#hasReport}}
        <h2>{{contractId}}: {{start}} to {{end}}</h2>
        <p>Download: <a href="/api/reports/funder/csv?{{query}}">CSV</a> · <a href="/api/reports/funder/xlsx?{{query}}">Spreadsheet (.xlsx)</a></p>
        {{> reportCells}}
        {{/hasReport}}
        {{#canSign}}
        <h2 id="sign">Sign a funder contract</h2>
        <form method="post" action="/reports/contracts">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="contractId">Contract id (e.g. ircc-sap-2026)</label><input type="text" id="contractId" name="contractId" required>
        {{#err.contractId}}<p class="error">{{err.contractId}}</p>{{/err.contractId}}
        <label for="funder">Funder</label><input type="text" id="funder" name="funder" required>
        {{#err.funder}}<p class="error">{{err.funder}}</p>{{/err.funder}}
        <label for="program">Program</label><input type="text" id="program" name="program" required>
        <label for="agreementNumber">Agreement number</label><input type="text" id="agreementNumber" name="agreementNumber" required>
        {{#err.agreementNumber}}<p class="error">{{err.agreementNumber}}</p>{{/err.agreementNumber}}
        <label for="startsOn">Starts</label><input type="date" id="startsOn" name="startsOn" required>
        {{#err.startsOn}}<p class="error">{{err.startsOn}}</p>{{/err.startsOn}}
        <label for="endsOn">Ends</label><input type="date" id="endsOn" name="endsOn" required>
        {{#err.endsOn}}<p class="error">{{err.endsOn}}</p>{{/err.endsOn}}
        <fieldset><legend>Services it funds</legend>
        {{#fundable}}<label><input type="checkbox" name="fund-{{code}}" value="yes"> {{label}}</label>{{/fundable}}
        {{#err.fundedComponents}}<p class="error">{{err.fundedComponents}}</p>{{/err.fundedComponents}}
        </fieldset>
        <button type="submit">Sign contract</button>
        </form>
        {{/canSign}}
        """

    static let reportCells = """
        <p>Every figure links to the events behind it.</p>
        {{#sections}}<table class="figures"><caption>{{title}}</caption>
        <thead><tr><th scope="col">Figure</th><th scope="col" class="number">Value</th></tr></thead>
        <tbody>{{#cells}}<tr><th scope="row">{{label}}</th><td class="number">{{#linked}}<a href="/reports/explain?{{query}}&amp;cell={{cell}}" data-cell="{{name}}">{{value}}</a>{{/linked}}{{^linked}}{{value}}{{/linked}}</td></tr>{{/cells}}</tbody>
        </table>{{/sections}}
        """

    static let explain = """
        <p><strong>{{label}}</strong> = {{value}} for {{contractId}}, {{start}} to {{end}}. These are the events it counts:</p>
        <table><thead><tr><th scope="col">Position</th><th scope="col">What</th><th scope="col">Record</th><th scope="col">When</th><th scope="col">By</th></tr></thead>
        <tbody>{{#events}}<tr><td><a href="/events/{{position}}">{{position}}</a></td><td>{{eventType}}</td><td>{{#clientId}}<a href="/clients/{{clientId}}">{{streamId}}</a>{{/clientId}}{{^clientId}}{{streamId}}{{/clientId}}</td><td>{{occurredAt}}</td><td>{{actor}}</td></tr>{{/events}}</tbody></table>
        <p><a href="/reports?{{back}}">Back to the report</a></p>
        """

    static let event = """
        <dl>
        <dt>What</dt><dd>{{eventType}} <span class="muted">({{code}})</span>{{#summary}}<br>{{summary}}{{/summary}}</dd>
        <dt>Record</dt><dd>{{streamId}}, version {{streamVersion}}</dd>
        <dt>Happened</dt><dd>{{occurredAt}}</dd>
        <dt>Recorded</dt><dd>{{recordedAt}}</dd>
        <dt>By</dt><dd>{{actor}} ({{actorId}})</dd>
        <dt>Request</dt><dd>{{correlationId}}</dd>
        <dt>Event id</dt><dd>{{eventId}}</dd>
        </dl>
        <h2>Details</h2>
        <pre>{{payload}}</pre>
        """
}
