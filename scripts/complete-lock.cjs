#!/usr/bin/env node
/**
 * The npm registry this project is built against serves only Linux builds of packages with
 * native binaries (e.g. @swc/core-darwin-arm64 answers 404), so `npm install` leaves the other
 * platforms' optional packages out of package-lock.json, and `npm ci` then refuses the lock as
 * "not in sync". This adds a stub entry, marked optional with the os/cpu its name states, for
 * every optional dependency the lock misses; npm ci skips them on a non-matching platform.
 * Run it after `npm install` changes the lock: `node scripts/complete-lock.cjs`.
 */
const fs = require('node:fs');

const OS = ['darwin', 'win32', 'linux', 'freebsd', 'android', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = [
  ['arm64', 'arm64'],
  ['aarch64', 'arm64'],
  ['x64', 'x64'],
  ['ia32', 'ia32'],
  ['arm', 'arm'],
  ['ppc64', 'ppc64'],
  ['s390x', 's390x'],
  ['riscv64', 'riscv64'],
  ['loong64', 'loong64'],
  ['mips64el', 'mips64el'],
  ['wasm32', 'wasm32'],
];

const lockFile = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
const pkgs = lock.packages;
let added = 0;

for (const [path, entry] of Object.entries(pkgs)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    // Resolution walks up from the dependent's folder, as Node's does.
    const base = path ? `${path}/node_modules/` : 'node_modules/';
    const candidates = [`${base}${name}`, `node_modules/${name}`];
    if (candidates.some((c) => pkgs[c])) continue;
    const tail = name.split('/').pop();
    const parts = tail.split('-');
    const os = OS.find((o) => parts.includes(o));
    const cpu = CPU.find(([k]) => parts.includes(k))?.[1];
    if (!os && !cpu) continue; // not a platform package: leave npm's decision alone
    const stub = { version: spec.replace(/^[\^~=]/, ''), optional: true };
    if (os) stub.os = [os];
    if (cpu) stub.cpu = [cpu];
    if (parts.includes('musl')) stub.libc = ['musl'];
    else if (parts.includes('gnu') || parts.includes('gnueabihf')) stub.libc = ['glibc'];
    pkgs[`node_modules/${name}`] = stub;
    added++;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform stub(s) to ${lockFile}`);
