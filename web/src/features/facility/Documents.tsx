import { useRef, useState, type FormEvent } from 'react';
import { useFormat } from '../../app/format.ts';
import { useNames } from '../../app/names.ts';
import { useSession } from '../../app/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorMessage } from '../../components/Status.tsx';
import {
  DOCUMENT_MAX_BYTES,
  proposalPath,
  uploadDocument,
  type DocumentInfo,
  type DocumentKind,
  type ProposalDetail,
} from './api.ts';
import { SelectField } from '../../components/fields.tsx';
import { useFacilityText } from './text.ts';
import { useAction } from '../../components/useAction.ts';

const KINDS: readonly DocumentKind[] = [
  'concept_note',
  'terms_of_reference',
  'endorsement_letter',
  'other',
];

/**
 * What this user may attach now (src/facility/document.service.ts): the lead country's focal
 * points anything while the proposal can be edited; a named country's focal point its own
 * endorsement letter until screening ends.
 */
function attachable(detail: ProposalDetail, focal: readonly string[]) {
  const editable = ['draft', 'returned'].includes(detail.state);
  const lead = focal.includes(detail.leadCountry);
  const letterCountries = ['draft', 'returned', 'submitted', 'screening'].includes(detail.state)
    ? detail.countries
        .map((c) => c.country)
        .filter((c) => focal.includes(c) && (detail.state !== 'draft' || c === detail.leadCountry))
    : [];
  const kinds = KINDS.filter((k) =>
    k === 'endorsement_letter' ? letterCountries.length > 0 : editable && lead,
  );
  return { kinds, letterCountries };
}

export function Documents({
  detail,
  onChanged,
}: {
  detail: ProposalDetail;
  onChanged: () => void;
}) {
  const { t } = useFacilityText();
  const format = useFormat();
  const names = useNames();
  const session = useSession();
  const focal = (session.user?.grants ?? [])
    .filter((g) => g.role === 'focal_point' && g.country)
    .map((g) => g.country!);
  const { kinds, letterCountries } = attachable(detail, focal);
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [country, setCountry] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attached, setAttached] = useState<DocumentInfo | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const action = useAction();
  const chosenKind = kind || kinds[0] || '';
  const chosenCountry = country || letterCountries[0] || '';

  const upload = (event: FormEvent) => {
    event.preventDefault();
    setAttached(null);
    if (!file) return setProblem(t('facility.documents.chooseFile'));
    if (file.size > DOCUMENT_MAX_BYTES) return setProblem(t('facility.documents.tooLarge'));
    setProblem(null);
    void action.run(async () => {
      const info = await uploadDocument(
        detail.reference,
        file,
        chosenKind,
        chosenKind === 'endorsement_letter' ? chosenCountry : null,
      );
      setAttached(info);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      onChanged();
    });
  };

  return (
    <section className="card" aria-labelledby="proposal-documents">
      <h2 id="proposal-documents">{t('facility.documents.title')}</h2>
      <DataTable
        caption={t('facility.documents.title')}
        captionHidden
        rows={detail.documents}
        rowKey={(d) => String(d.id)}
        empty={t('facility.documents.none')}
        columns={[
          {
            key: 'kind',
            header: t('facility.documents.kind'),
            cell: (d) =>
              `${t(`facility.documentKinds.${d.kind}`)}${d.country ? ` (${names.country(d.country)})` : ''}`,
          },
          {
            key: 'file',
            header: t('facility.documents.file'),
            cell: (d) => (
              <a href={`${proposalPath(detail.reference)}/documents/${d.id}`} download>
                {d.filename}
              </a>
            ),
          },
          {
            key: 'size',
            header: t('facility.documents.size'),
            numeric: true,
            cell: (d) =>
              t('facility.documents.kb', { kb: format.number(Math.ceil(d.bytes / 1024)) }),
          },
          { key: 'by', header: t('facility.documents.uploadedBy'), cell: (d) => d.uploadedBy },
          {
            key: 'at',
            header: t('facility.documents.uploadedAt'),
            cell: (d) => format.date(d.uploadedAt),
          },
        ]}
      />
      {kinds.length > 0 ? (
        <form className="stack document-form" onSubmit={upload} aria-labelledby="attach-title">
          <h3 id="attach-title">{t('facility.documents.attach')}</h3>
          {action.error ? <ErrorMessage error={action.error} /> : null}
          {attached ? (
            <p className="success-message" role="status">
              {t('facility.documents.attached', { filename: attached.filename })}
            </p>
          ) : null}
          <SelectField
            id="document-kind"
            label={t('facility.documents.kind')}
            value={chosenKind}
            onChange={(v) => setKind(v as DocumentKind)}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`facility.documentKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          {chosenKind === 'endorsement_letter' ? (
            <SelectField
              id="document-country"
              label={t('facility.documents.country')}
              value={chosenCountry}
              onChange={setCountry}
            >
              {letterCountries.map((c) => (
                <option key={c} value={c}>
                  {names.country(c)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <div className="field">
            <label htmlFor="document-file">{t('facility.documents.file')}</label>
            <input
              ref={fileInput}
              id="document-file"
              type="file"
              accept=".pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg"
              aria-describedby={problem ? 'document-file-error' : 'document-file-hint'}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <span className="field-hint" id="document-file-hint">
              {t('facility.documents.hint')}
            </span>
            {problem ? (
              <span className="field-error" id="document-file-error">
                {problem}
              </span>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={action.busy}>
              {t('facility.documents.upload')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
