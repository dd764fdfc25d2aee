/**
 * Builds a large IATI file for the import benchmark by repeating the real 2.0x activities in
 * ../shared/data/iati/activities, each copy with its own identifier.
 * Usage: node bench/build-iati-file.ts OUT.xml MEGABYTES [SOURCE_DIR]
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

const [out, megabytes = '200', sourceDir = '../shared/data/iati/activities'] =
  process.argv.slice(2);
if (!out) throw new Error('usage: build-iati-file.ts OUT.xml MEGABYTES [SOURCE_DIR]');

function* xmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'conformance') yield* xmlFiles(path);
    } else if (name.endsWith('.xml')) yield path;
  }
}

function wellFormed(path: string): boolean {
  try {
    execFileSync('xmllint', ['--noout', '--nonet', path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The activities of every well-formed UTF-8 2.0x file, with the root's namespaces carried in. */
function realActivities(): string[] {
  const activities: string[] = [];
  for (const path of xmlFiles(sourceDir)) {
    const text = readFileSync(path, 'utf8');
    const root = /<iati-activities\b[^>]*>/.exec(text)?.[0];
    if (
      !root ||
      !/version="2\.0[123]"/.test(root) ||
      /encoding="(?!utf-8)/i.test(text.slice(0, 100))
    )
      continue;
    if (!wellFormed(path)) continue;
    const namespaces = (root.match(/\sxmlns:[\w-]+="[^"]*"/g) ?? []).join('');
    for (const match of text.matchAll(/<iati-activity\b[\s\S]*?<\/iati-activity>/g)) {
      activities.push(match[0].replace(/^<iati-activity\b/, `<iati-activity${namespaces}`));
    }
  }
  return activities;
}

const activities = realActivities();
const target = Number(megabytes) * 1024 * 1024;
const file = createWriteStream(out);
let written = 0;
let count = 0;
const write = async (chunk: string) => {
  written += Buffer.byteLength(chunk);
  if (!file.write(chunk)) await once(file, 'drain');
};

await write(
  '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z">\n',
);
for (let copy = 1; written < target; copy++) {
  for (const activity of activities) {
    count++;
    await write(
      activity.replace(
        /<iati-identifier>([^<]*)<\/iati-identifier>/,
        (_, id: string) => `<iati-identifier>${id.trim()}-BENCH-${count}</iati-identifier>`,
      ) + '\n',
    );
    if (written >= target) break;
  }
}
await write('</iati-activities>\n');
file.end();
await once(file, 'finish');
console.log(`${out}: ${(written / 1024 / 1024).toFixed(1)} MB, ${count} activities`);
