import type { CodelistName } from '../../reference/codes.ts';
import type { TransactionInput, VocabularyCode } from '../../portfolio/activity.model.ts';
import { V1_TRANSACTION_TYPE, V1_VOCABULARY } from './legacy-codes.ts';
import { readAidTypes, readSector } from './read-classifications.ts';
import { readMoney, type MoneyContext } from './read-finance.ts';
import { readFlowOrg } from './read-orgs.ts';
import type { El } from './el.ts';
import type { ActivityReader } from './reader.ts';

export function readTransactions(
  r: ActivityReader,
  activity: El,
  context: MoneyContext,
): TransactionInput[] {
  return r.all(activity, 'transaction').map((el) => readTransaction(r, el, context));
}

function readTransaction(r: ActivityReader, el: El, context: MoneyContext): TransactionInput {
  const type = r.one(el, 'transaction-type', true);
  const dateEl = r.one(el, 'transaction-date', true);
  const date = dateEl && r.dateElement(dateEl);
  const value = r.one(el, 'value', true);
  const description = r.one(el, 'description');
  const code = (name: string, list: CodelistName) => {
    const part = r.one(el, name);
    return part && r.codeElement(part, list, { lenient: true });
  };
  return {
    ref: r.value(el, 'ref'),
    humanitarian: r.boolean(el, 'humanitarian'),
    type: (type && r.codeElement(type, 'TransactionType', { v1: V1_TRANSACTION_TYPE })) ?? '',
    date: date ?? '',
    amount: value ? readMoney(r, value, context, date) : { value: '', currency: '', valueDate: '' },
    description: description ? r.narratives(description, true) : [],
    providerOrg: readFlowOrg(r, el, 'provider-org'),
    receiverOrg: readFlowOrg(r, el, 'receiver-org'),
    disbursementChannel: code('disbursement-channel', 'DisbursementChannel'),
    sectors: r.all(el, 'sector').flatMap((sector) => {
      // WHO's and OCHA's files put the code in a narrative; the activity's sectors then apply.
      if (r.value(sector, 'code') !== null) return [readSector(r, sector)];
      r.warn(sector, "has no @code; left out (the activity's sectors apply)");
      return [];
    }),
    recipientCountry: readCountry(r, el),
    recipientRegion: readRegion(r, el),
    flowType: code('flow-type', 'FlowType'),
    financeType: code('finance-type', 'FinanceType'),
    aidTypes: readAidTypes(r, el, 'aid-type'),
    tiedStatus: code('tied-status', 'TiedStatus'),
  };
}

// A transaction goes to one country or region whole: a percentage there is a schema error.
function noPercentage(r: ActivityReader, el: El): void {
  if (r.has(el, 'percentage')) {
    r.error(
      el,
      "is not allowed on a transaction's recipient (it takes the whole amount)",
      'percentage',
    );
  }
}

function readCountry(r: ActivityReader, transaction: El): TransactionInput['recipientCountry'] {
  const el = r.one(transaction, 'recipient-country');
  if (el === null) return null;
  noPercentage(r, el);
  return {
    code: r.code(el, 'code', 'Country', { required: true }) ?? '',
    narratives: r.narratives(el),
  };
}

function readRegion(r: ActivityReader, transaction: El): VocabularyCode | null {
  const el = r.one(transaction, 'recipient-region');
  if (el === null) return null;
  noPercentage(r, el);
  const vocabulary = r.code(el, 'vocabulary', 'RegionVocabulary', { v1: V1_VOCABULARY }) ?? '1';
  return {
    vocabulary,
    vocabularyUri: r.value(el, 'vocabulary-uri'),
    code: r.code(el, 'code', vocabulary === '1' ? 'Region' : null, { required: true }) ?? '',
    narratives: r.narratives(el),
  };
}
