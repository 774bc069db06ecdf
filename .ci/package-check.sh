#!/usr/bin/env bash
# Proves the packaging (no Docker engine here): the npm tarball, installed with production
# dependencies only into an empty folder, installs every package it declares and ships the
# notice file; it answers a lookup, draws a chart and rejects a bad configuration clearly; and
# those runs run the bundle (dist/app), loading none of the packages it carries from
# node_modules. Catches data files missing from the package, a runtime package left in
# devDependencies, and a bundle that quietly stopped carrying a package.
# Usage: package-check.sh [path to a Node 24 folder]: with it, the installed package also runs
# on Node 24, the Docker image's runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
node24=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
echo "packed $tarball ($(du -h "$work/$tarball" | cut -f1))"
mkdir "$work/app"
cd "$work/app"
npm init -y >/dev/null
npm install --omit=dev --no-audit --no-fund "$work/$tarball" >/dev/null
test ! -e node_modules/vitest || { echo "dev dependency vitest was installed"; exit 1; }
test ! -e node_modules/typescript || { echo "dev dependency typescript was installed"; exit 1; }
app=node_modules/rolecall
# What runs in production is declared, so audit tools, SBOMs and `npm update` see it.
for dep in $(node -p "Object.keys(require('./$app/package.json').dependencies).join(' ')"); do
  test -f "node_modules/$dep/package.json" || { echo "dependency $dep was not installed"; exit 1; }
done
for runs in discord.js @discordjs/rest discord-api-types @slack/bolt @slack/web-api @slack/oauth zod fuse.js node-cron pg pino vega; do
  test -f "node_modules/$runs/package.json" || { echo "$runs runs in production but was not installed"; exit 1; }
done
echo "installed: $(ls node_modules | grep -v '^\.' | wc -l) top-level packages, $(du -sh node_modules | cut -f1)"
notices=$app/dist/THIRD-PARTY-NOTICES.txt
for bundled in "discord.js 14" "fuse.js 7" "vega 6" "pg 8" "pino 9" "@slack/bolt 5"; do
  grep -q "^$bundled\." "$notices" || { echo "$notices does not name $bundled"; exit 1; }
done
echo "$notices: the licences of $(grep -c '^Licence: ' "$notices") bundled packages"

# The runs after the first record what they load (test/build/record-loads.mjs) into one file.
loads="$work/loads.txt"
record=(--import "$root/test/build/record-loads.mjs")
export RECORD_LOADS="$loads"

echo "--- npx rolecall role \"AI Engineer\""
out=$(npx --no-install rolecall role "AI Engineer")
echo "$out" | head -n 8
echo "$out" | grep -q "^8\. AI Engineer" || { echo "role card missing"; exit 1; }
node "${record[@]}" $app/dist/app/cli.js role "AI Engineer" --json | node -e '
  let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
    const j = JSON.parse(s);
    if (j.status !== "found" || j.role.number !== 8 || j.role.salary.us.mid.min !== 140) { console.error("bad JSON", s.slice(0, 200)); process.exit(1); }
    console.log("--json: role 8 with the reference figures");
  });'

echo "--- a chart from the package (the bundle's vega, resvg's prebuilt binary, the shipped font)"
node "${record[@]}" $app/dist/app/cli.js salary "AI Engineer" --png "$work/salary.png" >/dev/null
head -c 8 "$work/salary.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || { echo "the chart is not a PNG"; exit 1; }
echo "--png: $(wc -c <"$work/salary.png") bytes"

echo "--- start with a bad configuration"
set +e
bad=$(env -i PATH="$PATH" HOME="$HOME" RECORD_LOADS="$loads" \
  DISCORD_TOKEN=not-a-real-token-SECRET123 SLACK_BOT_TOKEN=bad-SECRET456 PORT=99999 \
  node "${record[@]}" $app/dist/app/main.js 2>&1 </dev/null)
code=$?
set -e
echo "$bad"
[ "$code" -ne 0 ] || { echo "a bad configuration must exit non-zero"; exit 1; }
for var in DISCORD_APPLICATION_ID SLACK_BOT_TOKEN PORT; do
  echo "$bad" | grep -q "$var" || { echo "the message must name $var"; exit 1; }
done
if echo "$bad" | grep -qE "SECRET123|SECRET456"; then echo "a secret value was printed"; exit 1; fi
echo "--- the store from the package (SQLite driver for this Node)"
ROLECALL_DB="$work/db/rolecall.db" node "${record[@]}" $app/dist/app/cli.js spotlight list
test -f "$work/db/rolecall.db" || { echo "the database was not created"; exit 1; }

if [ -n "$node24" ]; then
  echo "--- the same on $("$node24/bin/node" --version)"
  "$node24/bin/node" "${record[@]}" $app/dist/app/cli.js role "AI Engineer" | grep -q "^8\. AI Engineer"
  "$node24/bin/node" "${record[@]}" $app/dist/app/cli.js compare "AI Engineer" "ML Engineer" --svg "$work/compare24.svg" >/dev/null
  grep -q "DejaVu Sans" "$work/compare24.svg" || { echo "no chart on Node 24"; exit 1; }
  ROLECALL_DB="$work/db24/rolecall.db" "$node24/bin/node" "${record[@]}" $app/dist/app/cli.js spotlight list
  test -f "$work/db24/rolecall.db" || { echo "the database was not created on Node 24"; exit 1; }
fi
unset RECORD_LOADS

echo "--- what those runs loaded from node_modules"
node - "$loads" "$notices" <<'EOF'
const { readFileSync } = require('node:fs');
const { isBuiltin } = require('node:module');
const [loads, notices] = process.argv.slice(2);
// The notice file names each bundled package on the line after a rule: "<name> <version>".
const lines = readFileSync(notices, 'utf8').split('\n');
const bundled = new Set(lines.filter((_, i) => lines[i - 1] === '='.repeat(80)).map((l) => l.slice(0, l.lastIndexOf(' '))));
const loaded = new Set();
for (const line of readFileSync(loads, 'utf8').split('\n').filter(Boolean)) {
  const request = line.startsWith('require:') ? line.slice('require:'.length) : undefined;
  if (request !== undefined && (isBuiltin(request) || /^[./]/.test(request))) continue;
  const name = request !== undefined ? /^((?:@[^/]+\/)?[^/]+)/.exec(request)?.[1] : /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line)?.[1];
  if (name && name !== 'rolecall') loaded.add(name);
}
if (!readFileSync(loads, 'utf8').includes('/node_modules/rolecall/dist/app/')) throw new Error('no run loaded the bundle');
const wrong = [...loaded].filter((name) => bundled.has(name));
console.log(`asked of node_modules (loaded, or tried and absent): ${[...loaded].sort().join(', ')}`);
if (wrong.length) {
  console.error(`the bundle carries these, yet they were loaded from node_modules: ${wrong.join(', ')}`);
  process.exit(1);
}
EOF
echo "package check passed"
