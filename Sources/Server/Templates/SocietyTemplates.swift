/// The society's pages: members, elections, the ballot, receipts, and the partnership's gaps.
enum SocietyTemplates {
    static let all = [
        "membership": membership, "registerTable": registerTable, "gaps": gaps, "gapsTable": gapsTable, "elections": elections,
        "election": election, "ballot": ballot, "receipt": receipt, "receipts": receipts,
    ]

    static let membership = """
        <form method="get" action="/membership">
        <label for="asOf">Standing on</label><input type="date" id="asOf" name="asOf" value="{{asOf}}">
        {{#err.asOf}}<p class="error">{{err.asOf}}</p>{{/err.asOf}}
        <label for="lapsingWithinDays">Flag terms ending within (days)</label><input type="number" id="lapsingWithinDays" name="lapsingWithinDays" min="0" max="3650" value="{{days}}">
        {{#err.lapsingWithinDays}}<p class="error">{{err.lapsingWithinDays}}</p>{{/err.lapsingWithinDays}}
        <button type="submit">Show</button>
        </form>
        <p>{{count}} members; {{lapsingCount}} lapsing within {{days}} days.</p>
        {{> registerTable}}
        <h2 id="apply">New application</h2>
        <form method="post" action="/membership/apply">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="memberName">Name (person or organisation)</label><input type="text" id="memberName" name="memberName" required>
        {{#err.details.displayName}}<p class="error">{{err.details.displayName}}</p>{{/err.details.displayName}}
        <label for="kind">Kind</label><select id="kind" name="kind">{{#kinds}}<option value="{{.}}">{{.}}</option>{{/kinds}}</select>
        <label for="representativeName">Representative (organisations)</label><input type="text" id="representativeName" name="representativeName">
        <label for="email">Email</label><input type="email" id="email" name="email">
        <label for="eligibility">Eligible as</label><select id="eligibility" name="eligibility">{{#bases}}<option value="{{.}}">{{.}}</option>{{/bases}}</select>
        <button type="submit">Record application</button>
        </form>
        """

    static let registerTable = """
        <table><caption>Register of members as of {{asOf}}</caption>
        <thead><tr><th scope="col">Member</th><th scope="col">Standing</th><th scope="col">Term ends</th>{{#canDecide}}<th scope="col">Action</th>{{/canDecide}}</tr></thead>
        <tbody>{{#members}}<tr><td>{{displayName}}{{#hasRepresentative}}<br><span class="muted">represented by {{representative}}</span>{{/hasRepresentative}}<br><span class="muted">{{kind}}, {{memberId}}</span></td>
        <td>{{standing}}</td><td>{{termExpiresOn}}{{#lapsingSoon}} <strong>lapsing soon</strong>{{/lapsingSoon}}</td>
        {{#canDecide}}<td>{{#pending}}<form method="post" action="/membership/{{memberId}}/decision"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="reason-{{memberId}}">Reason (to reject)</label><input type="text" id="reason-{{memberId}}" name="reason">
        <button type="submit" name="decision" value="approve">Approve</button> <button type="submit" name="decision" value="reject">Reject</button></form>{{/pending}}
        {{^pending}}<form method="post" action="/membership/{{memberId}}/dues"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="amount-{{memberId}}">Dues paid ($)</label><input type="text" id="amount-{{memberId}}" name="amount" inputmode="decimal" required>
        <label for="term-{{memberId}}">For months</label><input type="number" id="term-{{memberId}}" name="termMonths" min="1" max="60" value="12" required>
        <button type="submit">Record dues</button></form>{{/pending}}</td>{{/canDecide}}</tr>{{/members}}</tbody></table>
        """

    static let gaps = """
        <form method="get" action="/gaps">
        <label for="month">Month</label><input type="month" id="month" name="month" value="{{month}}">
        {{#err.month}}<p class="error">{{err.month}}</p>{{/err.month}}
        <label for="fiscalYear">or fiscal year starting April of</label><input type="number" id="fiscalYear" name="fiscalYear" min="1900" max="2999" value="{{fiscalYear}}">
        {{#err.fiscalYear}}<p class="error">{{err.fiscalYear}}</p>{{/err.fiscalYear}}
        <button type="submit">Show</button>
        </form>
        {{> gapsTable}}
        """

    static let gapsTable = """
        <h2>{{start}} to {{end}}</h2>
        <table><caption>Needs against what was done</caption>
        <thead><tr><th scope="col">Need</th><th scope="col" class="number">Clients with the need</th><th scope="col" class="number">Served</th><th scope="col" class="number">Referred</th><th scope="col" class="number">Neither (unmet)</th><th scope="col" class="number">Sent to several partners</th></tr></thead>
        <tbody>{{#domains}}<tr><th scope="row">{{domain}}</th><td class="number">{{clientsWithNeed}}</td><td class="number">{{served}}</td><td class="number">{{referred}}</td><td class="number"><strong>{{unmet}}</strong></td><td class="number">{{several}}</td></tr>{{/domains}}</tbody></table>
        <table><caption>Referrals by partner and need</caption>
        <thead><tr><th scope="col">Partner</th>{{#domainNames}}<th scope="col" class="number">{{.}}</th>{{/domainNames}}</tr></thead>
        <tbody>{{#partners}}<tr><th scope="row">{{name}}</th>{{#counts}}<td class="number">{{.}}</td>{{/counts}}</tr>{{/partners}}</tbody></table>
        """

