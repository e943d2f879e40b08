-- Checkout load for scripts/bench.sh: one customer per wrk thread (each thread has one connection), buying the
-- thread's entry of VARIANTS (the same item for all, or one each). Each thread puts one unit in its cart, then
-- checks out with a new Idempotency-Key, and again; placed and refused checkouts are counted per thread and summed
-- at the end.
local customers = {}
local threads = {}

function setup(thread)
  local index = #threads + 1
  thread:set("token", TOKENS[index])
  thread:set("id", index)
  thread:set("variant", VARIANTS[index])
  table.insert(threads, thread)
end

function init(args)
  step, placed, refused, why = 0, 0, 0, ""
  -- Keys must be new in every run: the measured run follows a warm-up with the same script, and a key used
  -- before would be answered by replaying its stored response instead of placing an order.
  started = os.time()
end

-- Where each order ships: Germany, as the shipping every bench customer chose.
ORDER = '{"shippingAddress":{"name":"Bench Customer","line1":"Teststraße 1","postalCode":"10115","city":"Berlin","country":"DE"}}'

function request()
  step = step + 1
  if step % 2 == 1 then
    return wrk.format("PUT", "/api/v1/cart/lines/" .. variant,
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, '{"quantity":1}')
  end
  return wrk.format("POST", "/api/v1/checkout",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = string.format("bench-%d-%d-%d", id, started, step) }, ORDER)
end

function response(status, headers, body)
  if step % 2 == 0 then
    if status == 201 then
      placed = placed + 1
    else
      -- Status and problem type of each refusal, so the report says which rule refused it.
      refused = refused + 1
      why = why .. " " .. status .. ":" .. (string.match(body or "", '"type":"[^"]*/([%w-]+)"') or "?")
    end
  end
end

function done(summary, latency, requests)
  local total_placed, total_refused, reasons = 0, 0, ""
  for _, thread in ipairs(threads) do
    total_placed = total_placed + thread:get("placed")
    total_refused = total_refused + thread:get("refused")
    reasons = reasons .. thread:get("why")
  end
  io.write(string.format("checkouts placed %d refused %d\n", total_placed, total_refused))
  io.write("refusals" .. reasons .. "\n")
end
