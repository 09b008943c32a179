/** Rate limits: generous for files, stricter for API routes (which opt in per route). */

import type { RateLimits } from '../part.ts';

/** Files: a city view fetches hundreds of tiles in seconds; 100 a second per client, on average over a minute. */
export const DEFAULT_RATE_LIMITS: RateLimits = { perMinute: 6000 };

/**
 * For API routes (writes, searches): `app.post('/', { config: { rateLimit: API_RATE_LIMIT } }, handler)`.
 * Two a second per client, on average over a minute.
 */
export const API_RATE_LIMIT = { max: 120, timeWindow: 60_000 } as const;
