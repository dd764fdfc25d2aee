/**
 * Whether an error means the database cannot be reached or is refusing work for now (it went
 * away, restarts, is full or busy), as opposed to a fault of the request or of the code. Such
 * requests get a 503 to retry, and the server stays up.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // Node's socket errors (a TCP port or a unix socket with no server behind it).
    if (['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
    // PostgreSQL: connection exceptions (08…), operator intervention (57P01–57P03: shutdown,
    // crash, cannot connect now), insufficient resources (53…: disk full, out of memory).
    if (/^(08|53)/.test(code) || ['57P01', '57P02', '57P03'].includes(code)) return true;
    // SQLite (node:sqlite): busy (5) or locked (6) beyond the timeout, I/O error (10), disk
    // full (13); extended codes keep the primary code in their low byte.
    const errcode = (error as { errcode?: unknown }).errcode;
    if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number') {
      return [5, 6, 10, 13].includes(errcode & 0xff);
    }
  }
  // node-postgres reports a connection it lost, or could not get from the pool in time, in words.
  return /Connection terminated|timeout exceeded when trying to connect|database or disk is full|database is locked/i.test(
    error.message,
  );
}
