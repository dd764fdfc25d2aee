import { useCallback, useEffect, useState } from 'react';
import { getJson } from './api.ts';

export type Loaded<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'ready'; data: T; error?: undefined }
  | { state: 'failed'; data?: undefined; error: unknown };

/** Public answers seen this visit: going back to a page shows it at once. */
const cache = new Map<string, unknown>();
/** Requests under way, so two parts of a page asking the same share one answer. */
const inflight = new Map<string, Promise<unknown>>();

function shared<T>(path: string): Promise<T> {
  let pending = inflight.get(path) as Promise<T> | undefined;
  if (!pending) {
    pending = getJson<T>(path).finally(() => inflight.delete(path));
    inflight.set(path, pending);
  }
  return pending;
}

/**
 * Reads an API path; a null path waits. `fresh` skips the cache, for data the visitor changes
 * (users, tokens). `reload` asks again.
 */
export function useApi<T>(
  path: string | null,
  { fresh = false }: { fresh?: boolean } = {},
): Loaded<T> & { reload: () => void } {
  const [version, setVersion] = useState(0);
  const cached = path !== null && !fresh && cache.has(path);
  const [result, setResult] = useState<{ path: string | null; loaded: Loaded<T> }>({
    path,
    loaded: cached ? { state: 'ready', data: cache.get(path) as T } : { state: 'loading' },
  });

  useEffect(() => {
    if (path === null) return;
    if (!fresh && cache.has(path)) {
      setResult({ path, loaded: { state: 'ready', data: cache.get(path) as T } });
      return;
    }
    const controller = new AbortController();
    setResult((previous) =>
      previous.path === path && previous.loaded.state === 'ready'
        ? previous
        : { path, loaded: { state: 'loading' } },
    );
    (fresh ? getJson<T>(path, controller.signal) : shared<T>(path)).then(
      (data) => {
        if (!fresh) cache.set(path, data);
        setResult({ path, loaded: { state: 'ready', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ path, loaded: { state: 'failed', error } });
      },
    );
    return () => controller.abort();
  }, [path, fresh, version]);

  const reload = useCallback(() => {
    if (path !== null) cache.delete(path);
    setVersion((v) => v + 1);
  }, [path]);
  // A new path shows loading at once rather than the previous path's answer.
  const loaded: Loaded<T> = result.path === path ? result.loaded : { state: 'loading' };
  return { ...loaded, reload };
}
