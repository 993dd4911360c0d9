-- GET /results/{token}, cycling through tokens created before the run.
-- Usage: wrk ... -s results.lua http://127.0.0.1:PORT -- /path/to/tokens.txt   (one token a line)
local bench_dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(bench_dir .. "report.lua")
dofile(bench_dir .. "thread-numbers.lua")

local paths = {}
local next_index = 1

function init(args)
   for token in io.lines(args[1]) do
      if token ~= "" then
         -- Formatted once here, so the per-request cost on wrk's side is a table lookup.
         paths[#paths + 1] = wrk.format("GET", "/results/" .. token)
      end
   end
   assert(#paths > 0, "no tokens in " .. tostring(args[1]))
   next_index = (thread_number * 7) % #paths + 1
end

function request()
   local r = paths[next_index]
   next_index = next_index % #paths + 1
   return r
end
