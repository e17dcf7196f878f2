/// The worker's client pages: find, intake, and the file with its forms.
enum ClientTemplates {
    static let search = """
        <form method="get" action="/clients" role="search">
        <label for="name">Name (or part of it)</label><input type="text" id="name" name="name" value="{{name}}">
        <label for="uci">UCI (8 or 10 digits)</label><input type="text" id="uci" name="uci" inputmode="numeric" value="{{uci}}">
        <label for="dateOfBirth">Date of birth</label><input type="date" id="dateOfBirth" name="dateOfBirth" value="{{dateOfBirth}}">
        <button type="submit">Find</button>
        </form>
        {{#searched}}
        <h2>{{count}} found</h2>
        <ul>{{#results}}<li><a href="/clients/{{clientId}}">{{name}}</a> — born {{dateOfBirth}}{{#uci}}, UCI {{uci}}{{/uci}}; case {{caseStatus}}{{#caseWorker}} with {{caseWorker}}{{/caseWorker}}</li>{{/results}}</ul>
        {{/searched}}
        """

    static let intake = """
        <form method="post" action="/clients/new">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{#duplicate}}
        <div class="warning" role="alert"><p><strong>This may be someone already registered.</strong> {{duplicate}}</p>
        <p>Look them up first. To register anyway, say why:</p>
        <label for="duplicateOverrideReason">Reason to register anyway</label>
        <textarea id="duplicateOverrideReason" name="duplicateOverrideReason" rows="2"></textarea></div>
        {{/duplicate}}
        <label for="givenNames">Given names</label><input type="text" id="givenNames" name="givenNames" value="{{givenNames}}">
        <label for="familyName">Family name</label><input type="text" id="familyName" name="familyName" value="{{familyName}}">
        <label for="dateOfBirth">Date of birth</label><input type="date" id="dateOfBirth" name="dateOfBirth" required value="{{dateOfBirth}}">
        <label for="uci">UCI (optional, 8 or 10 digits)</label><input type="text" id="uci" name="uci" inputmode="numeric" value="{{uci}}">
        <label for="gender">Gender</label><select id="gender" name="gender">{{#genders}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/genders}}</select>
        <label for="immigrationCategory">Immigration category</label><select id="immigrationCategory" name="immigrationCategory">{{#categories}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/categories}}</select>
        <label for="arrivalDate">Arrival in Canada</label><input type="date" id="arrivalDate" name="arrivalDate" value="{{arrivalDate}}">
        <label for="preferredOfficialLanguage">Preferred official language</label><select id="preferredOfficialLanguage" name="preferredOfficialLanguage">{{#languages}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/languages}}</select>
        <label for="languagesSpoken">Languages spoken (codes, comma-separated, e.g. ar, en)</label><input type="text" id="languagesSpoken" name="languagesSpoken" required value="{{languagesSpoken}}">
        <label for="countryOfBirth">Country of birth (2 letters, e.g. SY)</label><input type="text" id="countryOfBirth" name="countryOfBirth" maxlength="2" required value="{{countryOfBirth}}">
        <fieldset><legend>Consent</legend>
        <label><input type="checkbox" name="privacyStatement" value="yes"{{#privacyStatement}} checked{{/privacyStatement}}> Accepts the privacy statement (if not, the client is registered without a name)</label>
        <label><input type="checkbox" name="shareWithFunder" value="yes"{{#shareWithFunder}} checked{{/shareWithFunder}}> Agrees to share with the funder</label>
        <label><input type="checkbox" name="shareWithPartners" value="yes"{{#shareWithPartners}} checked{{/shareWithPartners}}> Agrees to share with partner agencies</label>
        </fieldset>
        <button type="submit">Register client</button>
        </form>
        """

