/**
 * Raking (iterative proportional fitting) of commitment amounts so that the portfolio
 * meets its totals by funder class, recipient country and sector group at once.
 */
export interface Share {
  key: string;
  fraction: number;
}

export interface Weighted {
  amount: number;
  /** One list of shares per margin, in the order of `targets`; fractions sum to 1. */
  memberships: readonly (readonly Share[])[];
}

export type Margin = Readonly<Record<string, number>>;

/** Current totals of one margin. */
export function marginTotals(items: readonly Weighted[], margin: number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) {
    for (const share of item.memberships[margin] ?? []) {
      totals.set(share.key, (totals.get(share.key) ?? 0) + item.amount * share.fraction);
    }
  }
  return totals;
}

/** Scales each item's amount in place; returns the largest relative gap left on any margin. */
export function rake(items: Weighted[], targets: readonly Margin[], rounds = 200): number {
  for (let round = 0; round < rounds; round++) {
    for (let m = 0; m < targets.length; m++) {
      const target = targets[m] ?? {};
      const totals = marginTotals(items, m);
      for (const item of items) {
        let factor = 0;
        for (const share of item.memberships[m] ?? []) {
          const current = totals.get(share.key) ?? 0;
          const wanted = target[share.key] ?? current;
          factor += share.fraction * (current > 0 ? wanted / current : 1);
        }
        item.amount *= factor;
      }
    }
  }
  return largestGap(items, targets);
}

export function largestGap(items: readonly Weighted[], targets: readonly Margin[]): number {
  let gap = 0;
  targets.forEach((target, m) => {
    const totals = marginTotals(items, m);
    for (const [key, wanted] of Object.entries(target)) {
      gap = Math.max(gap, Math.abs((totals.get(key) ?? 0) - wanted) / wanted);
    }
  });
  return gap;
}
