import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/**
 * Redis for tests: a random key prefix per run, deleted afterwards. Without Redis the Redis half
 * of a suite is skipped locally (with a message) and fails in CI, like the PostgreSQL half.
 */

export const TEST_REDIS_URL = process.env.POORTWACHTER_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

let reachable: Promise<boolean> | undefined;

export function redisReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new Redis(TEST_REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      retryStrategy: () => null,
    });
    try {
      await client.connect();
      return (await client.ping()) === "PONG";
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  })();
  return reachable;
}

/** Whether to run the Redis half; throws in CI when Redis is missing. */
export async function redisAvailable(): Promise<boolean> {
  if (await redisReachable()) return true;
  if (process.env.CI === "true" || process.env.CI === "1") {
    throw new Error(`Redis at ${TEST_REDIS_URL} is unreachable; it is required when CI is set`);
  }
  process.stderr.write(
    `Redis at ${TEST_REDIS_URL} is unreachable: skipping the Redis half of this suite (set POORTWACHTER_TEST_REDIS_URL)\n`,
  );
  return false;
}

export interface TestRedis {
  prefix: string;
  /** A new connection (e.g. one per simulated instance); closed by `dispose()`. */
  client(): Redis;
  dispose(): Promise<void>;
}

export function openTestRedis(): TestRedis {
  const prefix = `pw-test:${randomBytes(6).toString("hex")}:`;
  const clients: Redis[] = [];
  return {
    prefix,
    client() {
      const c = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
      clients.push(c);
      return c;
    },
    async dispose() {
      const cleaner = new Redis(TEST_REDIS_URL);
      try {
        let cursor = "0";
        do {
          const [next, keys] = await cleaner.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
          cursor = next;
          if (keys.length > 0) await cleaner.del(...keys);
        } while (cursor !== "0");
      } finally {
        await cleaner.quit();
        await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
      }
    },
  };
}