    static let elections = """
        <ul>{{#elections}}<li><a href="/elections/{{electionId}}">{{title}}</a>, meeting {{meetingOn}}: {{stage}}{{#open}} — <a href="/elections/{{electionId}}/ballot">vote</a>{{/open}}</li>{{/elections}}</ul>
        <p><a href="/receipts">Check a ballot receipt</a></p>
        {{#isOfficer}}
        <h2 id="call">Call a meeting</h2>
        <form method="post" action="/elections">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="title">Title</label><input type="text" id="title" name="title" required value="{{title}}">
        {{#err.title}}<p class="error">{{err.title}}</p>{{/err.title}}
        <label for="meetingOn">Meeting day (7 to 60 days' notice from today)</label><input type="date" id="meetingOn" name="meetingOn" required value="{{meetingOn}}">
        {{#err.meetingOn}}<p class="error">{{err.meetingOn}}</p>{{/err.meetingOn}}
        <label for="recordDate">Record date (who is in good standing that day may vote)</label><input type="date" id="recordDate" name="recordDate" required value="{{recordDate}}">
        {{#err.recordDate}}<p class="error">{{err.recordDate}}</p>{{/err.recordDate}}
        <button type="submit">Call the meeting</button>
        </form>
        {{/isOfficer}}
        """

    static let election = """
        <p>Meeting {{meetingOn}}; members in good standing on {{recordDate}} may vote.{{#hasRoll}} Voter roll: {{rollSize}} members.{{/hasRoll}}</p>
        {{#positions}}<h2>{{title}} ({{seats}} seats)</h2><ul>{{#candidates}}<li>{{displayName}} ({{memberId}})</li>{{/candidates}}</ul>{{/positions}}
        {{#results}}<h2>Results</h2><p>{{voted}} of {{rollSize}} voted ({{turnout}}%).</p>
        {{#positions}}<table><caption>{{title}}</caption><thead><tr><th scope="col">Candidate</th><th scope="col" class="number">Votes</th><th scope="col">Elected</th></tr></thead>
        <tbody>{{#candidates}}<tr><td>{{displayName}}</td><td class="number">{{votes}}</td><td>{{#elected}}yes{{/elected}}</td></tr>{{/candidates}}</tbody></table>{{/positions}}{{/results}}
        {{#isOfficer}}
        <h2>Steps</h2>
        {{#canFix}}<form method="post" action="/elections/{{electionId}}/step"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" name="step" value="roll">Fix the voter roll</button></form>{{/canFix}}
        {{#canOpen}}<form method="post" action="/elections/{{electionId}}/step"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" name="step" value="open">Open balloting</button></form>{{/canOpen}}
        {{#canClose}}<form method="post" action="/elections/{{electionId}}/step"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" name="step" value="close">Close balloting and count</button></form>{{/canClose}}
        <h2>Add a position</h2>
        <form method="post" action="/elections/{{electionId}}/positions"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="title">Title</label><input type="text" id="title" name="title" required>
        {{#err.title}}<p class="error">{{err.title}}</p>{{/err.title}}
        <label for="seats">Seats</label><input type="number" id="seats" name="seats" min="1" value="1" required>
        {{#err.seats}}<p class="error">{{err.seats}}</p>{{/err.seats}}
        <button type="submit">Add position</button></form>
        <h2>Nominate a candidate</h2>
        <form method="post" action="/elections/{{electionId}}/candidates"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="positionId">Position</label><select id="positionId" name="positionId">{{#positions}}<option value="{{positionId}}">{{title}}</option>{{/positions}}</select>
        <label for="memberId">Member id</label><input type="text" id="memberId" name="memberId" required>
        {{#err.memberId}}<p class="error">{{err.memberId}}</p>{{/err.memberId}}
        <label for="candidateName">Name on the ballot</label><input type="text" id="candidateName" name="candidateName" required>
        <button type="submit">Nominate</button></form>
        {{/isOfficer}}
        """

    static let ballot = """
        {{^open}}<p>Balloting is not open.</p>{{/open}}
        {{#open}}
        <p>Your ballot is secret: Harbour records that you voted, apart from what you chose. You can vote once.</p>
        <form method="post" action="/elections/{{electionId}}/ballot">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{#positions}}<fieldset><legend>{{title}}: choose up to {{seats}}</legend>
        {{#candidates}}<label><input type="checkbox" name="choice-{{positionId}}-{{candidateId}}" value="yes"> {{displayName}}</label>{{/candidates}}
        </fieldset>{{/positions}}
        <button type="submit">Cast my ballot</button>
        </form>
        {{/open}}
        """

    static let receipt = """
        <p>Your ballot was received. Keep this receipt code: it is shown <strong>only this once</strong>, and lets you check your ballot was counted.</p>
        <p class="receipt" id="receipt-code">{{receiptCode}}</p>
        <p><a href="/receipts?electionId={{electionId}}">Check a receipt</a> (after the close)</p>
        """

    static let receipts = """
        <form method="get" action="/receipts">
        <label for="electionId">Election</label><select id="electionId" name="electionId">{{#elections}}<option value="{{electionId}}"{{#selected}} selected{{/selected}}>{{title}}</option>{{/elections}}</select>
        <label for="code">Receipt code</label><input type="text" id="code" name="code" autocomplete="off" required value="{{code}}">
        <button type="submit">Check</button>
        </form>
        {{#checked}}<p role="status">{{#recorded}}<strong>Counted.</strong> {{/recorded}}{{explanation}}</p>{{/checked}}
        """
}
