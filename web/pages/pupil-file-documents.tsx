// Documents in the pupil file: a paginated list with download links, an upload form (title, confidentiality,
// one file) that shows every reason the server refused a file, and removal with the version that was seen.

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import {
  type DocumentPage,
  type DocumentProblem,
  documentProblemsOf,
  documentsApi,
  type FileDocument,
} from '../api/file-documents-client.ts';
import { type Confidentiality, conflictOf, type PupilFile } from '../api/pupil-file-client.ts';
import { Field, TextField } from '../components/form-field.tsx';
import { Pagination } from '../components/pagination.tsx';
import { ErrorMessage } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import { FileConsents } from './file-consents.tsx';
import { Section } from './pupil-file/section.tsx';

const PAGE_SIZE = 10;
/** Fallback until the first list answer brings the server's own limit. */
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.oasis.opendocument.text': 'ODT',
};

type Notice = { tone: 'success' | 'error'; text: string; problems?: DocumentProblem[] } | null;

export function FileDocuments({ pupilId, file }: { pupilId: string; file: PupilFile }) {
  const { t, language } = useI18n();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<DocumentPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the refresh trigger
  useEffect(() => {
    let cancelled = false;
    documentsApi
      .list(pupilId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
      .then((loaded) => {
        if (cancelled) return;
        setData(loaded);
        setError(null);
      })
      .catch((caught: unknown) => !cancelled && setError(caught));
    return () => {
      cancelled = true;
    };
  }, [pupilId, page, reload]);

  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en', { maximumFractionDigits: 1 });
  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? `${number.format(Math.max(1, bytes / 1024))} kB` : `${number.format(bytes / 1048576)} MB`;
  const maxBytes = data?.rules.maxBytes ?? DEFAULT_MAX_BYTES;
  const refresh = () => setReload((n) => n + 1);

  return (
    <Section title={t('docs.title')} testId="file-documents">
      <p className="muted">{t('docs.hint', { max: size(maxBytes) })}</p>
      {notice && (
        <div
          className={`alert alert--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="document-notice"
        >
          <p>{notice.text}</p>
          {notice.problems && notice.problems.length > 0 && (
            <ul data-testid="document-problems">
              {notice.problems.map((p) => (
                <li key={p.code} data-code={p.code}>
                  {p[language]}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error !== null && <ErrorMessage error={error} onRetry={refresh} />}
      {data && data.total === 0 && <p className="muted">{t('docs.empty')}</p>}
      {data && data.items.length > 0 && (
        <ul className="file-list" data-testid="document-list">
          {data.items.map((document) => (
            <DocumentRow
              key={`${document.id}:${document.version}`}
              document={document}
              meta={t('docs.meta', {
                file: document.fileName,
                type: TYPE_LABELS[document.mediaType] ?? t('docs.type.text'),
                size: size(document.sizeBytes),
                date: formatDate(document.uploadedAt.slice(0, 10)),
                who: document.uploadedBy ?? '—',
              })}
              // A clb-arts document shared by consent is read-only for the roles it is shared with.
              canRemove={file.permissions.manage && file.permissions.levels.includes(document.confidentiality)}
              canShare={file.permissions.consent}
              onRemoved={(text, tone) => {
                setNotice({ tone, text });
                refresh();
              }}
            />
          ))}
        </ul>
      )}
      {data && data.total > PAGE_SIZE && (
        <Pagination label="docs.pages" page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} />
      )}
      {file.permissions.write && file.permissions.levels.length > 0 && (
        <UploadForm
          pupilId={pupilId}
          levels={file.permissions.levels}
          accept={data?.rules.accept}
          maxBytes={maxBytes}
          maxLabel={size(maxBytes)}
          onDone={(next) => {
            setNotice(next);
            if (next?.tone === 'success') {
              setPage(1);
              refresh();
            }
          }}
        />
      )}
    </Section>
  );
}

function DocumentRow({
  document,
  meta,
  canRemove,
  canShare,
  onRemoved,
}: {
  document: FileDocument;
  meta: string;
  canRemove: boolean;
  /** The CLB doctor shares clb-arts documents by consent. */
  canShare: boolean;
  onRemoved: (text: string, tone: 'success' | 'error') => void;
}) {
  const { t, language } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const remove = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await documentsApi.remove(document.id, document.version, reason.trim());
      onRemoved(t('docs.removed'), 'success');
    } catch (caught) {
      onRemoved(conflictOf(caught) ? t('docs.conflict') : errorMessage(caught, language, t('app.error')), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <li data-testid="document-row" data-document-id={document.id} data-version={document.version}>
      <strong data-testid="document-title">{document.title}</strong>{' '}
      <span className="badge">{t(`file.level.${document.confidentiality}` as MessageKey)}</span>
      {document.confidentiality === 'clb-arts' && !canShare && (
        <span className="badge badge--obligation" data-testid="document-shared">
          {t('consent.shared')}
        </span>
      )}
      <p className="muted" data-testid="document-meta">
        {meta}
      </p>
      <span className="file-actions">
        <a
          className="button button--secondary button--small"
          href={documentsApi.contentUrl(document.id)}
          download={document.fileName}
          data-testid="document-download"
        >
          {t('docs.download')}
        </a>
        {canRemove && !confirming && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirming(true)}
            data-testid="document-remove"
          >
            {t('docs.remove')}
          </button>
        )}
      </span>
      {document.confidentiality === 'clb-arts' && canShare && <FileConsents item="document" id={document.id} />}
      {confirming && (
        <form className="file-form" onSubmit={remove} data-testid="document-remove-form">
          <p className="muted">{t('docs.removeHint')}</p>
          <TextField
            label={t('docs.removeReason')}
            value={reason}
            onChange={setReason}
            testId="document-remove-reason"
            maxLength={2000}
          />
          <p className="file-actions">
            <button type="submit" className="button" disabled={busy} data-testid="document-remove-confirm">
              {t('docs.removeConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('docs.cancel')}
            </button>
          </p>
        </form>
      )}
    </li>
  );
}

function UploadForm({
  pupilId,
  levels,
  accept,
  maxBytes,
  maxLabel,
  onDone,
}: {
  pupilId: string;
  levels: Confidentiality[];
  accept: string | undefined;
  maxBytes: number;
  maxLabel: string;
  onDone: (notice: Notice) => void;
}) {
  const { t, language } = useI18n();
  const [title, setTitle] = useState('');
  const [level, setLevel] = useState<Confidentiality>(
    levels.includes('school+clb') ? 'school+clb' : (levels[0] ?? 'school'),
  );
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = fileInput.current?.files?.[0];
    if (!chosen) {
      onDone({ tone: 'error', text: t('docs.chooseFile') });
      return;
    }
    // The server refuses it too; checking here spares uploading megabytes for nothing.
    if (chosen.size > maxBytes) {
      onDone({ tone: 'error', text: t('docs.tooLarge', { max: maxLabel }) });
      return;
    }
    setBusy(true);
    try {
      await documentsApi.upload(pupilId, { title: title.trim(), confidentiality: level, file: chosen });
      setTitle('');
      if (fileInput.current) fileInput.current.value = '';
      onDone({ tone: 'success', text: t('docs.uploaded') });
    } catch (caught) {
      const problems = documentProblemsOf(caught);
      onDone({
        tone: 'error',
        text: problems.length > 0 ? t('docs.refused') : errorMessage(caught, language, t('app.error')),
        problems,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="file-form" onSubmit={submit} data-testid="document-form">
      <TextField
        label={t('docs.titleLabel')}
        value={title}
        onChange={setTitle}
        testId="document-title-input"
        required
        maxLength={200}
      />
      <Field label={t('file.level')}>
        {(id) => (
          <select
            id={id}
            value={level}
            onChange={(e) => setLevel(e.target.value as Confidentiality)}
            data-testid="document-level"
          >
            {levels.map((l) => (
              <option key={l} value={l}>
                {t(`file.level.${l}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('docs.file')}>
        {(id) => <input id={id} ref={fileInput} type="file" required accept={accept} data-testid="document-file" />}
      </Field>
      <button type="submit" className="button button--secondary" disabled={busy} data-testid="document-submit">
        {busy ? t('docs.uploading') : t('docs.upload')}
      </button>
    </form>
  );
}
