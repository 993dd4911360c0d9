-- Prints one machine-readable line at the end of a wrk run; bench/run.sh turns it into the table.
-- Errors are wrk's own counts: responses with status >= 400 plus connect/read/write/timeout errors.
-- (run.sh checks beforehand that each URL answers 2xx, so no 3xx hides among the "successes".)
-- Defining only done() keeps wrk on its fast path: no Lua runs per request.
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "KTBENCH requests=%d duration_us=%d p50_us=%d p99_us=%d status_errors=%d socket_errors=%d\n",
      summary.requests, summary.duration,
      latency:percentile(50), latency:percentile(99),
      e.status, e.connect + e.read + e.write + e.timeout))
end
