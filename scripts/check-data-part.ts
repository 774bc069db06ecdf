// Validates a partial data file against the zod schemas (no cross-references), for data editing in pieces.
// Usage: npx tsx scripts/check-data-part.ts <file.yaml> roles|reference
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { RolesFile } from '../src/core/schema/role.js';
import { Reference } from '../src/core/schema/reference.js';

const [file, kind] = process.argv.slice(2);
if (!file || (kind !== 'roles' && kind !== 'reference')) {
  console.error('usage: tsx scripts/check-data-part.ts <file.yaml> roles|reference');
  process.exit(2);
}
const doc: unknown = parse(readFileSync(file, 'utf8'));
const result = (kind === 'roles' ? RolesFile : Reference).safeParse(doc);
if (!result.success) {
  for (const issue of result.error.issues) console.error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
console.log(`${file}: valid`);
