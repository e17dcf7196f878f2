-- wrk script: each request logs a service for one of the clients listed in CLIENTS (set by
-- run.sh), spreading the writes over many streams as a team of workers would. The requests
-- are formatted once per thread in `init` (see file.lua).
local clients = {}
for id in string.gmatch(os.getenv("HARBOUR_BENCH_CLIENTS") or "", "[^,]+") do clients[#clients + 1] = id end
local body = '{"component":"informationAndOrientation","deliveredOn":"'
    .. (os.getenv("HARBOUR_BENCH_DAY") or "2025-06-15")
    .. '","minutes":30,"mode":"phone","language":"en","outcome":"completed"}'
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
