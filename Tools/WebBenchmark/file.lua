-- wrk script: each request opens the file of one of the clients in HARBOUR_BENCH_CLIENTS (set
-- by run.sh) in turn; every view appends ClientFileViewed, so this route writes as it reads.
-- The requests are formatted once per thread in `init`: formatting one per request cost wrk
-- about a tenth of a core, which it took from the server on this 2-core machine.
local clients = {}
for id in string.gmatch(os.getenv("HARBOUR_BENCH_CLIENTS") or "", "[^,]+") do clients[#clients + 1] = id end
local requests = {}
local counter = 0

init = function(args)
    for index, client in ipairs(clients) do
        requests[index] = wrk.format("GET", "/api/clients/" .. client .. "/file")
    end
end

request = function()
    counter = counter + 1
    return requests[(counter % #requests) + 1]
end

dofile("Tools/WebBenchmark/report.lua")
