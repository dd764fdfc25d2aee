import { describe, expect, it } from 'vitest';
import { clusterOfSector } from '../../reference/clusters.ts';
import { CORRIDORS } from '../../reference/corridors.ts';
import { MEMBER_CODES } from '../../reference/countries.ts';
import { ADB } from './partners.ts';
import { DEMO_LABEL, generateDemoPortfolio } from './generate.ts';
import { activityDate, type ActivityInput } from '../activity.model.ts';

const portfolio = generateDemoPortfolio();
const commitments = portfolio.flatMap((a) =>
  a.transactions
    .filter((t) => t.type === '2')
    .map((t) => ({ activity: a, t, usd: Number(t.amount.value) })),
);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const total = sum(commitments.map((c) => c.usd));
const byProvider = (test: (ref: string) => boolean) =>
  sum(commitments.filter((c) => test(c.t.providerOrg?.ref ?? '')).map((c) => c.usd));

function byCountry(): Map<string, number> {
  const out = new Map<string, number>();
  for (const { activity, usd } of commitments) {
    for (const c of activity.recipientCountries) {
      out.set(c.code, (out.get(c.code) ?? 0) + (usd * Number(c.percentage)) / 100);
    }
  }
  return out;
}

function sectorShare(inCategory: (category: number) => boolean): number {
  let dollars = 0;
  for (const { activity, usd } of commitments) {
    for (const s of activity.sectors) {
      if (inCategory(Number(s.code.slice(0, 3)))) dollars += (usd * Number(s.percentage)) / 100;
    }
  }
  return dollars / total;
}

const cents = (value: string) => Math.round(Number(value) * 100);

const percentTotal = (shares: { percentage: string | null }[]) =>
  sum(shares.map((s) => Number(s.percentage)));

