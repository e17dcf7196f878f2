-- wrk script: each request logs a service (the JSON body in HARBOUR_BENCH_SERVICE_BODY, set by
-- run.sh, which checks it once with curl) for one of the clients in HARBOUR_BENCH_CLIENTS,
-- spreading the writes over many streams as a team of workers would. The requests are
-- formatted once per thread in `init` (see file.lua).
local clients = {}
for id in string.gmatch(os.getenv("HARBOUR_BENCH_CLIENTS") or "", "[^,]+") do clients[#clients + 1] = id end
local body = os.getenv("HARBOUR_BENCH_SERVICE_BODY")
local requests = {}
local counter = 0

init = function(args)
    -- wrk.format replaces the -H headers (cookie, CSRF token) when given any: pass them all.
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    headers["Content-Type"] = "application/json"
    for index, client in ipairs(clients) do
        requests[index] = wrk.format("POST", "/api/clients/" .. client .. "/services", headers, body)
    end
end

request = function()
    counter = counter + 1
    return requests[(counter % #requests) + 1]
end

dofile("Tools/WebBenchmark/report.lua")
