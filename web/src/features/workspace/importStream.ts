import type { ImportEvent } from '../../../../src/iati/import-events.ts';
import { csrfHeader, request } from '../../app/api.ts';

export type { ImportEvent };

/**
 * Uploads an IATI file and reads the import's events as they stream back (NDJSON), calling
 * `onEvent` for each. Resolves when the stream ends.
 */
export async function importFile(
  file: File,
  { dryRun, signal }: { dryRun: boolean; signal: AbortSignal },
  onEvent: (event: ImportEvent) => void,
): Promise<void> {
  const query = new URLSearchParams({ name: file.name });
  if (dryRun) query.set('dryRun', 'true');
  const response = await request(`/api/imports?${query.toString()}`, {
    method: 'POST',
    body: file,
    signal,
    headers: {
      'content-type': 'application/octet-stream',
      accept: 'application/x-ndjson',
      ...csrfHeader(),
    },
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onEvent(JSON.parse(line) as ImportEvent);
      newline = buffered.indexOf('\n');
    }
  }
}