    static let file = """
        <p>{{#anonymous}}Anonymous client (privacy statement refused). {{/anonymous}}Registered {{registeredOn}}. Case: {{caseStatus}}. Version {{version}}.</p>
        {{#answersPrivacyRequests}}<p><a href="/admin/privacy/clients/{{clientId}}">Privacy requests: access, legal holds, erasure</a></p>{{/answersPrivacyRequests}}
        {{#canOpenCase}}<form method="post" action="/clients/{{clientId}}/case"><input type="hidden" name="_csrf" value="{{csrf}}">
        <button type="submit">Open the case and add it to my caseload</button></form>{{/canOpenCase}}
        <h2 id="about">About</h2>
        <dl class="details">{{#details}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/details}}</dl>
        {{#hasFollowUps}}<h2 id="due">Follow-ups open</h2>
        <ul>{{#followUps}}<li>{{#overdue}}<strong>Overdue:</strong> {{/overdue}}due {{dueOn}}: {{purpose}}</li>{{/followUps}}</ul>{{/hasFollowUps}}
        <h2>Timeline</h2>
        <ol class="timeline">{{#entries}}<li><strong>{{eventType}}</strong>, {{occurredAt}}, by {{actor}}{{#summary}}<br>{{summary}}{{/summary}}{{#notes}}<br><em>{{note}}</em>{{/notes}}{{#correctable}} <a href="/clients/{{clientId}}/corrections/{{eventId}}" aria-label="Correct or void: {{eventType}}, {{occurredAt}}">Correct or void</a>{{/correctable}}</li>{{/entries}}</ol>
        <h2 id="views">Who opened this file</h2>
        <p>Opened {{openedTimes}}{{#readsTheAuditTrail}} (<a href="/admin/audit?clientId={{clientId}}&amp;eventType=ClientFileViewed">every opening in the audit trail</a>){{/readsTheAuditTrail}}. The latest:</p>
        <ol class="views">{{#views}}<li>{{recordedAt}}, by {{actor}}, for {{purpose}}</li>{{/views}}</ol>
        <h2 id="service">Log a service</h2>
        <form method="post" action="/clients/{{clientId}}/services">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="component">What was done</label><select id="component" name="component">{{#components}}<option value="{{code}}">{{label}}</option>{{/components}}</select>
        <label for="deliveredOn">Date</label><input type="date" id="deliveredOn" name="deliveredOn" required value="{{today}}">
        <label for="minutes">Minutes</label><input type="number" id="minutes" name="minutes" min="1" required>
        <label for="mode">How</label><select id="mode" name="mode">{{#modes}}<option value="{{code}}">{{label}}</option>{{/modes}}</select>
        <label for="language">Language (e.g. ar)</label><input type="text" id="language" name="language" required>
        <label for="outcome">Outcome</label><select id="outcome" name="outcome">{{#outcomes}}<option value="{{code}}">{{label}}</option>{{/outcomes}}</select>
        <label for="contractId">Funded by</label><select id="contractId" name="contractId"><option value="">No funder contract</option>{{#contracts}}<option value="{{contractId}}">{{label}} ({{contractId}})</option>{{/contracts}}</select>
        <button type="submit">Log service</button>
        </form>
        <h2 id="follow-up">Schedule a follow-up</h2>
        <form method="post" action="/clients/{{clientId}}/follow-ups">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="dueOn">Due</label><input type="date" id="dueOn" name="dueOn" required>
        <label for="purpose">What to follow up</label><input type="text" id="purpose" name="purpose" required>
        <button type="submit">Schedule</button>
        </form>
        <h2 id="referral">Make a referral</h2>
        <form method="post" action="/clients/{{clientId}}/referrals">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="programName">Program (inside the agency)</label><input type="text" id="programName" name="programName">
        <label for="partnerId">or partner agency id</label><input type="text" id="partnerId" name="partnerId">
        <label for="needDomain">Need</label><select id="needDomain" name="needDomain">{{#needs}}<option value="{{code}}">{{label}}</option>{{/needs}}</select>
        <button type="submit">Refer</button>
        </form>
        {{#hasReferrals}}<h2 id="referrals">Move a referral</h2>{{/hasReferrals}}
        {{#referrals}}
        <form method="post" action="/referrals/{{referralId}}/move">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="clientId" value="{{clientId}}">
        <fieldset><legend>Referral {{referralId}}</legend>
        <label for="step-{{referralId}}">Now</label><select id="step-{{referralId}}" name="step">{{#steps}}<option value="{{.}}">{{.}}</option>{{/steps}}</select>
        <label for="reason-{{referralId}}">Reason (to decline or cancel)</label><input type="text" id="reason-{{referralId}}" name="reason">
        <button type="submit">Update referral</button></fieldset>
        </form>
        {{/referrals}}
        """
}
