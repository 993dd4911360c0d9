-- POST the stock template's sign-in form with an address no account has: its one request that asks
-- its database (ASP.NET Core Identity through EF Core) on every request, answered 200 with
-- "Invalid login attempt." Usage: wrk ... -s template-login.lua URL -- TOKEN COOKIE
-- (an antiforgery form token and its cookie, "name=value", read once with curl; the pair stays valid).
local bench_dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(bench_dir .. "report.lua")

function init(args)
   wrk.method = "POST"
   wrk.path = "/Identity/Account/Login"
   wrk.body = "Input.Email=nobody%40example.org&Input.Password=not-a-password&Input.RememberMe=false&__RequestVerificationToken=" .. args[1]
   wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
   wrk.headers["Cookie"] = args[2]
end
