#!/usr/bin/env bash
# Proves the packaging (no Docker engine here): the npm tarball, installed with production
# dependencies only into an empty folder, answers a lookup and rejects a bad configuration
# clearly. Catches data files missing from the package, and a bundle that still needs a package
# it was meant to carry (those are devDependencies, so they are not installed here).
# Usage: package-check.sh [path to a Node 24 folder]: with it, the installed package also runs
# on Node 24, the Docker image's runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
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
# The bundle (dist/app) carries the pure-JavaScript packages; only native addons and
# pino-pretty are installed beside it. Everything below runs without the others.
for bundled in discord.js @slack/bolt zod pg vega; do
  test ! -e "node_modules/$bundled" || { echo "$bundled was installed, but the bundle carries it"; exit 1; }
done
echo "installed beside the bundle: $(ls node_modules | grep -v '^\.' | wc -l) top-level packages"


echo "--- npx rolecall role \"AI Engineer\""
out=$(npx --no-install rolecall role "AI Engineer")
echo "$out" | head -n 8
echo "$out" | grep -q "^8\. AI Engineer" || { echo "role card missing"; exit 1; }
npx --no-install rolecall role "AI Engineer" --json | node -e '
  let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
    const j = JSON.parse(s);
    if (j.status !== "found" || j.role.number !== 8 || j.role.salary.us.mid.min !== 140) { console.error("bad JSON", s.slice(0, 200)); process.exit(1); }
    console.log("--json: role 8 with the reference figures");
  });'

echo "--- a chart from the package (the bundle's vega, resvg's prebuilt binary, the shipped font)"
npx --no-install rolecall salary "AI Engineer" --png "$work/salary.png" >/dev/null
head -c 8 "$work/salary.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || { echo "the chart is not a PNG"; exit 1; }
echo "--png: $(wc -c <"$work/salary.png") bytes"

echo "--- start with a bad configuration"
set +e
bad=$(env -i PATH="$PATH" HOME="$HOME" DISCORD_TOKEN=not-a-real-token-SECRET123 SLACK_BOT_TOKEN=bad-SECRET456 PORT=99999 \
  node node_modules/rolecall/dist/app/main.js 2>&1 </dev/null)
code=$?
set -e
echo "$bad"
[ "$code" -ne 0 ] || { echo "a bad configuration must exit non-zero"; exit 1; }
for var in DISCORD_APPLICATION_ID SLACK_BOT_TOKEN PORT; do
  echo "$bad" | grep -q "$var" || { echo "the message must name $var"; exit 1; }
done
if echo "$bad" | grep -qE "SECRET123|SECRET456"; then echo "a secret value was printed"; exit 1; fi
echo "--- the store from the package (SQLite driver for this Node)"
ROLECALL_DB="$work/db/rolecall.db" npx --no-install rolecall spotlight list
test -f "$work/db/rolecall.db" || { echo "the database was not created"; exit 1; }

if [ -n "$node24" ]; then
  echo "--- the same on $("$node24/bin/node" --version)"
  "$node24/bin/node" node_modules/rolecall/dist/app/cli.js role "AI Engineer" | grep -q "^8\. AI Engineer"
  "$node24/bin/node" node_modules/rolecall/dist/app/cli.js compare "AI Engineer" "ML Engineer" --svg "$work/compare24.svg" >/dev/null
  grep -q "DejaVu Sans" "$work/compare24.svg" || { echo "no chart on Node 24"; exit 1; }
  ROLECALL_DB="$work/db24/rolecall.db" "$node24/bin/node" node_modules/rolecall/dist/app/cli.js spotlight list
  test -f "$work/db24/rolecall.db" || { echo "the database was not created on Node 24"; exit 1; }
fi
echo "package check passed"
