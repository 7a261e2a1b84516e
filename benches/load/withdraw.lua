-- wrk script: durable withdrawals of 0.01 spread over WALLETS wallets (u1 … uN), with a bearer
-- token. The number of responses that were not 200 is printed at the end.
local wallets = tonumber(os.getenv("WALLETS") or "64")
local token = os.getenv("TOKEN")
local counter = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = '{"amount":"0.01"}'

-- SERVERS ("host:port,host:port,…"), when set: the threads are dealt out over these servers in
-- turn, so several servers on one database share the load (wrk's own URL names the first).
local servers = os.getenv("SERVERS")
local dealt = 0
setup = function(thread)
  if servers then
    local list = {}
    for address in string.gmatch(servers, "[^,]+") do table.insert(list, address) end
    local host, port = string.match(list[dealt % #list + 1], "^(.*):(%d+)$")
    thread.addr = wrk.lookup(host, port)[1]
    dealt = dealt + 1
  end
end

-- Each thread starts at its own wallet so threads do not march in step.
init = function(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  counter = math.random(wallets)
end

request = function()
  counter = counter + 1
  return wrk.format(nil, "/wallets/u" .. (counter % wallets + 1) .. "/withdraw")
end

done = function(summary, latency, requests)
  io.write(string.format("non200=%d\n", summary.errors.status))
end
