// Runs one benchmark suite in this process (bench/index.ts starts one process per suite).
const suite = process.argv[2];
const loaders: Record<string, () => Promise<() => Promise<void>>> = {
  resolve: async () => (await import('./resolve.js')).benchResolve,
  ask: async () => (await import('./ask.js')).benchAsk,
  startup: async () => (await import('./startup.js')).benchStartup,
  discord: async () => (await import('./discord.js')).benchDiscord,
  slack: async () => (await import('./slack.js')).benchSlack,
  hardening: async () => (await import('./hardening.js')).benchHardening,
  'scale-out': async () => (await import('./scale-out.js')).benchScaleOut,
  installs: async () => (await import('./installs.js')).benchInstalls,
  charts: async () => (await import('./charts.js')).benchCharts,
  pages: async () => (await import('./pages.js')).benchPages,
  profile: async () => (await import('./profile.js')).benchProfile,
  spotlight: async () => {
    const mod = (await import('./spotlight.js').catch(() => undefined)) as { benchSpotlight?: () => Promise<void> } | undefined;
    return mod?.benchSpotlight ?? (async () => console.log('\n## Spotlight\n(not available)'));
  },
};
const load = suite ? loaders[suite] : undefined;
if (!load) {
  console.error(`usage: run-suite.ts ${Object.keys(loaders).join('|')}`);
  process.exit(2);
}
await (await load())();
process.exit(0);
