-- wrk script: each thread (one connection, one signed-in administrator) grants its own person
-- access to its own premises over the JSON API, then revokes it, over and over.
-- Env: WRK_COOKIES="JSESSIONID=a; JSESSIONIDVERSION=x|...", WRK_PAIRS="account@nhs.net,FM664/FA123/...;..." (one per thread:
-- a person and the premises it is granted at in turn).
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  local cookies, pairs = {}, {}
  for c in string.gmatch(os.getenv("WRK_COOKIES") or "", "[^|]+") do table.insert(cookies, c) end
  for p in string.gmatch(os.getenv("WRK_PAIRS") or "", "[^;]+") do table.insert(pairs, p) end
  cookie = cookies[((id - 1) % #cookies) + 1]
  local pair = pairs[((id - 1) % #pairs) + 1]
  account, places = string.match(pair, "([^,]+),([^,]+)")
  codes = {}
  for c in string.gmatch(places, "[^/]+") do table.insert(codes, c) end
  turn = 0
  pending = nil
end

function request()
  local headers = { ["Cookie"] = cookie, ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  if pending then
    return wrk.format("POST", "/api/delegations/" .. pending .. "/revoke", headers,
      '{"reason":"Benchmark revoke","confirm":true}')
  end
  turn = turn + 1
  local ods = codes[(turn % #codes) + 1]
  return wrk.format("POST", "/api/delegations", headers, string.format(
    '{"odsCode":"%s","account":"%s","permissions":["FULL_ACCESS"],"owner":false,"reason":"Benchmark grant"}', ods, account))
end

function response(status, headers, body)
  if pending then
    pending = nil
  elseif status == 201 then
    pending = string.match(body, '"id":(%d+)')
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"seconds":%.3f,"errors":%d,"non2xx":%d,"p50":%.3f,"p95":%.3f,"p99":%.3f}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
