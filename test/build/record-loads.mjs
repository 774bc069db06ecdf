// Preloaded with `node --import` by test/build/start-up.test.ts: appends every module the
// process loads to the file named by RECORD_LOADS, one per line: ES modules (the bundle's chunks,
// external packages) through a load hook, CommonJS packages through Module._load.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const file = process.env.RECORD_LOADS;
if (file) {
  register(new URL('./record-loads-hooks.mjs', import.meta.url));
  const load = Module._load;
  Module._load = function recordRequire(request, parent, isMain) {
    appendFileSync(file, `require:${request}\n`);
    return load.call(this, request, parent, isMain);
  };
}
