-- Starts a new generation of the cache, so that no key stored so far is found again (they expire by themselves:
-- nothing scans), and tells every instance to drop the cache's local level: all at once, or not at all.
-- KEYS[1]: the cache's generation counter.
-- ARGV[1]: the invalidation channel, ARGV[2]: the message.
redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], ARGV[2])
return 1
