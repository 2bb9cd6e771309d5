import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium (package `chromium`); .ci/run installs it. Never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for this machine's closed network: without the background-networking ones Chromium
 * keeps trying to reach Google's hosts. Playwright adds --headless and starts every browser
 * with a fresh temporary --user-data-dir of its own (it refuses one passed in args).
 */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const ARTIFACTS_DIR = join(process.cwd(), 'test-artifacts');

/** Starts headless Chromium; fails (never skips) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser tests need Debian's chromium package ` +
        '(apt-get update -q && apt-get install -y -q chromium; .ci/run does this), or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Where a screenshot goes (test-artifacts/ is gitignored). */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}

/** Set by .ci/run: the browser tests must run there (Chromium is installed first). */
export const REQUIRE_BROWSER_FLAG = 'LEIDA_TEST_REQUIRE_BROWSER';

/**
 * `describe` for browser tests. Without Chromium on a developer's machine they are skipped
 * with the reason printed (so `npm test` passes on a fresh clone); where the flag is set (CI)
 * they run and fail clearly if Chromium is missing.
 */
export function describeWithBrowser(name: string, fn: () => void): void {
  if (existsSync(CHROMIUM_PATH) || process.env[REQUIRE_BROWSER_FLAG] === 'true') {
    describe(name, fn);
  } else {
    process.stdout.write(`[leida tests] skipped "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install chromium; CI installs it)\n`);
    describe.skip(`${name} (needs Chromium)`, fn);
  }
}
