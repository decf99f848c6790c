// A person involved in the pupil file: parent, care worker, CLB, ...
import { type FormEvent, useState } from 'react';
import { fileApi } from '../../api/pupil-file-client.ts';
import { Field, TextField } from '../../components/form-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { FormError, type Run, useFormRun } from './form-run.tsx';

const RELATIONS = ['pupil', 'parent1', 'parent2', 'plus-parent', 'school-staff', 'clb', 'external', 'other'];

export function PersonForm({ pupilId, run }: { pupilId: string; run: Run }) {
  const { t } = useI18n();
  const labels = useLabels();
  const { submit: send, problems, formError } = useFormRun(run, ['relation', 'name', 'phone', 'email']);
  const [relation, setRelation] = useState('parent1');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(
      () =>
        fileApi.addPerson(pupilId, {
          relation,
          name,
          phone: phone || null,
          email: email || null,
          address: null,
          note: null,
        }),
      t('file.saved'),
    ).then((ok) => {
      if (ok) {
        setName('');
        setPhone('');
        setEmail('');
      }
    });
  };
  return (
    <form className="file-form" onSubmit={submit}>
      <Field label={t('file.relation')} problems={problems.relation}>
        {(id) => (
          <select id={id} value={relation} onChange={(e) => setRelation(e.target.value)} data-testid="person-relation">
            {RELATIONS.map((r) => (
              <option key={r} value={r}>
                {labels.relation(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        label={t('file.name')}
        value={name}
        onChange={setName}
        testId="person-name"
        required
        maxLength={200}
        problems={problems.name}
      />
      <TextField
        label={t('file.phone')}
        value={phone}
        onChange={setPhone}
        testId="person-phone"
        maxLength={100}
        problems={problems.phone}
      />
      <Field label={t('file.email')} problems={problems.email}>
        {(id) => (
          <input id={id} type="email" maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} />
        )}
      </Field>
      <FormError text={formError} />
      <button type="submit" className="button button--primary" data-testid="person-add">
        {t('file.addPerson')}
      </button>
    </form>
  );
}
