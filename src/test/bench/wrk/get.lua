-- wrk script: GETs a rotating list of paths. Each thread (one connection per thread) signs its
-- requests with its own session cookie, so N threads are N signed-in people.
-- Env: WRK_COOKIES="JSESSIONID=a; JSESSIONIDVERSION=x|JSESSIONID=b" (one session's cookies each, | between sessions) (optional), WRK_PATHS="/a|/b|/c",
-- WRK_BEARER=<token> (optional: an HR system's token for /scim/v2, sent as Authorization: Bearer).
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  local cookies = {}
  for c in string.gmatch(os.getenv("WRK_COOKIES") or "", "[^|]+") do table.insert(cookies, c) end
  paths = {}
  for p in string.gmatch(os.getenv("WRK_PATHS") or "/", "[^|]+") do table.insert(paths, p) end
  if #cookies > 0 then cookie = cookies[((id - 1) % #cookies) + 1] end
  bearer = os.getenv("WRK_BEARER")
  i = id * 7
end

function request()
  i = i + 1
  local headers = {}
  if cookie then headers["Cookie"] = cookie end
  if bearer then headers["Authorization"] = "Bearer " .. bearer end
  return wrk.format("GET", paths[(i % #paths) + 1], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"seconds":%.3f,"errors":%d,"non2xx":%d,"p50":%.3f,"p95":%.3f,"p99":%.3f}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
