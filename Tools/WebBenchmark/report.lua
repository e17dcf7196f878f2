-- Shared by the wrk scripts (loaded with dofile from the repository root, where run.sh runs
-- wrk): prints how many answers were not 2xx and how many sockets failed. wrk counts non-2xx
-- in errors.status by itself; a `response` callback would make it copy every body into Lua
-- (about a tenth of a core at 10,000 requests/s, taken from the server it measures), so
-- run.sh checks each route's answer once with curl before its run instead.
done = function(summary, latency, requests)
    local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("non-2xx or socket errors: %d\n", errors))
end
