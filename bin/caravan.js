#!/usr/bin/env node
// The `caravan` command. It must run on the project's Node.js 24 (type stripping, node:sqlite)
// even when started by an older `node` from the shell's PATH, so on an older runtime it
// re-executes itself with the binary of the `node` package installed by `npm ci`.
import { spawn } from 'node:child_process';
import * as modules from 'node:module';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  // Node keeps the type-stripped, compiled modules on disk (NODE_COMPILE_CACHE, else the system's
  // temporary folder): a command then starts in about half the time and without loading the
  // TypeScript stripper, some 25 MB, in each thread. Worker threads (the importer's parser)
  // learn the folder from the environment.
  const cache = modules.enableCompileCache();
  if (cache.directory) process.env.NODE_COMPILE_CACHE ??= cache.directory;
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
} else {
  let runtime;
  try {
    runtime = modules.createRequire(import.meta.url).resolve('node/bin/node');
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