describe('generateDemoPortfolio', () => {
  it('gives byte-identical output for the same seed and different output for another', () => {
    const again = JSON.stringify(generateDemoPortfolio(2030));
    expect(again).toBe(JSON.stringify(portfolio));
    expect(JSON.stringify(generateDemoPortfolio(7))).not.toBe(again);
  });

  it('generates about 280 projects labelled as demonstration data', () => {
    expect(portfolio.length).toBeGreaterThanOrEqual(260);
    expect(portfolio.length).toBeLessThanOrEqual(300);
    const ids = portfolio.map((a) => a.iatiIdentifier);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of portfolio) {
      expect(a.iatiIdentifier).toMatch(new RegExp(`^${a.reportingOrg.ref}-CARAVAN-DEMO-\\d{4}$`));
      expect(
        a.descriptions.some((d) => d.narratives.some((n) => n.text.startsWith(DEMO_LABEL))),
      ).toBe(true);
    }
  });

  it('commits about $51 billion: ADB $17.6 bn, other partners $23.4 bn, governments $10 bn', () => {
    const gov = byProvider((ref) => ref.startsWith('CARAVAN-GOV-'));
    const adb = byProvider((ref) => ref === ADB.ref);
    expect(Math.abs(total - 51e9) / 51e9).toBeLessThan(0.01);
    expect(Math.abs(adb - 17.6e9) / 17.6e9).toBeLessThan(0.01);
    expect(Math.abs(gov - 10e9) / 10e9).toBeLessThan(0.01);
    expect(Math.abs(total - adb - gov - 23.4e9) / 23.4e9).toBeLessThan(0.01);
    for (const { t } of commitments) {
      expect(t.amount.currency).toBe('USD');
      expect(t.amount.value).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it('involves every member, the five clusters and at least eight partners', () => {
    const countries = new Set(portfolio.flatMap((a) => a.recipientCountries.map((c) => c.code)));
    expect([...countries].sort()).toEqual([...MEMBER_CODES].sort());
    expect(new Set(portfolio.map((a) => a.cluster))).toEqual(new Set([1, 2, 3, 4, 5]));
    const partners = new Set(
      commitments
        .map((c) => c.t.providerOrg?.ref)
        .filter((ref) => !ref?.startsWith('CARAVAN-GOV-')),
    );
    expect(partners.size).toBeGreaterThanOrEqual(8);
    const aiib = commitments.filter((c) => c.t.providerOrg?.ref === 'XM-DAC-46026');
    expect(aiib.length).toBeGreaterThan(0);
    expect(aiib.every((c) => c.t.date >= '2016-01-01')).toBe(true);
    for (const iso2 of MEMBER_CODES)
      expect(byProvider((ref) => ref === `CARAVAN-GOV-${iso2}`)).toBeGreaterThan(0);
  });

  it('puts Uzbekistan, Kazakhstan and Azerbaijan on top, Kazakhstan above $9 billion', () => {
    const ranked = [...byCountry()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(new Set(ranked.slice(0, 3))).toEqual(new Set(['UZ', 'KZ', 'AZ']));
    expect(byCountry().get('KZ')).toBeGreaterThan(9e9);
  });

  it('spends about two thirds on transport, a quarter on energy and 2.7% on trade', () => {
    const transport = sectorShare((c) => c === 210);
    expect(transport).toBeGreaterThan(0.65);
    expect(transport).toBeLessThan(0.69);
    expect(Math.abs(sectorShare((c) => c >= 230 && c <= 236) - 0.25)).toBeLessThan(0.01);
    expect(Math.abs(sectorShare((c) => c === 331) - 0.027)).toBeLessThan(0.003);
  });

  it('splits every activity by country and by sector into exactly 100 percent', () => {
    for (const a of portfolio) {
      expect(percentTotal(a.recipientCountries)).toBe(100);
      expect(percentTotal(a.sectors)).toBe(100);
      expect(a.sectors.every((s) => s.vocabulary === '1' && /^\d{5}$/.test(s.code))).toBe(true);
      const dominant = [...a.sectors].sort(
        (x, y) => Number(y.percentage) - Number(x.percentage),
      )[0];
      expect(a.cluster).toBe(clusterOfSector(dominant?.code ?? ''));
    }
    expect(portfolio.some((a) => a.recipientCountries.length >= 2)).toBe(true);
  });

  it('never disburses more than committed, and only between commitment and mid-2025', () => {
    for (const a of portfolio) {
      const firstCommitment = a.transactions.find((t) => t.type === '2')?.date ?? '';
      const committed = sum(
        a.transactions.filter((t) => t.type === '2').map((t) => cents(t.amount.value)),
      );
      const disbursed = sum(
        a.transactions.filter((t) => t.type === '3').map((t) => cents(t.amount.value)),
      );
      expect(disbursed).toBeLessThanOrEqual(committed);
      for (const t of a.transactions) {
        expect(t.date >= '2001-01-01' && t.date <= '2025-12-31').toBe(true);
        if (t.type === '3') expect(t.date > firstCommitment).toBe(true);
      }
    }
  });

  it('keeps status consistent with the dates', () => {
    for (const a of portfolio) {
      expect(['2', '3', '4']).toContain(a.status);
      expect(activityDate(a, '2')! >= activityDate(a, '1')!).toBe(true);
      if (a.status === '2') expect(activityDate(a, '4')).toBeNull();
      else expect(activityDate(a, '4')! <= '2025-06-30').toBe(true);
    }
  });

  it('tags transport projects with corridors that cross their countries', () => {
    const transport = portfolio.filter((a) => a.sectors[0]?.code.startsWith('210'));
    expect(transport.every((a) => a.corridors.length > 0)).toBe(true);
    for (const a of portfolio) {
      for (const n of a.corridors) {
        const corridor = CORRIDORS.find((c) => c.number === n);
        for (const c of a.recipientCountries) expect(corridor?.countries).toContain(c.code);
      }
    }
  });

  it('gives every project 1–3 result indicators, located points and an appraisal document', () => {
    for (const a of portfolio) {
      const indicators = a.results.flatMap((r) => r.indicators);
      expect(indicators.length).toBeGreaterThanOrEqual(1);
      expect(indicators.length).toBeLessThanOrEqual(3);
      const countries = a.recipientCountries.map((c) => c.code);
      expect(a.locations.length).toBeGreaterThan(0);
      for (const l of a.locations) expect(countries).toContain(l.administratives[0]?.code);
      expect(a.documents[0]?.url).toMatch(/^https:\/\/example\.org\/caravan-demo\//);
    }
  });

  it('marks climate finance on part of the portfolio and links related activities both ways', () => {
    const marked = portfolio.filter((a) => a.policyMarkers.length > 0);
    expect(marked.length).toBeGreaterThan(40);
    expect(marked.length).toBeLessThan(portfolio.length / 2);
    const byId = new Map<string, ActivityInput>(portfolio.map((a) => [a.iatiIdentifier, a]));
    const related = portfolio.filter((a) => a.relatedActivities.length > 0);
    expect(related.length).toBeGreaterThan(4);
    for (const a of related) {
      for (const r of a.relatedActivities) {
        expect(
          byId.get(r.ref)?.relatedActivities.some((back) => back.ref === a.iatiIdentifier),
        ).toBe(true);
      }
    }
  });

  it('titles projects like real ones, in Russian too on about a third', () => {
    const russian = portfolio.filter((a) => a.titles.some((t) => t.lang === 'ru')).length;
    expect(russian / portfolio.length).toBeGreaterThan(0.25);
    expect(russian / portfolio.length).toBeLessThan(0.45);
    const titles = portfolio.map((a) => a.titles[0]?.text ?? '');
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of titles) expect(title).not.toMatch(/Project \d|undefined|––|\(\)|^ | $/);
  });
});
