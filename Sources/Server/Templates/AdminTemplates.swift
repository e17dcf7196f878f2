/// The administrator's pages.
enum AdminTemplates {
    static let all = ["audit": audit, "auditTable": auditTable, "replay": replay, "verification": verification, "users": users]

    static let audit = """
        <form method="get" action="/admin/audit" role="search">
        <label for="clientId">Client id</label><input type="text" id="clientId" name="clientId" value="{{clientId}}">
        <label for="actor">Who (user id, e.g. u-worker1)</label><input type="text" id="actor" name="actor" value="{{actor}}">
        <label for="eventType">What</label><select id="eventType" name="eventType"><option value="">Anything</option>{{#eventTypes}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/eventTypes}}</select>
        <label for="from">From (day)</label><input type="date" id="from" name="from" value="{{from}}">
        {{#err.from}}<p class="error">{{err.from}}</p>{{/err.from}}
        <label for="through">Through (day)</label><input type="date" id="through" name="through" value="{{through}}">
        {{#err.through}}<p class="error">{{err.through}}</p>{{/err.through}}
        <button type="submit">Search</button>
        </form>
        {{#searched}}{{> auditTable}}{{/searched}}
        {{#nextQuery}}<p><a href="/admin/audit?{{nextQuery}}">Next page</a></p>{{/nextQuery}}
        """

    static let auditTable = """
        <p>{{count}} entries on this page, oldest first.</p>
        {{#hasEntries}}
        <table><thead><tr><th scope="col">Position</th><th scope="col">Recorded</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Record</th></tr></thead>
        <tbody>{{#entries}}<tr><td><a href="/events/{{position}}">{{position}}</a></td><td>{{recordedAt}}</td><td>{{actor}}{{#actorIdDiffers}}<br><span class="muted">{{actorId}}</span>{{/actorIdDiffers}}</td><td>{{#viewed}}<strong>{{eventType}}</strong>{{/viewed}}{{^viewed}}{{eventType}}{{/viewed}}</td><td>{{#clientId}}<a href="/clients/{{clientId}}">{{streamId}}</a>{{/clientId}}{{^clientId}}{{streamId}}{{/clientId}}</td></tr>{{/entries}}</tbody></table>
        {{/hasEntries}}
        """

    static let replay = """
        <p>See any report as it stood at the end of a chosen day: nothing later is counted.</p>
        <form method="get" action="/admin/replay">
        <label for="asOf">As of the end of</label><input type="date" id="asOf" name="asOf" required value="{{asOf}}">
        {{#err.asOf}}<p class="error">{{err.asOf}}</p>{{/err.asOf}}
        <label for="model">Which</label><select id="model" name="model">{{#models}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{title}}</option>{{/models}}</select>
        {{#err.model}}<p class="error">{{err.model}}</p>{{/err.model}}
        <fieldset><legend>For a funder report</legend>
        <label for="contract">Contract</label><select id="contract" name="contract"><option value="">—</option>{{#contracts}}<option value="{{contractId}}"{{#selected}} selected{{/selected}}>{{contractId}}</option>{{/contracts}}</select>
        {{#err.contract}}<p class="error">{{err.contract}}</p>{{/err.contract}}
        <label for="month">Month</label><input type="month" id="month" name="month" value="{{month}}">
        {{#err.month}}<p class="error">{{err.month}}</p>{{/err.month}}
        </fieldset>
        <fieldset><legend>For a caseload</legend>
        <label for="worker">Worker (user id)</label><input type="text" id="worker" name="worker" value="{{worker}}">
        {{#err.worker}}<p class="error">{{err.worker}}</p>{{/err.worker}}
        </fieldset>
        <fieldset><legend>For the audit trail</legend>
        <label for="clientId">Client id</label><input type="text" id="clientId" name="clientId" value="{{clientId}}">
        </fieldset>
        <button type="submit">Replay</button>
        </form>
        {{#shownAsOf}}<h2>As of the end of {{shownAsOf}} (log position {{position}})</h2>{{/shownAsOf}}
        {{#funder}}{{> reportCells}}{{/funder}}
        {{#caseload}}{{> caseloadTable}}{{/caseload}}
        {{#membership}}{{> registerTable}}{{/membership}}
        {{#gaps}}{{> gapsTable}}{{/gaps}}
        {{#audit}}{{> auditTable}}{{/audit}}
        """

    static let verification = """
        <p>Every event carries a hash of the one before it, so any change to the log breaks the chain from there on.
        The check walks the whole log ({{headPosition}} events) in the background.</p>
        {{#never}}<p>The log has not been checked since the server started.</p>{{/never}}
        {{#running}}<p role="status">Checking since {{startedAt}}… reload to see the result.</p>{{/running}}
        {{#intact}}<p role="status"><strong>Intact.</strong> {{eventsChecked}} events checked, finished {{finishedAt}}.</p>{{/intact}}
        {{#broken}}<p role="alert" class="error">Broken at position {{firstBadPosition}}: {{problem}}. Checked {{finishedAt}}.</p>{{/broken}}
        {{#failed}}<p role="alert" class="error">The check could not finish: {{problem}}</p>{{/failed}}
        <form method="post" action="/admin/verification"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">Check the log now</button></form>
        """

    static let users = """
        <table><thead><tr><th scope="col">User</th><th scope="col">Roles</th><th scope="col">Change</th></tr></thead>
        <tbody>{{#users}}<tr><td><strong>{{displayName}}</strong><br>{{username}} ({{userId}}){{#disabled}}<br><em>disabled</em>{{/disabled}}{{^hasPassword}}<br><em>no password</em>{{/hasPassword}}</td>
        <td>{{roles}}</td>
        <td>{{^disabled}}<form method="post" action="/admin/users/{{userId}}/roles" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="role-{{userId}}">Role</label><select id="role-{{userId}}" name="role">{{#allRoles}}<option value="{{code}}">{{label}}</option>{{/allRoles}}</select>
        <button type="submit" name="action" value="grant">Grant</button> <button type="submit" name="action" value="revoke">Revoke</button></form>
        <form method="post" action="/admin/users/{{userId}}/disable"><input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="reason-{{userId}}">Reason to disable</label><input type="text" id="reason-{{userId}}" name="reason">
        <button type="submit">Disable</button></form>{{/disabled}}</td></tr>{{/users}}</tbody></table>
        <h2 id="new-user">New user</h2>
        <form method="post" action="/admin/users">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="username">Username</label><input type="text" id="username" name="username" autocomplete="off" required value="{{username}}">
        {{#err.username}}<p class="error">{{err.username}}</p>{{/err.username}}
        <label for="displayName">Full name</label><input type="text" id="displayName" name="displayName" required value="{{newDisplayName}}">
        {{#err.displayName}}<p class="error">{{err.displayName}}</p>{{/err.displayName}}
        <fieldset><legend>Roles</legend>
        {{#roleChoices}}<label><input type="checkbox" name="role-{{code}}" value="yes"{{#checked}} checked{{/checked}}> {{label}}</label>{{/roleChoices}}
        {{#err.roles}}<p class="error">{{err.roles}}</p>{{/err.roles}}
        </fieldset>
        <label for="password">Password (at least 12 characters)</label><input type="password" id="password" name="password" autocomplete="new-password" required>
        {{#err.password}}<p class="error">{{err.password}}</p>{{/err.password}}
        <button type="submit">Create user</button>
        </form>
        """
}
