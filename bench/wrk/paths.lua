-- GET each path of a file in turn (one path a line, e.g. /results/{id} or /api/assessments/{id}).
-- Usage: wrk ... -s paths.lua http://127.0.0.1:PORT -- /path/to/paths.txt
local bench_dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(bench_dir .. "report.lua")
dofile(bench_dir .. "thread-numbers.lua")

local requests = {}
local next_index = 1

function init(args)
   for path in io.lines(args[1]) do
      if path ~= "" then
         -- Formatted once here, so the per-request cost on wrk's side is a table lookup.
         requests[#requests + 1] = wrk.format("GET", path)
      end
   end
   assert(#requests > 0, "no paths in " .. tostring(args[1]))
   next_index = (thread_number * 7) % #requests + 1
end

function request()
   local r = requests[next_index]
   next_index = next_index % #requests + 1
   return r
end
