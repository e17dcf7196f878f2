-- wrk script: each request logs a service for one of the clients listed in CLIENTS (set by
-- run.sh), spreading the writes over many streams as a team of workers would.
local clients = {}
for id in string.gmatch(os.getenv("HARBOUR_BENCH_CLIENTS") or "", "[^,]+") do clients[#clients + 1] = id end
local body = '{"component":"informationAndOrientation","deliveredOn":"'
    .. (os.getenv("HARBOUR_BENCH_DAY") or "2025-06-15")
    .. '","minutes":30,"mode":"phone","language":"en","outcome":"completed"}'
local counter = 0

request = function()
    counter = counter + 1
    local client = clients[(counter % #clients) + 1]
    -- wrk.format replaces the -H headers (cookie, CSRF token) when given any: pass them all.
    local headers = {}
    for name, value in pairs(wrk.headers) do headers[name] = value end
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/api/clients/" .. client .. "/services", headers, body)
end

dofile("Tools/WebBenchmark/report.lua")
