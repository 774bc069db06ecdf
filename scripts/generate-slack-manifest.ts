// Writes slack/manifest.yml's slash commands from the command registry (commands/index.ts).
// Its unfurl domain is ROLECALL_PUBLIC_URL's host when that is set (the request URL's otherwise).
// Run `npm run manifest` after adding or changing a command; a test fails while the file is out of date.
import { writeFileSync } from 'node:fs';
import { currentManifest, MANIFEST_FILE, withRegistryCommands } from './slack-manifest.js';

writeFileSync(MANIFEST_FILE, withRegistryCommands(currentManifest(), undefined, process.env.ROLECALL_PUBLIC_URL?.trim() || undefined));
console.log('wrote slack/manifest.yml');
