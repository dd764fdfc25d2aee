/**
 * Joins many small strings into chunks of about `size` characters. Yielding per row would cost
 * a promise, a write and (for XLSX) a deflate call per row; one 64 KiB chunk costs them once.
 */
export const CHUNK_CHARS = 64 * 1024;

export async function* batchText(
  parts: AsyncIterable<string> | Iterable<string>,
  size = CHUNK_CHARS,
): AsyncGenerator<string> {
  let pending: string[] = [];
  let length = 0;
  for await (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield pending.join('');
}
