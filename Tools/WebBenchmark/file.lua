-- wrk script: each request opens the file of one of the clients in HARBOUR_BENCH_CLIENTS (set
-- by run.sh) in turn; every view appends ClientFileViewed, so this route writes as it reads.
local clients = {}
for id in string.gmatch(os.getenv("HARBOUR_BENCH_CLIENTS") or "", "[^,]+") do clients[#clients + 1] = id end
local counter = 0

request = function()
    counter = counter + 1
    return wrk.format("GET", "/api/clients/" .. clients[(counter % #clients) + 1] .. "/file")
end

dofile("Tools/WebBenchmark/report.lua")
