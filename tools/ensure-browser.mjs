#!/usr/bin/env node
// Ensures a Chromium exists for the e2e tests (plain JS, Node 20, no dependencies).
//
// Order:
//   1. $CHROMIUM_PATH if set and executable, else /usr/bin/chromium if it exists: print its version, done.
//   2. apt-get available and running as root (or passwordless sudo): `apt-get update && apt-get install -y chromium`.
//   3. Fallback: `npx playwright-core install chromium` (needs internet access to Playwright's CDN).
//
// Tests locate the browser with `process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'`.
// When the browser is not at /usr/bin/chromium, this script prints the line
//   CHROMIUM_PATH=<path>
// so a caller can export it (e.g. `export $(node tools/ensure-browser.mjs | grep ^CHROMIUM_PATH=)`).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { aptAccess, isExecutable, run as runTagged } from './lib/system.mjs';

const DEFAULT_PATH = '/usr/bin/chromium';

function version(path) {
  try {
    // Debian's wrapper prints a harmless shell warning on stderr; keep only stdout.
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).trim();
  } catch (err) {
    return `(version unknown: ${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
}

function done(path) {
  console.log(`[ensure-browser] Chromium: ${path} — ${version(path)}`);
  if (path !== DEFAULT_PATH) console.log(`CHROMIUM_PATH=${path}`);
  process.exit(0);
}

const run = (cmd, args) => runTagged('ensure-browser', cmd, args);

/** Finds a Chromium under Playwright's browser cache (for the npx fallback). */
function findPlaywrightChromium() {
  const roots = [process.env.PLAYWRIGHT_BROWSERS_PATH, join(homedir(), '.cache', 'ms-playwright')].filter(Boolean);
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const dirs = readdirSync(root)
      .filter((d) => /^chromium-\d+$/.test(d))
      .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
    for (const d of dirs) {
      for (const rel of ['chrome-linux64/chrome', 'chrome-linux/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium']) {
        const p = join(root, d, rel);
        if (isExecutable(p)) return p;
      }
    }
  }
  return null;
}

// 1. Already there?
const fromEnv = process.env.CHROMIUM_PATH;
if (fromEnv) {
  if (isExecutable(fromEnv)) done(fromEnv);
  console.warn(`[ensure-browser] CHROMIUM_PATH=${fromEnv} is not executable; looking elsewhere.`);
}
if (isExecutable(DEFAULT_PATH)) done(DEFAULT_PATH);

// 2. Debian/Ubuntu as root (or with passwordless sudo, as on hosted CI runners).
const apt = aptAccess('ensure-browser');
if (apt) {
  try {
    apt.asRoot('apt-get', ['update']);
    apt.asRoot('apt-get', ['install', '-y', 'chromium']);
  } catch (err) {
    console.error(`[ensure-browser] apt-get failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (isExecutable(DEFAULT_PATH)) done(DEFAULT_PATH);
}

// 3. Playwright's own download.
const cached = findPlaywrightChromium();
if (cached) done(cached);
try {
  run('npx', ['--no-install', 'playwright-core', 'install', 'chromium']);
} catch (err) {
  console.error(`[ensure-browser] playwright-core install failed: ${err instanceof Error ? err.message : String(err)}`);
}
const downloaded = findPlaywrightChromium();
if (downloaded) done(downloaded);

console.error('[ensure-browser] No Chromium available. Install one (e.g. `apt-get install chromium`) or set CHROMIUM_PATH.');
process.exit(1);
