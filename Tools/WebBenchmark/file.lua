-- wrk script: each request opens the file of one of the clients in HARBOUR_BENCH_CLIENTS (set
-- by run.sh) in turn; every view appends ClientFileViewed, so this route writes as it reads.
local clients = {}
for id in string.gmatch(os.getenv("HARBOUR_BENCH_CLIENTS") or "", "[^,]+") do clients[#clients + 1] = id end
local counter = 0

request = function()
    counter = counter + 1
    return wrk.format("GET", "/api/clients/" .. clients[(counter % #clients) + 1] .. "/file")
end

local reported = false
response = function(status, headers, body)
    if status >= 300 and not reported then
        reported = true
        io.write(string.format("first answer that was not 2xx: %d %s\n", status, string.sub(body, 1, 300)))
    end
end

done = function(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("non-2xx or socket errors: %d\n", errors))
end
