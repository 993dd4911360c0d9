-- POST /api/assessments, cycling through varied valid answer sets (one JSON body a line).
-- Usage: wrk ... -s submit.lua http://127.0.0.1:PORT -- /path/to/answer-sets.jsonl
local bench_dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(bench_dir .. "report.lua")
dofile(bench_dir .. "thread-numbers.lua")

local requests = {}
local next_index = 1

function init(args)
   local headers = { ["Content-Type"] = "application/json" }
   for body in io.lines(args[1]) do
      if body ~= "" then
         -- Formatted once here, so the per-request cost on wrk's side is a table lookup.
         requests[#requests + 1] = wrk.format("POST", "/api/assessments", headers, body)
      end
   end
   assert(#requests > 0, "no answer sets in " .. tostring(args[1]))
   next_index = (thread_number * 7) % #requests + 1
end

function request()
   local r = requests[next_index]
   next_index = next_index % #requests + 1
   return r
end
