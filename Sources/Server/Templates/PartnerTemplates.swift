/// Partner agencies and funder contracts.
enum PartnerTemplates {
    static let all = ["partners": partners, "partner": partner, "partnerFields": partnerFields]

    static let partners = """
        <h2>Partner agencies</h2>
        {{#hasPartners}}
        <table><caption>Partner agencies</caption>
        <thead><tr><th scope="col">Agency</th><th scope="col">Funding</th><th scope="col">Francophone</th><th scope="col">Services</th>{{#canEditPartners}}<th scope="col">Change</th>{{/canEditPartners}}</tr></thead>
        <tbody>{{#partners}}<tr><td>{{name}}</td><td>{{funding}}</td><td>{{#francophone}}yes{{/francophone}}{{^francophone}}no{{/francophone}}</td><td>{{services}}</td>
        {{#canEditPartners}}<td><a href="/partners/{{partnerId}}">Change {{name}}</a></td>{{/canEditPartners}}</tr>{{/partners}}</tbody>
        </table>
        {{/hasPartners}}
        {{^hasPartners}}<p>No partner agencies yet.</p>{{/hasPartners}}
        {{#canEditPartners}}
        <h2 id="add-partner">Add a partner agency</h2>
        <form method="post" action="/partners">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{> partnerFields}}
        <button type="submit">Add partner</button>
        </form>
        {{/canEditPartners}}
        <h2>Funder contracts</h2>
        {{#hasContracts}}
        <table><caption>Funder contracts</caption>
        <thead><tr><th scope="col">Contract</th><th scope="col">Funder and program</th><th scope="col">Agreement</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Funds</th></tr></thead>
        <tbody>{{#contracts}}<tr><td>{{contractId}}</td><td>{{funder}} — {{program}}</td><td>{{agreementNumber}}</td><td>{{startsOn}}</td><td>{{endsOn}}</td><td>{{funds}}</td></tr>{{/contracts}}</tbody>
        </table>
        {{/hasContracts}}
        {{^hasContracts}}<p>No funder contracts yet.</p>{{/hasContracts}}
        <p><a href="/reports#sign">Sign a new funder contract</a></p>
        {{#canAmend}}{{#contracts}}
        <form method="post" action="/contracts/{{contractId}}/amend">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <fieldset><legend>Amend {{contractId}} ({{funder}} — {{program}})</legend>
        <label for="endsOn-{{contractId}}">Ends</label><input type="date" id="endsOn-{{contractId}}" name="endsOn" required value="{{endsOn}}">
        <fieldset><legend>Services it funds</legend>
        {{#components}}<label><input type="checkbox" name="fund-{{code}}" value="yes"{{#checked}} checked{{/checked}}> {{label}}</label>{{/components}}
        </fieldset>
        <label for="reason-{{contractId}}">Amendment reference or reason</label><input type="text" id="reason-{{contractId}}" name="reason" required>
        <button type="submit">Amend {{contractId}}</button>
        </fieldset>
        </form>
        {{/contracts}}{{/canAmend}}
        """

    static let partner = """
        <form method="post" action="/partners/{{partnerId}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{> partnerFields}}
        <button type="submit">Save changes</button>
        </form>
        <p><a href="/partners">Back to partners</a></p>
        """

    static let partnerFields = """
        <label for="name">Agency name</label><input type="text" id="name" name="name" required value="{{name}}">
        {{#err.name}}<p class="error">{{err.name}}</p>{{/err.name}}
        <label for="funding">How it is funded</label><select id="funding" name="funding">{{#fundings}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/fundings}}</select>
        <label><input type="checkbox" name="francophone" value="yes"{{#francophone}} checked{{/francophone}}> Francophone agency</label>
        <fieldset><legend>Needs it serves</legend>
        {{#domains}}<label><input type="checkbox" name="offers-{{code}}" value="yes"{{#checked}} checked{{/checked}}> {{label}}</label>{{/domains}}
        {{#err.servicesOffered}}<p class="error">{{err.servicesOffered}}</p>{{/err.servicesOffered}}
        </fieldset>
        """
}
