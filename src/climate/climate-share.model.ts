import { z } from 'zod';
import { AppError } from '../errors.ts';
import { isoDate } from './climate.schema.ts';
import { bpToPercent, percentToBp, WHOLE_BP } from './percent.ts';

const percent = z.union([z.string().max(8), z.number()]);

export const ComponentInputSchema = z
  .object({
    /** Omitted or empty: the activity as a whole. */
    component: z.string().trim().max(200).optional(),
    componentPercent: percent.optional(),
    mitigationPercent: percent,
    adaptationPercent: percent,
    dualPercent: percent.optional(),
  })
  .strict();

export const SharesInputSchema = z
  .object({
    source: z.string().trim().min(1, 'say where the shares come from').max(500),
    assessedOn: isoDate,
    components: z.array(ComponentInputSchema).min(1).max(100),
  })
  .strict();

export type SharesInput = z.infer<typeof SharesInputSchema>;

/** One component's shares in basis points, checked. */
export interface ComponentShare {
  component: string;
  componentBp: number;
  mitigationBp: number;
  adaptationBp: number;
  dualBp: number;
}

export interface ActivityShares {
  iatiIdentifier: string;
  source: string;
  assessedOn: string;
  components: ComponentShare[];
}

/**
 * Checks one activity's shares: each component's mitigation-only, adaptation-only and dual
 * shares are disjoint and add up to at most 100%; the components together are at most the
 * whole activity; the activity as a whole ('' component) stands alone. Errors name the place.
 */
export function checkShares(iatiIdentifier: string, input: SharesInput): ActivityShares {
  const components = input.components.map((c, i): ComponentShare => {
    const at = `components.${i}`;
    const share: ComponentShare = {
      component: c.component?.trim() ?? '',
      componentBp: percentToBp(c.componentPercent ?? '100', `${at}.componentPercent`),
      mitigationBp: percentToBp(c.mitigationPercent, `${at}.mitigationPercent`),
      adaptationBp: percentToBp(c.adaptationPercent, `${at}.adaptationPercent`),
      dualBp: percentToBp(c.dualPercent ?? '0', `${at}.dualPercent`),
    };
    if (share.mitigationBp + share.adaptationBp + share.dualBp > WHOLE_BP) {
      throw new AppError(
        'bad_request',
        `${at}: mitigation, adaptation and dual shares add up to more than 100%`,
      );
    }
    return share;
  });
  const names = components.map((c) => c.component);
  if (new Set(names).size !== names.length) {
    throw new AppError('bad_request', 'components: a component is named twice');
  }
  if (names.includes('') && names.length > 1) {
    throw new AppError(
      'bad_request',
      'components: shares of the whole activity (no component name) stand alone',
    );
  }
  if (components.reduce((sum, c) => sum + c.componentBp, 0) > WHOLE_BP) {
    throw new AppError('bad_request', 'components: componentPercent adds up to more than 100%');
  }
  return {
    iatiIdentifier,
    source: input.source.trim(),
    assessedOn: input.assessedOn,
    components,
  };
}

/** The activity's effective shares, scaled by WHOLE_BP² (component share × climate share). */
export interface EffectiveShares {
  mitigationOnly: bigint;
  adaptationOnly: bigint;
  dual: bigint;
}

export const EFFECTIVE_SCALE = BigInt(WHOLE_BP) * BigInt(WHOLE_BP);

export function effectiveShares(components: readonly ComponentShare[]): EffectiveShares {
  const sum = (pick: (c: ComponentShare) => number) =>
    components.reduce((total, c) => total + BigInt(c.componentBp) * BigInt(pick(c)), 0n);
  return {
    mitigationOnly: sum((c) => c.mitigationBp),
    adaptationOnly: sum((c) => c.adaptationBp),
    dual: sum((c) => c.dualBp),
  };
}

export interface SharesView {
  iatiIdentifier: string;
  source: string;
  assessedOn: string;
  recordedBy: string;
  recordedAt: string;
  demo: boolean;
  components: {
    component: string;
    componentPercent: string;
    mitigationPercent: string;
    adaptationPercent: string;
    dualPercent: string;
  }[];
}

export function componentView(c: ComponentShare): SharesView['components'][number] {
  return {
    component: c.component,
    componentPercent: bpToPercent(c.componentBp),
    mitigationPercent: bpToPercent(c.mitigationBp),
    adaptationPercent: bpToPercent(c.adaptationBp),
    dualPercent: bpToPercent(c.dualBp),
  };
}
