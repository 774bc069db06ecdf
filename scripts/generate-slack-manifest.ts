// Writes slack/manifest.yml's slash commands from the command registry (commands/index.ts).
// Its unfurl domain is ROLECALL_PUBLIC_URL's host when that is set (the request URL's otherwise).
// Run `npm run manifest` after adding or changing a command; a test fails while the file is out of date.
// `npm run manifest -- --no-short-commands` declares /rolecall alone (/rolecall salary …), for a
// workspace whose other apps already own /role or /help; the checked-in file keeps both.
// `--out <file>` writes there instead, leaving slack/manifest.yml as it is.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { currentManifest, MANIFEST_FILE, withRegistryCommands } from './slack-manifest.js';

const { values } = parseArgs({ options: { 'no-short-commands': { type: 'boolean' }, out: { type: 'string' } } });
const shortCommands = !values['no-short-commands'];
const publicUrl = process.env.ROLECALL_PUBLIC_URL?.trim() || undefined;
const out = values.out ?? MANIFEST_FILE;
writeFileSync(out, withRegistryCommands(currentManifest(), undefined, { shortCommands, ...(publicUrl ? { publicUrl } : {}) }));
console.log(`wrote ${values.out ?? 'slack/manifest.yml'}${shortCommands ? '' : ' (/rolecall only)'}`);
