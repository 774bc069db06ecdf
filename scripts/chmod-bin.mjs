// tsc does not keep the executable bit; the CLI entry needs it for `npx rolecall`.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/src/cli/main.js', import.meta.url), 0o755);
