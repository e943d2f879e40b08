-- wrk at a fixed rate: each connection (one per wrk thread) sends on a schedule of evenly spaced times, RATE
-- requests a second in all, and a request's latency runs from the time it was due, not from when it went out.
-- A slow answer delays the requests due after it on its connection, and they count that wait, so a stall shows in
-- the percentiles as long as it lasted (no coordinated omission). The connections stay the ones opened at the start.
-- Prepended by scripts/bench.sh: the scenario's wrk.method/headers/body, RATE (requests a second in all) and
-- CONNECTIONS (wrk's -c and -t).
-- Prints "paced: <requests> <req/s> <p50 ms> <p99 ms> <errors>" at the end.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } paced_timespec;
  int clock_gettime(int clock, paced_timespec *time);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("paced_timespec")

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1e6 + tonumber(clock.tv_nsec) / 1e3
end

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- Per thread from here on: one connection, its schedule and the latencies it saw (microseconds).
local interval, due
latencies = {}

function init(args)
  interval = 1e6 * CONNECTIONS / RATE
  -- Connections start spread over one interval, so the load is even from the first request.
  due = now_us() + interval * id / CONNECTIONS
end

function delay()
  return math.max(0, math.ceil((due - now_us()) / 1000))
end

function response()
  latencies[#latencies + 1] = now_us() - due
  due = due + interval
end

function done(summary)
  local all = {}
  for _, thread in ipairs(threads) do
    for _, latency in ipairs(thread:get("latencies")) do all[#all + 1] = latency end
  end
  table.sort(all)
  local function percentile(p)
    if #all == 0 then return 0 end
    return all[math.max(1, math.ceil(#all * p))] / 1000
  end
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format("paced: %d %.0f %.2f %.2f %d\n", #all, #all / (summary.duration / 1e6),
    percentile(0.50), percentile(0.99), failed))
end
