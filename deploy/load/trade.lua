-- wrk script: traders asking for quotes and taking them, as fast as the service answers.
-- Each wrk thread keeps the quotes it has been given; a connection that is free takes one with a trade (a fresh
-- Idempotency-Key) or, when none is waiting, asks for a new quote. A trade counts once the service answers 201.
-- Environment: TOKEN (a trader's bearer token), VAULTS (comma-separated ids), EXPIRY (ISO-8601), RUN (a tag that
-- keeps this run's idempotency keys apart from earlier runs'), MODE ("trade" or "quote": quotes only), STRIKE (of
-- the call, 2000 unless given).

local threads = {}

function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  token = os.getenv("TOKEN")
  mode = os.getenv("MODE") or "trade"
  run = os.getenv("RUN") or tostring(os.time())
  expiry = os.getenv("EXPIRY")
  strike = os.getenv("STRIKE") or "2000"
  vaults = {}
  for v in string.gmatch(os.getenv("VAULTS") or "eth-usd", "[^,]+") do table.insert(vaults, v) end
  waiting = {}          -- {vault, quoteId} given to this thread and not traded yet
  sent = 0
  quoted, traded, refused = 0, 0, 0
  headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
end

function request()
  sent = sent + 1
  if mode == "trade" and #waiting > 0 then
    local q = table.remove(waiting)
    headers["Idempotency-Key"] = run .. "-" .. number .. "-" .. sent
    return wrk.format("POST", "/api/v1/vaults/" .. q[1] .. "/trades", headers,
      '{"quoteId":"' .. q[2] .. '","maxPremium":"1000000"}')
  end
  headers["Idempotency-Key"] = nil
  local vault = vaults[(sent % #vaults) + 1]
  return wrk.format("POST", "/api/v1/vaults/" .. vault .. "/quotes", headers,
    '{"type":"call","strike":"' .. strike .. '","expiry":"' .. expiry .. '","quantity":"0.01"}')
end

function response(status, headers, body)
  if status ~= 201 then
    refused = refused + 1
    if refused <= 3 then io.stderr:write("refused " .. status .. ": " .. body .. "\n") end
    return
  end
  local id = body:match('"quoteId":"([^"]+)"')
  if id then
    quoted = quoted + 1
    if mode == "trade" then table.insert(waiting, {id:match("^(.*)%-q%d+$") or vaults[1], id}) end
  elseif body:match('"tradeId"') then
    traded = traded + 1
  end
end

function done(summary, latency, requests)
  local q, t, r = 0, 0, 0
  for _, thread in ipairs(threads) do
    q = q + thread:get("quoted")
    t = t + thread:get("traded")
    r = r + thread:get("refused")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT quotes=%d trades=%d refused=%d seconds=%.2f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    q, t, r, seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
