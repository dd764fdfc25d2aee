#!/usr/bin/env node
// The `caravan` command. It must run on the project's Node.js 24 (type stripping, node:sqlite)
// even when started by an older `node` from the shell's PATH, so on an older runtime it
// re-executes itself with the binary of the `node` package installed by `npm ci`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
} else {
  let runtime;
  try {
    runtime = createRequire(import.meta.url).resolve('node/bin/node');
  } catch {
    console.error('caravan needs Node.js 24: run `npm ci` in the project to install it.');
    process.exit(1);
  }
  const child = spawn(runtime, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
