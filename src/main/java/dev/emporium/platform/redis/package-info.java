/**
 * The instance's connection to Redis when {@code emporium.redis.url} is set, shared by rate limiting and the cache:
 * one Lettuce client with bounded commands, scripts run by their SHA-1, and rate-limited warnings while Redis is away.
 */
package dev.emporium.platform.redis;
