#!/usr/bin/env node
// Ensures the services the integration tests start for themselves are installed (plain JS, Node 20,
// no dependencies): Debian's mosquitto (MQTT broker, with WebSockets), postgresql and redis-server.
//
// Only the programs are needed: the tests start each one on a free loopback port in a temporary
// folder and stop it again (test/services/). Nothing here starts a system service, and the install
// keeps Debian's packages from starting theirs (a policy-rc.d that refuses, for the duration).
//
// Order, as tools/ensure-browser.mjs:
//   1. Everything found (PATH, /usr/sbin, /usr/lib/postgresql/<version>/bin): print versions, done.
//   2. apt-get available and running as root (or passwordless sudo): one `apt-get update` and one
//      `apt-get install -y --no-install-recommends` of the missing packages.
//   3. Otherwise: say what is missing and how to install it, and exit 1.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { aptAccess, findProgram, postgresBinDirs } from './lib/system.mjs';

const started = Date.now();

const SERVICES = [
  { name: 'mosquitto', pkg: 'mosquitto', programs: ['mosquitto'], versionArgs: ['-h'] },
  { name: 'redis', pkg: 'redis-server', programs: ['redis-server'], versionArgs: ['--version'] },
  { name: 'postgres', pkg: 'postgresql', programs: ['postgres', 'initdb'], versionArgs: ['--version'], dirs: postgresBinDirs },
];

function locate(service) {
  const dirs = service.dirs ? service.dirs() : [];
  const paths = service.programs.map((p) => findProgram(p, dirs));
  return paths.every(Boolean) ? paths : null;
}

function version(path, args) {
  const res = spawnSync(path, args, { encoding: 'utf8', timeout: 10_000 });
  const text = `${res.stdout ?? ''}${res.stderr ?? ''}`.split('\n').find((l) => /\d+\.\d+/.test(l)) ?? '';
  return text.trim() || '(version unknown)';
}

let missing = SERVICES.filter((s) => !locate(s));

const apt = missing.length > 0 ? aptAccess('ensure-services') : null;
if (apt) {
  const { isRoot, asRoot } = apt;
  // Packages must not start their system services: invoke-rc.d asks policy-rc.d, and 101 means "no".
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  try {
    if (ownPolicy) {
      if (isRoot) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
      else execFileSync('sudo', ['-n', 'sh', '-c', `printf '#!/bin/sh\\nexit 101\\n' > ${policy} && chmod 755 ${policy}`]);
    }
    asRoot('apt-get', ['update']);
    asRoot('apt-get', ['install', '-y', '--no-install-recommends', ...missing.map((s) => s.pkg)]);
  } catch (err) {
    console.error(`[ensure-services] apt-get failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    if (ownPolicy) {
      if (isRoot) rmSync(policy, { force: true });
      else spawnSync('sudo', ['-n', 'rm', '-f', policy], { stdio: 'ignore' });
    }
  }
  missing = SERVICES.filter((s) => !locate(s));
}

for (const service of SERVICES) {
  const paths = locate(service);
  if (paths) console.log(`[ensure-services] ${service.name}: ${paths[0]} — ${version(paths[0], service.versionArgs)}`);
}
if (missing.length > 0) {
  console.error(
    `[ensure-services] Missing: ${missing.map((s) => s.name).join(', ')}. Install them (e.g. \`apt-get install ${missing.map((s) => s.pkg).join(' ')}\`) ` +
      'or run the tests as root on Debian/Ubuntu.',
  );
  process.exit(1);
}
console.log(`[ensure-services] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
