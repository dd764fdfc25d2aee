import { z } from 'zod';
import type { Permission } from './access.ts';

/** An API token as its owner sees it in a list: never the token, never its hash. */
export interface ApiToken {
  id: number;
  name: string;
  /** The token's first characters, to tell tokens apart. */
  prefix: string;
  permissions: Permission[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
}

/** A token just created: the only time the token itself is ever shown. */
export interface NewApiToken extends ApiToken {
  token: string;
}

export const MAX_TOKEN_NAME_LENGTH = 100;

// Only the shape is checked here; which permissions a token may carry is the service's rule,
// so that the CLI gets the same answers.
export const CreateTokenSchema = z
  .object({
    name: z.string().max(MAX_TOKEN_NAME_LENGTH),
    permissions: z.array(z.string().max(100)).max(50),
    expiresAt: z.iso
      .datetime({ offset: true })
      .transform((text) => new Date(text))
      .optional(),
  })
  .strict();

export type CreateTokenInput = z.input<typeof CreateTokenSchema>;

export const TokenIdSchema = z.object({ id: z.coerce.number().int().positive() });
