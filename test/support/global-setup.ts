import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** One PostgreSQL server for the whole run; each test file makes its own databases in it. */
export default function setup(project: TestProject): () => void {
  const server = startTestPostgres();
  project.provide('postgresUrl', server.url());
  return () => server.destroy();
}
