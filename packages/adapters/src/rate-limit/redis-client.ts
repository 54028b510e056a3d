import { Redis } from 'ioredis';

/**
 * One ioredis connection for REDIS_URL (redis:// or rediss://). It connects at once and
 * queues commands while reconnecting, but gives up on a command after a couple of
 * retries so a Redis outage fails fast instead of hanging requests.
 */
export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}
