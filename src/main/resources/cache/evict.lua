-- Deletes a key of the current generation, fences it so that loads already under way cannot store their older
-- value again, and tells every instance to drop it from its local level: all at once, or not at all.
-- KEYS[1]: the cache's generation counter.
-- ARGV[1]: the prefix of the cache's keys, ARGV[2]: the key, ARGV[3]: the fence's lifetime in milliseconds,
-- ARGV[4]: the invalidation channel, ARGV[5]: the message.
local generation = redis.call('GET', KEYS[1]) or '0'
redis.call('DEL', ARGV[1] .. generation .. ':' .. ARGV[2])
redis.call('SET', ARGV[1] .. 'fence:' .. ARGV[2], '1', 'PX', ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
