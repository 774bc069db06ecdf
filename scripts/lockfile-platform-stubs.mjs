// Adds lockfile entries for rollup's platform binaries that this workplace's npm registry does
// not serve (it holds the linux-x64 builds only). Without them `npm ci` refuses the lockfile as
// out of sync. Each entry carries the os/cpu/libc its name encodes, so npm skips it here and
// fetches it normally on a platform that needs it. Run after any `npm install` that rewrites the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const pattern =
  /^@rollup\/rollup-(android|darwin|freebsd|linux|openbsd|openharmony|win32)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x)(?:-(gnueabihf|musleabihf|gnu|musl|msvc|eabi))?$/;
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const m = pattern.exec(name);
    const at = `${key ? `${key}/` : ''}node_modules/${name}`;
    if (!m || lock.packages[`node_modules/${name}`] || lock.packages[at]) continue;
    const [, os, cpu, abi] = m;
    const stub = { version, cpu: [cpu], ...(entry.dev ? { dev: true } : {}), license: 'MIT', optional: true, os: [os] };
    if (abi === 'gnu' || abi === 'gnueabihf') stub.libc = ['glibc'];
    if (abi === 'musl' || abi === 'musleabihf') stub.libc = ['musl'];
    lock.packages[`node_modules/${name}`] = stub;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform stub(s) to package-lock.json`);
