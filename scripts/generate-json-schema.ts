// Writes data/schema/*.schema.json from the zod schemas, so editors validate the YAML as people type,
// and the schema of the CLI's `--json` data, for the tools that read it.
// Run `npm run schema` after changing a schema; a test fails while the files are out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/core/data/json-schema.js';
import { defaultDataDir } from '../src/core/paths.js';
import { jsonDataSchema } from '../commands/command-data.js';

const dir = join(defaultDataDir(), 'schema');
mkdirSync(dir, { recursive: true });
for (const [file, schema] of Object.entries({ ...jsonSchemas(), 'cli-data.schema.json': jsonDataSchema() })) {
  writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote data/schema/${file}`);
}
