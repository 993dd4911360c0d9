-- Each wrk thread has its own Lua state; number them (as the global thread_number in init and
-- request) so scripts that cycle through a list can start each thread at a different entry.
local threads_made = 0
function setup(thread)
   thread:set("thread_number", threads_made)
   threads_made = threads_made + 1
end
