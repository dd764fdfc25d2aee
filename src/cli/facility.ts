import { Option, type Command } from 'commander';
import { isCalendarDate } from '../calendar.ts';
import { actingAs } from '../facility/caller.ts';
import { facilityOutcomes } from '../facility/outcomes.service.ts';
import { fundStatement, recordFundEntry, type FundStatement } from '../facility/fund.service.ts';
import { formatUsd, fromMinorUnits } from '../facility/currency.ts';
import { listLedger } from '../facility/ledger.service.ts';
import { MANUAL_ENTRY_TYPES } from '../facility/ledger.model.ts';
import { findProposals, parseProposalId, referenceOf } from '../facility/proposal.repository.ts';
import { loadRules } from '../facility/rules.ts';
import {
  ACTIONS,
  STATES,
  TRANSITION_ACTIONS,
  type ProposalAction,
  type ProposalState,
} from '../facility/workflow.ts';
import { transition } from '../facility/workflow.service.ts';
import { countryByIso2 } from '../reference/index.ts';
import { cliActor } from './audit.ts';
import { configFrom, withStore } from './context.ts';

const json = (value: unknown) => console.log(JSON.stringify(value, null, 2));
const usd = (amount: string) =>
  `$${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/** The fund statement as a reader at the Ministerial Conference would want it. */
export function formatStatement(s: FundStatement): string {
  const lines = [`${s.fund}`, `Fund statement as of ${s.asOf} (US dollars)`, ''];
  const row = (label: string, value: string) => `  ${label.padEnd(34)}${usd(value).padStart(20)}`;
  lines.push(
    row('Pledged', s.balances.pledged),
    row('Received', s.balances.received),
    row('Repaid by projects', s.balances.repaid),
    row('Committed to grants', s.balances.committed),
    row('Disbursed', s.balances.disbursed),
    row('Available for new grants', s.balances.available),
    row('Cash held', s.balances.cash),
    '',
    'By contributor',
  );
  for (const c of s.byContributor) {
    lines.push(
      `  ${c.name} (${c.currency}): pledged ${c.pledged}, received ${c.received}, outstanding ${c.outstanding} ${c.currency}` +
        ` — ${usd(c.pledgedUsd)} pledged, ${usd(c.receivedUsd)} received`,
    );
  }
  lines.push('', 'Grants by country (regional grants split equally)');
  if (s.byCountry.length === 0) lines.push('  none yet');
  for (const c of s.byCountry) {
    const name = countryByIso2(c.country)?.nameEn ?? c.country;
    lines.push(
      `  ${name.padEnd(32)}${usd(c.committed).padStart(18)} committed${usd(c.disbursed).padStart(18)} disbursed  (${c.grants} grant${c.grants === 1 ? '' : 's'})`,
    );
  }
  return lines.join('\n');
}

export function registerFacilityCommands(program: Command): void {
  const facility = program
    .command('facility')
    .description('the project preparation facility: fund, proposals, outcomes');

  facility
    .command('report')
    .description(
      'print the fund statement: pledged, received, committed, disbursed, available, by contributor and by country',
    )
    .option('--as-of <date>', 'the statement as of this value date (YYYY-MM-DD)')
    .option('--json', 'print the statement as JSON')
    .action(async (flags: { asOf?: string; json?: boolean }, command: Command) => {
      if (flags.asOf && !isCalendarDate(flags.asOf)) throw new Error('--as-of: a date YYYY-MM-DD');
      await withStore(command, async (store) => {
        const statement = await fundStatement(store.db, flags.asOf ?? null);
        if (flags.json) json(statement);
        else console.log(formatStatement(statement));
      });
    });

  facility
    .command('ledger')
    .description('list every ledger entry, oldest first')
    .option('--json', 'print the entries as JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const entries = await listLedger(store.db);
        if (flags.json) return json(entries);
        for (const e of entries) {
          const who = e.contributor ?? (e.proposalId === null ? '' : referenceOf(e.proposalId));
          console.log(
            `${String(e.id).padStart(5)}  ${e.valueDate}  ${e.type.padEnd(12)} ${who.padEnd(16)} ` +
              `${fromMinorUnits(e.amountMinor, e.currency).padStart(16)} ${e.currency}  = ${formatUsd(e.usdCents).padStart(14)} USD`,
          );
        }
      });
    });

  facility
    .command('record')
    .description('record a pledge, receipt, refund or repayment as the secretariat')
    .addOption(
      new Option('--type <type>', 'the entry').choices(MANUAL_ENTRY_TYPES).makeOptionMandatory(),
    )
    .requiredOption('--amount <decimal>', 'the amount in its currency, e.g. 1000000.00')
    .option('--currency <code>', 'ISO 4217 currency', 'USD')
    .option('--usd <decimal>', 'its US dollar value (default: from the exchange-rate table)')
    .option('--contributor <ref>', 'pledge/receipt: an organisation ref or a country code (KR)')
    .option('--proposal <id>', 'refund/repayment: the grant (PPF-0001)')
    .requiredOption('--date <date>', 'the value date, YYYY-MM-DD')
    .option('--reference <text>', 'the payment reference')
    .option('--memo <text>', 'a note')
    .action(
      async (
        flags: {
          type: (typeof MANUAL_ENTRY_TYPES)[number];
          amount: string;
          currency: string;
          usd?: string;
          contributor?: string;
          proposal?: string;
          date: string;
          reference?: string;
          memo?: string;
        },
        command: Command,
      ) => {
        await withStore(command, async (store) => {
          const entry = await recordFundEntry(
            store.db,
            { ...actingAs(cliActor(), 'secretariat'), origin: 'cli' },
            {
              type: flags.type,
              contributor: flags.contributor,
              proposal: flags.proposal === undefined ? undefined : parseProposalId(flags.proposal),
              amount: flags.amount,
              currency: flags.currency,
              usd: flags.usd,
              valueDate: flags.date,
              reference: flags.reference,
              memo: flags.memo,
            },
          );
          console.log(
            `ledger entry ${entry.id}: ${entry.type} of ${fromMinorUnits(entry.amountMinor, entry.currency)} ${entry.currency} = ${formatUsd(entry.usdCents)} USD (${entry.usdSource})`,
          );
        });
      },
    );

  facility
    .command('proposals')
    .description('list proposals past the draft stage (drafts stay private to their country)')
    .addOption(
      new Option('--state <state>', 'only this state').choices(STATES.filter((s) => s !== 'draft')),
    )
    .option('--json', 'print as JSON')
    .action(async (flags: { state?: ProposalState; json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const proposals = (
          await findProposals(store.db, flags.state ? { states: [flags.state] } : {})
        ).filter((p) => p.state !== 'draft');
        if (flags.json) {
          return json(
            proposals.map(({ content: _content, ...p }) => ({
              ...p,
              requestedUsd: formatUsd(p.requestedCents),
            })),
          );
        }
        for (const p of proposals) {
          console.log(
            `${p.reference}  ${p.state.padEnd(16)} ${p.countries
              .map((c) => c.country)
              .join('+')
              .padEnd(10)} ${usd(formatUsd(p.requestedCents)).padStart(16)}  ${p.title}`,
          );
        }
      });
    });

  facility
    .command('transition')
    .description(
      'move a proposal through the workflow as the secretariat (the other roles act through the API)',
    )
    .argument('<proposal>', 'the proposal, e.g. PPF-0001')
    .addOption(
      new Option('--action <action>', 'the workflow action')
        .choices(TRANSITION_ACTIONS.filter((a) => ACTIONS[a].permission === 'facility.manage'))
        .makeOptionMandatory(),
    )
    .option('--reason <text>', 'why (required to return, reject or cancel)')
    .action(
      async (
        proposal: string,
        flags: { action: ProposalAction; reason?: string },
        command: Command,
      ) => {
        await withStore(command, async (store, config) => {
          const caller = { ...actingAs(cliActor(), 'secretariat'), origin: 'cli' };
          const moved = await transition(
            store.db,
            caller,
            parseProposalId(proposal),
            flags.action,
            flags.reason,
            loadRules(config.facilityRulesFile),
          );
          console.log(`${moved.reference}: ${moved.state.replaceAll('_', ' ')}`);
        });
      },
    );

  facility
    .command('outcomes')
    .description('leverage (investment per preparation dollar), days in each stage, and the funnel')
    .option('--json', 'print as JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withStore(command, async (store) => {
        const outcomes = await facilityOutcomes(store.db);
        if (flags.json) return json(outcomes);
        const f = outcomes.facility;
        console.log(
          `Investment mobilised ${usd(f.investmentUsd)} for ${usd(f.preparationUsd)} of preparation: ${f.leverage ?? '–'} per dollar`,
        );
        for (const p of outcomes.byProposal)
          console.log(
            `  ${p.reference} ${p.iatiIdentifier}: ${usd(p.investmentUsd)} / ${usd(p.preparationUsd)} = ${p.leverage ?? '–'}`,
          );
        console.log(
          'Funnel: ' + outcomes.funnel.map((s) => `${s.state} ${s.proposals}`).join(' → '),
        );
        for (const s of outcomes.stageDays)
          console.log(
            `  ${s.state.padEnd(16)} mean ${s.meanDays} days, longest ${s.maxDays} (${s.proposals} proposals)`,
          );
      });
    });

  facility
    .command('rules')
    .description('print the eligibility rules and scoring rubric in force, or check a rules file')
    .option('--check <file>', 'validate this rules document (JSON) and say what is wrong')
    .action((flags: { check?: string }, command: Command) => {
      if (flags.check) {
        const rules = loadRules(flags.check);
        console.log(`${flags.check}: valid facility rules, version ${rules.version}`);
        return;
      }
      const rules = loadRules(configFrom(command).facilityRulesFile);
      json({
        version: rules.version,
        note: rules.note,
        eligibility: rules.eligibility,
        scoring: rules.scoring,
        committee: rules.committee,
      });
    });
}
