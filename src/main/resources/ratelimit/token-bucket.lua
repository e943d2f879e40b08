-- Takes tokens from buckets in one step, for the batch of requests that arrived together: one bucket per key,
-- each asked for as many tokens as the batch has requests for it (and, for a busy key, some ahead). Redis runs a
-- script to its end before any other command, so concurrent callers for one key wait their turn here instead of
-- retrying a compare-and-swap.
--
-- KEYS[i]        a bucket
-- ARGV[3i - 2]   its capacity: tokens in a full bucket
-- ARGV[3i - 1]   its period in microseconds: an empty bucket is full again after it, refilled evenly
-- ARGV[3i]       tokens wanted from it
-- Returns        for each key in turn: tokens granted, tokens left, microseconds until the next token,
--                microseconds until full
--
-- The clock is Redis's own, so instances whose clocks disagree still agree on every bucket. Tokens are
-- counted in units of 1/period so that refilling stays in whole numbers: each microsecond adds `capacity`
-- units and a token is `period` units (exact while capacity * period < 2^53). A key holds
-- "<units> <microseconds>" and expires when its bucket would be full again: a full bucket and no key are alike.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local answers = {}

for i, key in ipairs(KEYS) do
  local capacity = tonumber(ARGV[3 * i - 2])
  local period = tonumber(ARGV[3 * i - 1])
  local wanted = tonumber(ARGV[3 * i])
  local full = capacity * period

  local units = full
  -- Anything else under the key (such as an older format) counts as no key: a full bucket.
  local stored, at = string.match(redis.call('GET', key) or '', '^(%d+) (%d+)$')
  if stored then
    -- More than one period cannot add to a full bucket, so it is not counted (no overflow); a stored time
    -- ahead of now (after a failover to a server whose clock is behind) adds nothing.
    local elapsed = math.min(math.max(now - tonumber(at), 0), period)
    units = math.min(full, tonumber(stored) + elapsed * capacity)
  end

  -- Whole tokens only, as many as the batch wants: its first requests get them, the rest are refused.
  local granted = math.min(wanted, math.floor(units / period))
  units = units - granted * period
  local untilToken = math.max(math.ceil((period - units) / capacity), 0)
  local untilFull = math.ceil((full - units) / capacity)
  -- Refused requests change nothing, so only taken tokens are written.
  if granted > 0 then
    redis.call('SET', key, string.format('%d %d', units, now), 'PX', math.ceil(untilFull / 1000))
  end
  local first = 4 * i - 3
  answers[first] = granted
  answers[first + 1] = math.floor(units / period)
  answers[first + 2] = untilToken
  answers[first + 3] = untilFull
end
return answers
