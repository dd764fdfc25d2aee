import { createHash } from 'node:crypto';
import { requireAccess } from '../accounts/access.ts';
import { appendAudit } from '../accounts/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { now, type Caller } from './caller.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './proposal.model.ts';
import { requireProposal } from './proposal.repository.ts';
import { requireVisible } from './proposal.service.ts';

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface DocumentInfo {
  id: number;
  kind: DocumentKind;
  country: string | null;
  filename: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

const startsWith = (body: Uint8Array, signature: string) =>
  Buffer.from(body.subarray(0, signature.length)).toString('latin1') === signature;

/**
 * What the file is, from its bytes (the name and the declared type are the client's word):
 * PDF, the Office and OpenDocument formats, PNG or JPEG. Anything else is refused.
 */
export function sniffDocument(body: Uint8Array): { mediaType: string; extension: string } | null {
  if (startsWith(body, '%PDF-')) return { mediaType: 'application/pdf', extension: 'pdf' };
  if (startsWith(body, '\x89PNG\r\n\x1a\n')) return { mediaType: 'image/png', extension: 'png' };
  if (startsWith(body, '\xff\xd8\xff')) return { mediaType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(body, 'PK\x03\x04')) {
    const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    if (buffer.includes('word/document.xml')) {
      return {
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    }
    if (buffer.includes('xl/workbook.xml')) {
      return {
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
      };
    }
    if (buffer.includes('mimetypeapplication/vnd.oasis.opendocument.text')) {
      return { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' };
    }
  }
  return null;
}

function safeFilename(name: string, extension: string): string {
  const base = name
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
    .trim()
    .slice(0, 120);
  return `${base || 'document'}.${extension}`;
}

/**
 * Attaches a document. The lead country's focal points attach anything while the proposal can
 * be edited; a named country's focal point attaches its endorsement letter until screening ends.
 */
export async function addDocument(
  db: Db,
  caller: Caller,
  proposalId: number,
  input: { kind: string; country?: string | undefined; filename: string; body: Uint8Array },
): Promise<DocumentInfo> {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(input.kind)) {
    throw new AppError('bad_request', `kind: one of ${DOCUMENT_KINDS.join(', ')}`);
  }
  const kind = input.kind as DocumentKind;
  return db.transaction().execute(async (trx) => {
    const proposal = await requireProposal(trx, proposalId);
    requireVisible(caller, proposal);
    const country =
      input.country?.toUpperCase() ?? (kind === 'endorsement_letter' ? undefined : null);
    if (kind === 'endorsement_letter') {
      if (!country || !proposal.countries.some((c) => c.country === country)) {
        throw new AppError(
          'bad_request',
          `country: an endorsement letter names one of ${proposal.countries.map((c) => c.country).join(', ')}`,
        );
      }
      requireAccess(caller.actor, 'facility.propose', { country });
      const open = ['draft', 'returned', 'submitted', 'screening'];
      if (
        !open.includes(proposal.state) ||
        (proposal.state === 'draft' && country !== proposal.leadCountry)
      ) {
        throw new AppError(
          'conflict',
          `${proposal.reference} is ${proposal.state}: it takes no endorsement letter from ${country} now`,
        );
      }
    } else {
      requireAccess(caller.actor, 'facility.propose', { country: proposal.leadCountry });
      if (!['draft', 'returned'].includes(proposal.state)) {
        throw new AppError(
          'conflict',
          `${proposal.reference} is ${proposal.state}: documents are attached to a draft`,
        );
      }
    }
    if (input.body.byteLength === 0) throw new AppError('bad_request', 'the document is empty');
    if (input.body.byteLength > DOCUMENT_MAX_BYTES) {
      throw new AppError(
        'payload_too_large',
        `a document may have at most ${DOCUMENT_MAX_BYTES} bytes`,
      );
    }
    const sniffed = sniffDocument(input.body);
    if (!sniffed) {
      throw new AppError(
        'bad_request',
        `${input.filename}: not a PDF, Word, Excel, OpenDocument text, PNG or JPEG file (judged by its content)`,
      );
    }
    const row = {
      proposal_id: proposalId,
      kind,
      country: country ?? null,
      filename: safeFilename(input.filename, sniffed.extension),
      media_type: sniffed.mediaType,
      bytes: input.body.byteLength,
      sha256: createHash('sha256').update(input.body).digest('hex'),
      content: input.body,
      uploaded_by: caller.name,
      uploaded_at: now(caller),
    };
    const { id } = await trx
      .insertInto('facility_document')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    const info = toInfo({ ...row, id });
    await appendAudit(trx, {
      actor: caller.name,
      action: 'proposal.attach',
      targetType: 'proposal',
      targetId: proposal.reference,
      after: info,
      origin: caller.origin,
    });
    return info;
  });
}

function toInfo(row: {
  id: number;
  kind: string;
  country: string | null;
  filename: string;
  media_type: string;
  bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}): DocumentInfo {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    country: row.country,
    filename: row.filename,
    mediaType: row.media_type,
    bytes: row.bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

export async function listDocuments(db: Db, proposalId: number): Promise<DocumentInfo[]> {
  const rows = await db
    .selectFrom('facility_document')
    .select([
      'id',
      'kind',
      'country',
      'filename',
      'media_type',
      'bytes',
      'sha256',
      'uploaded_by',
      'uploaded_at',
    ])
    .where('proposal_id', '=', proposalId)
    .orderBy('id')
    .execute();
  return rows.map(toInfo);
}

export async function readDocument(
  db: Db,
  caller: Caller,
  proposalId: number,
  documentId: number,
): Promise<DocumentInfo & { content: Uint8Array }> {
  const proposal = await requireProposal(db, proposalId);
  requireVisible(caller, proposal);
  const row = await db
    .selectFrom('facility_document')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `${proposal.reference} has no document ${documentId}`);
  return { ...toInfo(row), content: row.content };
}
