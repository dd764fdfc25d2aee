/** Transactions, each child in the schema's order. */
import type { TransactionInput } from '../../portfolio/activity.model.ts';
import { aidTypes } from './classifications.ts';
import { flag, type ActivityContext } from './context.ts';
import { value } from './finance.ts';
import { narratives, textElement } from './narratives.ts';
import { flowOrg } from './orgs.ts';

function transaction(ctx: ActivityContext, where: string, t: TransactionInput): void {
  ctx.code('transaction-type', t.type);
  ctx.xml.element('transaction-date', {
    'iso-date': ctx.date(`${where}/transaction-date`, t.date),
  });
  value(ctx, where, t.amount);
  textElement(ctx, 'description', `${where}/description`, t.description);
  flowOrg(ctx, where, 'provider', t.providerOrg);
  flowOrg(ctx, where, 'receiver', t.receiverOrg);
  ctx.code('disbursement-channel', t.disbursementChannel);
  t.sectors.forEach((sector, i) => {
    const at = `${where}/sector[${i + 1}]`;
    const attributes = {
      vocabulary: sector.vocabulary,
      'vocabulary-uri': ctx.uri(`${at}/@vocabulary-uri`, sector.vocabularyUri),
      code: sector.code,
    };
    ctx.xml.element('sector', attributes, () => narratives(ctx, at, sector.narratives));
  });
  const country = t.recipientCountry;
  if (country !== null) {
    ctx.xml.element('recipient-country', { code: country.code }, () =>
      narratives(ctx, `${where}/recipient-country`, country.narratives),
    );
  }
  const region = t.recipientRegion;
  if (region !== null) {
    const at = `${where}/recipient-region`;
    const attributes = {
      code: region.code,
      vocabulary: region.vocabulary,
      'vocabulary-uri': ctx.uri(`${at}/@vocabulary-uri`, region.vocabularyUri),
    };
    ctx.xml.element('recipient-region', attributes, () => narratives(ctx, at, region.narratives));
  }
  ctx.code('flow-type', t.flowType);
  ctx.code('finance-type', t.financeType);
  aidTypes(ctx, 'aid-type', t.aidTypes);
  ctx.code('tied-status', t.tiedStatus);
}

export function transactions(ctx: ActivityContext, list: TransactionInput[]): void {
  list.forEach((t, i) => {
    const where = `transaction[${i + 1}]`;
    ctx.xml.element('transaction', { ref: t.ref, humanitarian: flag(t.humanitarian) }, () =>
      transaction(ctx, where, t),
    );
  });
}
