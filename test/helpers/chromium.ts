import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe, it } from 'vitest';

/**
 * Headless Chromium for the browser tests: Debian's package, driven by playwright-core. CI
 * installs it (.ci/run) and the suites must run there: under CI=true a missing Chromium fails.
 * On a machine without it, each suite reports one plainly named skipped test instead.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const MISSING = `Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH) to run the browser test`;

/** Registers the failing (CI) or skipped (elsewhere) stand-in when Chromium is missing. */
export function reportMissingChromium(): void {
  if (haveChromium) return;
  describe('browser test', () => {
    if (inCi) {
      it('needs Chromium under CI', () => {
        throw new Error(MISSING);
      });
    } else {
      // Said on stderr too, where npm test shows it, not only in the list of skipped tests.
      console.warn(`browser test skipped: ${MISSING}`);
      it.skip(`SKIPPED: ${MISSING}`, () => {});
    }
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
