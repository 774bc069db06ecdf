/**
 * The V8 flags production runs with (`npm start`, the Dockerfile), so the suites measure what
 * production runs. Each one trades a little speed a chat bot does not need for memory:
 * - --max-semi-space-size=2: young-generation semi-spaces of 2 MB, not up to 16 MB; a bot's
 *   steady allocation rate does not need more, and V8 keeps what it grew as RSS.
 * - --optimize-for-size: the old generation grows less between collections.
 * - --v8-pool-size=1: one V8 background thread instead of four (two cores here; each thread
 *   keeps its own allocator arenas).
 * Measured on the service with both platforms, median of 5 starts, RSS ready / after 1,000
 * Discord interactions: semi-spaces only 92 / 122 MB; with --optimize-for-size 88 / 105 MB;
 * with all three 86 / 98 MB. The Discord suite's latencies stayed within noise (role card p50
 * 1.8–2.3 ms, p99 7–9 ms against a 20 ms target). MALLOC_ARENA_MAX=2 made RSS worse (110 / 119).
 */
export const PRODUCTION_NODE_FLAGS = ['--max-semi-space-size=2', '--optimize-for-size', '--v8-pool-size=1'];
