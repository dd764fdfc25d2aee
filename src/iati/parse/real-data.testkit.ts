/** Where the shared real IATI files are, for the tests that read them when they exist. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ACTIVITIES = fileURLToPath(
  new URL('../../../../shared/data/iati/activities', import.meta.url),
);
export const HAVE_REAL_DATA = existsSync(ACTIVITIES);

if (!HAVE_REAL_DATA) {
  console.warn(`note: ${ACTIVITIES} does not exist; the tests on real IATI files are skipped`);
}

/** Every .xml file under `folder`, sorted, as paths relative to it. */
export function xmlFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.xml')) found.push(path.slice(folder.length + 1));
    }
  };
  walk(folder);
  return found;
}
