-- A cached value and the generation it was looked up under, in one round trip: {generation, value or nil}.
-- KEYS[1]: the cache's generation counter (absent until the first clear: generation 0).
-- ARGV[1]: the prefix of the cache's keys ("emporium:cache:<name>:"), ARGV[2]: the key.
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}
