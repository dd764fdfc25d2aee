import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { addUser } from '../../src/accounts/user.service.ts';
import type { GrantInput } from '../../src/accounts/role.model.ts';
import type { Db } from '../../src/db/database.ts';

export const TEST_PASSWORD = 'Correct horse 42 battery';

/** A signed-in browser: its session cookie and CSRF token on every request. */
export class Session {
  readonly app: FastifyInstance;
  readonly email: string;
  private readonly cookie: string;
  private readonly csrfToken: string;

  constructor(app: FastifyInstance, email: string, cookie: string, csrfToken: string) {
    this.app = app;
    this.email = email;
    this.cookie = cookie;
    this.csrfToken = csrfToken;
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  }

  /** Sends a request and expects this status; returns the parsed JSON answer. */
  async expect<T = Record<string, unknown>>(
    status: number,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const response = await this.request(method, url, payload, headers);
    expect(
      response.statusCode,
      `${method} ${url} as ${this.email}: ${response.body.slice(0, 400)}`,
    ).toBe(status);
    return response.json<T>();
  }
}

/** Adds a user with these grants and signs them in. */
export async function signedIn(
  app: FastifyInstance,
  db: Db,
  email: string,
  grants: GrantInput[],
): Promise<Session> {
  await addUser(db, { email, name: email.split('@')[0]!, password: TEST_PASSWORD, grants });
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password: TEST_PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'caravan_session')!;
  return new Session(
    app,
    email,
    `caravan_session=${cookie.value}`,
    response.json<{ csrfToken: string }>().csrfToken,
  );
}
