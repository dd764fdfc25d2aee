/**
 * Test support: checks XML with xmllint (libxml2-utils) against the official IATI schema in
 * ../shared/data/iati/schema (or $CARAVAN_IATI_SCHEMA). Tests skip, saying why, when either
 * is missing.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';

export const IATI_SCHEMA =
  process.env['CARAVAN_IATI_SCHEMA'] ??
  fileURLToPath(
    new URL('../../../../shared/data/iati/schema/iati-activities-schema.xsd', import.meta.url),
  );

export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** Why schema tests cannot run here, or null when they can. */
export const schemaUnavailable: string | null = !hasXmllint
  ? 'xmllint is not installed (apt-get install libxml2-utils)'
  : !existsSync(IATI_SCHEMA)
    ? `the IATI schema is not at ${IATI_SCHEMA}`
    : null;

type XmlSource = string | Iterable<string> | AsyncIterable<string>;

function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('xmllint', args, { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

/** Writes the XML to a temporary file (streamed when it is an iterable) and runs xmllint on it. */
async function onFile<T>(xml: XmlSource, use: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-xmllint-'));
  const path = join(dir, 'document.xml');
  try {
    if (typeof xml === 'string') await writeFile(path, xml);
    else await pipeline(Readable.from(xml), createWriteStream(path));
    return await use(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const errorLines = (stderr: string): string[] =>
  stderr.split('\n').filter((line) => line !== '' && !/ (validates|fails to validate)$/.test(line));

/** xmllint's complaints, well-formedness and schema validity; empty when the document is valid. */
export function schemaErrors(xml: XmlSource, schema = IATI_SCHEMA): Promise<string[]> {
  return onFile(xml, async (path) => {
    const { status, stderr } = await run(['--noout', '--nonet', '--schema', schema, path]);
    const errors = errorLines(stderr);
    return status !== 0 && errors.length === 0 ? [`xmllint exited with ${status}`] : errors;
  });
}

/** xmllint's complaints about well-formedness alone. */
export function wellFormednessErrors(xml: XmlSource): Promise<string[]> {
  return onFile(xml, async (path) => {
    const { status, stderr } = await run(['--noout', '--nonet', path]);
    const errors = errorLines(stderr);
    return status !== 0 && errors.length === 0 ? [`xmllint exited with ${status}`] : errors;
  });
}

/** The string value of an XPath expression, as an XML parser reads the document. */
export function xpathString(xml: string, expression: string): Promise<string> {
  return onFile(xml, async (path) => {
    const { stdout, stderr, status } = await run(['--nonet', '--xpath', expression, path]);
    if (status !== 0) throw new Error(`xmllint --xpath failed: ${stderr}`);
    return stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout; // xmllint adds one
  });
}
