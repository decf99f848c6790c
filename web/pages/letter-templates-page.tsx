// The school's letter templates (issue 19): the directie or beheerder edits the Dutch text of each letter to
// parents, with the placeholders listed; a stale save shows the conflict, and the default can be put back.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { School } from '../api/client.ts';
import { errorMessage } from '../api/http.ts';
import { type LetterTemplates, notifyApi } from '../api/notify-client.ts';
import { Field, TextField } from '../components/form-field.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';

type Template = LetterTemplates['templates'][number];

function TemplateForm({ school, template }: { school: School; template: Template }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const key = ['letter-templates', school.id];
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      queryClient.setQueryData(
        key,
        await notifyApi.saveTemplate(school.id, template.kind, { subject, body, version: template.version }),
      );
      setNotice({ tone: 'success', text: t('letter.saved') });
    } catch (caught) {
      setNotice({ tone: 'error', text: errorMessage(caught, language, t('app.error')) });
    }
  };
  const restoreDefault = () => {
    setSubject(template.defaultSubject);
    setBody(template.defaultBody);
  };
  return (
    <form className="card section file-form" onSubmit={save} data-testid={`template-${template.kind}`}>
      <h2>{template.label}</h2>
      <p className="muted">{template.isDefault ? t('letter.isDefault') : t('letter.isOwn')}</p>
      <TextField label={t('letter.subject')} value={subject} onChange={setSubject} required maxLength={300} />
      <Field label={t('letter.body')}>
        {(id) => (
          <textarea
            id={id}
            rows={12}
            value={body}
            maxLength={20_000}
            required
            onChange={(e) => setBody(e.target.value)}
            data-testid={`template-body-${template.kind}`}
          />
        )}
      </Field>
      {notice && (
        <p className={`alert alert--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <p className="file-actions">
        <button type="submit" className="button button--primary" data-testid={`template-save-${template.kind}`}>
          {t('letter.saveTemplate')}
        </button>
        <button type="button" className="button button--secondary" onClick={restoreDefault}>
          {t('letter.useDefault')}
        </button>
      </p>
    </form>
  );
}

export function LetterTemplatesPage({ school }: { school: School }) {
  const { t } = useI18n();
  const query = useQuery({ queryKey: ['letter-templates', school.id], queryFn: () => notifyApi.templates(school.id) });
  useEffect(() => {
    document.title = `${t('letter.templates')} · ${school.name} · ${t('app.name')}`;
  }, [t, school.name]);
  return (
    <main id="main" className="page" data-testid="letter-templates">
      <h1>
        {t('letter.templates')} · {school.name}
      </h1>
      <p className="muted">{t('letter.templatesHint')}</p>
      {query.error && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {!query.data && !query.error && <Loading />}
      {query.data && (
        <>
          <details className="card section">
            <summary>{t('letter.placeholders')}</summary>
            <ul>
              {query.data.placeholders.map((p) => (
                <li key={p.name}>
                  <code>{`{{${p.name}}}`}</code>: {p.description}
                </li>
              ))}
            </ul>
          </details>
          {query.data.templates.map((template) => (
            <TemplateForm key={`${template.kind}-${template.version}`} school={school} template={template} />
          ))}
        </>
      )}
    </main>
  );
}
