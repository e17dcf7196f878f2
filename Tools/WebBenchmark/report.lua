-- Shared by the wrk scripts (loaded with dofile from the repository root, where run.sh runs
-- wrk): prints the first answer that was not 2xx, and the count of such answers and socket
-- errors (wrk counts non-2xx in errors.status).
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
