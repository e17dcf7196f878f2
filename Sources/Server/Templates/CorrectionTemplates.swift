/// Correcting or voiding an entry of a client's file.
enum CorrectionTemplates {
    static let all = ["correction": correction]

    static let correction = """
        <p><strong>{{eventType}}</strong>, {{occurredAt}}, by {{actor}}. <a href="/clients/{{clientId}}">Back to the file</a></p>
        {{#notes}}<p class="note">{{note}}</p>{{/notes}}
        <h2 id="correct">Correct it</h2>
        <p>Change what is wrong and say why. The original stays in the record; the corrected entry is used from now on.</p>
        <form method="post" action="/clients/{{clientId}}/corrections/{{eventId}}/correct">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{#fields}}
        {{#editable}}<label for="{{id}}">{{label}}</label><input type="{{inputType}}" id="{{id}}" name="{{id}}" value="{{value}}">{{/editable}}
        {{#isChoice}}<label for="{{id}}">{{label}}</label><select id="{{id}}" name="{{id}}">{{#choices}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/choices}}</select>{{/isChoice}}
        {{#isBool}}<label for="{{id}}">{{label}}</label><select id="{{id}}" name="{{id}}"><option value="true"{{#yes}} selected{{/yes}}>yes</option><option value="false"{{^yes}} selected{{/yes}}>no</option></select>{{/isBool}}
        {{#shown}}<p>{{label}}: {{shown}} <small>(not changed here)</small></p>{{/shown}}
        {{/fields}}
        <label for="reason">Why it was wrong</label><textarea id="reason" name="reason" rows="2" required>{{reason}}</textarea>
        <button type="submit">Save the correction</button>
        </form>
        {{#canVoid}}
        <h2 id="void">Void it</h2>
        <p>Void an entry that should never have been recorded (the wrong client, a duplicate). It stops counting; the record keeps it.</p>
        <form method="post" action="/clients/{{clientId}}/corrections/{{eventId}}/void">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="void-reason">Why it should not have been recorded</label><textarea id="void-reason" name="reason" rows="2" required></textarea>
        <button type="submit">Void this entry</button>
        </form>
        {{/canVoid}}
        """
}
