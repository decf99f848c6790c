// The care meeting (zorgoverleg / cel leerlingenbegeleiding, issue 13): the school's meetings, a new meeting with
// its agenda from the attention list (legal duties first), and per meeting the decisions per pupil, which become
// agreements (wat / wie / wanneer / check) in the pupil files, and the minutes as PDF.
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { todayIso } from '../../src/domain/civil-date.ts';
import type { School } from '../api/client.ts';
import { errorMessage } from '../api/http.ts';
import { type AttendeeInput, type CareMeeting, notifyApi } from '../api/notify-client.ts';
import { Field, TextField } from '../components/form-field.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate } from '../router.tsx';

type Notice = { tone: 'success' | 'error'; text: string } | null;

function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <p
      className={`alert alert--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="care-notice"
    >
      {notice.text}
    </p>
  );
}

/** "Naam; functie; school|clb" per line. */
function parseAttendees(text: string): AttendeeInput[] {
  return text
    .split('\n')
    .map((line) => line.split(';').map((part) => part.trim()))
    .filter(([name]) => name)
    .map(([name = '', role = '', side = '']) => ({
      name,
      role,
      side: side.toLowerCase() === 'clb' ? 'clb' : 'school',
    }));
}

function NewMeetingForm({ school }: { school: School }) {
  const { t, language } = useI18n();
  const proposal = useQuery({ queryKey: ['care-proposal', school.id], queryFn: () => notifyApi.proposal(school.id) });
  const [heldOn, setHeldOn] = useState(todayIso());
  const [title, setTitle] = useState('Zorgoverleg');
  const [attendees, setAttendees] = useState('');
  const [skipped, setSkipped] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  if (proposal.error) return <ErrorMessage error={proposal.error} />;
  if (!proposal.data) return <Loading />;
  const pupils = proposal.data.pupils;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { id } = await notifyApi.createMeeting(school.id, {
        heldOn,
        title,
        attendees: parseAttendees(attendees),
        pupilIds: pupils.filter((p) => !skipped.has(p.pupilId)).map((p) => p.pupilId),
      });
      navigate(`/schools/${school.id}/care-meetings/${id}`);
    } catch (caught) {
      setNotice({ tone: 'error', text: errorMessage(caught, language, t('app.error')) });
    }
  };
  return (
    <form className="card section file-form" onSubmit={submit} data-testid="care-new">
      <h2>{t('care.new')}</h2>
      <TextField label={t('care.heldOn')} type="date" value={heldOn} onChange={setHeldOn} required testId="care-date" />
      <TextField label={t('care.titleField')} value={title} onChange={setTitle} required maxLength={200} />
      <Field label={t('care.attendees')}>
        {(id) => (
          <textarea
            id={id}
            rows={4}
            value={attendees}
            onChange={(e) => setAttendees(e.target.value)}
            placeholder="An Peeters; zorgcoördinator; school"
            data-testid="care-attendees"
          />
        )}
      </Field>
      <fieldset>
        <legend>{t('care.agenda')}</legend>
        {pupils.map((p) => (
          <label key={p.pupilId} className="checkbox" data-testid="care-agenda-pupil">
            <input
              type="checkbox"
              checked={!skipped.has(p.pupilId)}
              onChange={() => {
                const next = new Set(skipped);
                if (next.has(p.pupilId)) next.delete(p.pupilId);
                else next.add(p.pupilId);
                setSkipped(next);
              }}
            />{' '}
            {p.lastName}, {p.firstName} ({p.className ?? '—'}){p.legal && <strong> · {t('care.legal')}</strong>}
            <span className="muted"> · {p.reasons.map((r) => r.title).join('; ')}</span>
          </label>
        ))}
      </fieldset>
      <NoticeLine notice={notice} />
      <button type="submit" className="button button--primary" data-testid="care-create">
        {t('care.create')}
      </button>
    </form>
  );
}

export function CareMeetingsPage({ school }: { school: School }) {
  const { t } = useI18n();
  const meetings = useQuery({ queryKey: ['care-meetings', school.id], queryFn: () => notifyApi.meetings(school.id) });
  const [planning, setPlanning] = useState(false);
  useEffect(() => {
    document.title = `${t('care.title')} · ${school.name} · ${t('app.name')}`;
  }, [t, school.name]);
  return (
    <main id="main" className="page" data-testid="care-meetings">
      <h1>
        {t('care.title')} · {school.name}
      </h1>
      <p className="muted">{t('care.hint')}</p>
      <p>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={planning}
          onClick={() => setPlanning(!planning)}
          data-testid="care-open-new"
        >
          {t('care.new')}
        </button>
      </p>
      {planning && <NewMeetingForm school={school} />}
      <section className="card section">
        <h2>{t('care.meetings')}</h2>
        {meetings.error && <ErrorMessage error={meetings.error} />}
        {!meetings.data && !meetings.error && <Loading />}
        {meetings.data?.items.length === 0 && <p className="muted">{t('care.none')}</p>}
        <ul>
          {meetings.data?.items.map((m) => (
            <li key={m.id} data-testid="care-meeting-row">
              <Link to={`/schools/${school.id}/care-meetings/${m.id}`}>
                {formatDate(m.heldOn)} · {m.title}
              </Link>{' '}
              · {t('care.pupils', { count: m.pupils })} · <a href={notifyApi.minutesUrl(m.id)}>{t('care.minutes')}</a>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

type AgendaItem = CareMeeting['agenda'][number];
const emptyAgreement = () => ({ what: '', who: '', dueOn: '', remindOn: '', checkNote: '' });

function DecisionForm({ meetingId, item, onDone }: { meetingId: number; item: AgendaItem; onDone: () => void }) {
  const { t, language } = useI18n();
  const [note, setNote] = useState('');
  const [clbNote, setClbNote] = useState('');
  const [agreements, setAgreements] = useState([emptyAgreement()]);
  const [notice, setNotice] = useState<Notice>(null);
  const change = (index: number, field: keyof ReturnType<typeof emptyAgreement>, value: string) =>
    setAgreements(agreements.map((a, i) => (i === index ? { ...a, [field]: value } : a)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await notifyApi.decide(meetingId, item.pupilId, {
        note,
        clbNote: clbNote.trim() ? clbNote : null,
        agreements: agreements
          .filter((a) => a.what.trim())
          .map((a) => ({ ...a, remindOn: a.remindOn || null, checkNote: a.checkNote || null })),
      });
      onDone();
    } catch (caught) {
      setNotice({ tone: 'error', text: errorMessage(caught, language, t('app.error')) });
    }
  };
  return (
    <form className="file-form" onSubmit={submit} data-testid="care-decision-form">
      <Field label={t('care.note')}>
        {(id) => (
          <textarea
            id={id}
            rows={3}
            required
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="care-note"
          />
        )}
      </Field>
      <Field label={t('care.clbNote')}>
        {(id) => <textarea id={id} rows={2} value={clbNote} onChange={(e) => setClbNote(e.target.value)} />}
      </Field>
      {agreements.map((a, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended, never reordered
        <fieldset key={index} className="care-agreement">
          <legend>
            {t('care.agreement')} {index + 1}
          </legend>
          <TextField
            label={t('care.agreement')}
            value={a.what}
            onChange={(v) => change(index, 'what', v)}
            maxLength={2000}
            testId="care-what"
          />
          <TextField
            label={t('care.who')}
            value={a.who}
            onChange={(v) => change(index, 'who', v)}
            maxLength={200}
            testId="care-who"
          />
          <TextField
            label={t('care.due')}
            type="date"
            value={a.dueOn}
            onChange={(v) => change(index, 'dueOn', v)}
            testId="care-due"
          />
          <TextField
            label={t('care.remind')}
            type="date"
            value={a.remindOn}
            onChange={(v) => change(index, 'remindOn', v)}
          />
          <TextField
            label={t('care.check')}
            value={a.checkNote}
            onChange={(v) => change(index, 'checkNote', v)}
            maxLength={2000}
          />
        </fieldset>
      ))}
      <p className="file-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setAgreements([...agreements, emptyAgreement()])}
        >
          + {t('care.agreement')}
        </button>
        <button type="submit" className="button button--primary" data-testid="care-record">
          {t('care.record')}
        </button>
      </p>
      <NoticeLine notice={notice} />
    </form>
  );
}

export function CareMeetingPage({ school, meetingId }: { school: School; meetingId: string }) {
  const { t } = useI18n();
  const query = useQuery({ queryKey: ['care-meeting', meetingId], queryFn: () => notifyApi.meeting(meetingId) });
  const [notice, setNotice] = useState<Notice>(null);
  const meeting = query.data;
  useEffect(() => {
    if (meeting) document.title = `${meeting.title} ${formatDate(meeting.heldOn)} · ${t('app.name')}`;
  }, [t, meeting]);
  if (query.error)
    return (
      <main id="main" className="page">
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      </main>
    );
  if (!meeting)
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  return (
    <main id="main" className="page" data-testid="care-meeting">
      <p className="back-link">
        <Link to={`/schools/${school.id}/care-meetings`}>← {t('care.back')}</Link>
      </p>
      <h1>
        {meeting.title} · {formatDate(meeting.heldOn)}
      </h1>
      <p>
        {meeting.attendees.map((a) => `${a.name}${a.role ? ` (${a.role})` : ''} · ${a.side.toUpperCase()}`).join(', ')}
      </p>
      <p>
        <a className="button button--secondary" href={notifyApi.minutesUrl(meeting.id)} data-testid="care-minutes">
          {t('care.minutes')}
        </a>
      </p>
      <NoticeLine notice={notice} />
      {meeting.agenda.map((item) => (
        <section
          key={item.pupilId}
          className="card section"
          data-testid="care-agenda-item"
          data-pupil-id={item.pupilId}
        >
          <h2>
            {item.position}.{' '}
            <Link to={`/pupils/${item.pupilId}/file`}>
              {item.lastName}, {item.firstName}
            </Link>{' '}
            ({item.className ?? '—'}){item.legal && <span> · {t('care.legal')}</span>}
          </h2>
          {item.reasons.length > 0 && <p className="muted">{item.reasons.map((r) => r.title).join('; ')}</p>}
          {item.notes.map((n) => (
            <p key={n.text}>{n.text}</p>
          ))}
          {item.agreements.length > 0 && (
            <ul>
              {item.agreements.map((a) => (
                <li key={a.id}>
                  {a.what} · {a.who} · {formatDate(a.dueOn)}
                  {a.checkNote ? ` · ${a.checkNote}` : ''}
                </li>
              ))}
            </ul>
          )}
          {!item.discussed && (
            <DecisionForm
              meetingId={meeting.id}
              item={item}
              onDone={() => {
                setNotice({ tone: 'success', text: t('care.recorded') });
                void query.refetch();
              }}
            />
          )}
        </section>
      ))}
    </main>
  );
}
