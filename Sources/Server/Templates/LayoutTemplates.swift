/// The page frame and the shared pieces: plain semantic HTML, readable on a phone, usable
/// without JavaScript.
enum LayoutTemplates {
    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Harbour</title>
        <style>
        body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;max-width:48rem;padding:0 1rem;color:#1b1b1b}
        header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;border-bottom:1px solid #ccc}
        nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;padding:0}
        label{display:block;margin-top:.75rem;font-weight:600}
        input,select,textarea,button{font:inherit;padding:.4rem;max-width:100%}
        input[type=text],input[type=date],input[type=password],input[type=number],select,textarea{width:100%;box-sizing:border-box}
        fieldset{margin-top:1rem;border:1px solid #ccc}
        .problems{border:2px solid #b00020;padding:.5rem 1rem;background:#fff4f4}
        .warning{border:2px solid #a15c00;padding:.5rem 1rem;background:#fff8e6}
        ol.timeline li{margin-bottom:.75rem}
        table{border-collapse:collapse;width:100%;margin:1rem 0;display:block;overflow-x:auto}
        th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
        td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}
        table.figures{display:table}
        dl.details{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
        dl.details dt{font-weight:600}
        dl.details dd{margin:0}
        caption{text-align:left;font-weight:600;font-size:1.15rem;padding:.25rem 0}
        .error{color:#b00020;font-weight:600;margin:.25rem 0}
        .receipt{font-size:1.5rem;font-family:ui-monospace,monospace;border:2px solid #0a6;padding:.5rem 1rem;display:inline-block}
        .inline{display:inline}
        .inline button{margin-top:0}
        .muted{color:#555}
        button{margin-top:1rem;cursor:pointer}
        </style>
        </head>
        <body>
        <header>
        <p><a href="/"><strong>Harbour</strong></a></p>
        {{#user}}
        <nav aria-label="Main"><ul>
        {{#links}}<li><a href="{{href}}">{{label}}</a></li>{{/links}}
        </ul></nav>
        <form method="post" action="/logout"><input type="hidden" name="_csrf" value="{{csrf}}">
        <span>Signed in as {{displayName}}</span> <button type="submit">Sign out</button></form>
        {{/user}}
        </header>
        <main>
        <h1>{{title}}</h1>
        {{#hasProblems}}
        <div class="problems" role="alert"><p>Please check:</p><ul>
        {{#problems}}<li><strong>{{field}}</strong> {{problem}}</li>{{/problems}}
        </ul></div>
        {{/hasProblems}}
        {{{body}}}
        </main>
        </body>
        </html>
        """

    static let home = """
        <p>Welcome, {{displayName}}. What would you like to do?</p>
        {{#dashboard}}
        <h2>At a glance</h2>
        <ul class="glance">
        {{#check}}<li><strong>The log:</strong> {{headPosition}} events.
        {{#intact}}Last checked intact: {{eventsChecked}} events, finished {{finishedAt}}.{{/intact}}
        {{#broken}}<strong class="error">The last check found the chain broken at position {{firstBadPosition}}.</strong>{{/broken}}
        {{#failed}}<strong class="error">The last check could not finish.</strong>{{/failed}}
        {{#running}}A check is running.{{/running}}
        {{#never}}Not checked since the server started.{{/never}}
        <a href="/admin/verification">Log check</a></li>{{/check}}
        <li><strong>Read models:</strong> {{#modelsCaughtUp}}all up to date with the log.{{/modelsCaughtUp}}{{^modelsCaughtUp}}behind the log: {{#modelsBehind}}{{name}} by {{lag}} events{{#rebuilding}} (rebuilding){{/rebuilding}}; {{/modelsBehind}}{{/modelsCaughtUp}}</li>
        <li><strong>Members:</strong> {{membersInGoodStanding}} in good standing, {{membersPending}} applications waiting, {{membersLapsing}} lapsing in the next {{lapsingWithinDays}} days. <a href="/membership">The register</a></li>
        </ul>
        {{/dashboard}}
        <ul>{{#links}}<li><a href="{{href}}">{{label}}</a></li>{{/links}}</ul>
        """

    static let login = """
        <form method="post" action="/login">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="next" value="{{next}}">
        <label for="username">Username</label>
        <input type="text" id="username" name="username" autocomplete="username" required value="{{username}}">
        <label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button>
        </form>
        """
}
