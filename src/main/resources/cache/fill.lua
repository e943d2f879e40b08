-- Stores a loaded value unless the key was evicted since the lookup (its fence stands): the loader may have read
-- data older than that eviction. A value looked up before a clear belongs to the old generation, where no one looks
-- any more: it is not stored either. Returns 1 when stored.
-- KEYS[1]: the cache's generation counter.
-- ARGV[1]: the prefix of the cache's keys, ARGV[2]: the key, ARGV[3]: the generation of the lookup,
-- ARGV[4]: the value, ARGV[5]: its time to live in milliseconds.
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[3] then
  return 0
end
if redis.call('EXISTS', ARGV[1] .. 'fence:' .. ARGV[2]) == 1 then
  return 0
end
redis.call('SET', ARGV[1] .. ARGV[3] .. ':' .. ARGV[2], ARGV[4], 'PX', ARGV[5])
return 1
