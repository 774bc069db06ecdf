// The load hook of record-loads.mjs (module hooks run on their own thread).
import { appendFileSync } from 'node:fs';

export async function load(url, context, next) {
  appendFileSync(process.env.RECORD_LOADS, `${url}\n`);
  return next(url, context);
}
