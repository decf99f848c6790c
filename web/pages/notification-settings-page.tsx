// One's own e-mail digest (issue 19): daily, weekly or off, and the digests sent (what kind, how many items, when).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { notifyApi } from '../api/notify-client.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';

const CHOICES = [
  ['daily', 'notify.daily'],
  ['weekly', 'notify.weekly'],
  ['off', 'notify.off'],
] as const;

export function NotificationSettingsPage() {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['notification-settings'], queryFn: notifyApi.settings });
  const [choice, setChoice] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const legendId = useId();
  useEffect(() => {
    document.title = `${t('notify.title')} · ${t('app.name')}`;
  }, [t]);
  if (query.error)
    return (
      <main id="main" className="page">
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      </main>
    );
  if (!query.data)
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  const settings = query.data;
  const frequency = choice ?? settings.frequency;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const next = await notifyApi.setFrequency(frequency, settings.version);
      queryClient.setQueryData(['notification-settings'], next);
      setChoice(null);
      setNotice({ tone: 'success', text: t('notify.saved') });
    } catch (caught) {
      setNotice({ tone: 'error', text: errorMessage(caught, language, t('app.error')) });
      void query.refetch();
    }
  };
  return (
    <main id="main" className="page" data-testid="notification-settings">
      <h1>{t('notify.title')}</h1>
      <p className="muted">{t('notify.hint')}</p>
      {notice && (
        <p className={`alert alert--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <form className="card section" onSubmit={save}>
        <fieldset aria-labelledby={legendId}>
          <legend id={legendId}>{t('notify.frequency')}</legend>
          {CHOICES.map(([value, label]) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="frequency"
                value={value}
                checked={frequency === value}
                onChange={() => setChoice(value)}
                data-testid={`notify-${value}`}
              />{' '}
              {t(label)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary" data-testid="notify-save">
          {t('notify.save')}
        </button>
      </form>
      <section className="card section">
        <h2>{t('notify.log')}</h2>
        {settings.log.length === 0 ? (
          <p className="muted">{t('notify.logEmpty')}</p>
        ) : (
          <ul data-testid="notify-log">
            {settings.log.map((row) => (
              <li key={row.at}>
                {t('notify.logRow', {
                  day: formatDate(row.day),
                  count: row.itemCount,
                  outcome: row.outcome === 'sent' ? t('notify.sent') : t('notify.failed'),
                  attempts: row.attempts,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
