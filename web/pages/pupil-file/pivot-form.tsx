// The spilfiguur (pivot person) of the file.
import { type FormEvent, useState } from 'react';
import { fileApi, type PupilFile } from '../../api/pupil-file-client.ts';
import { TextField } from '../../components/form-field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormError, type Run, useFormRun } from './form-run.tsx';

export function PivotForm({ pupilId, pivot, run }: { pupilId: string; pivot: PupilFile['pivot']; run: Run }) {
  const { t } = useI18n();
  const { submit: send, problems, formError } = useFormRun(run, ['name', 'role', 'contact']);
  const [name, setName] = useState(pivot.name ?? '');
  const [role, setRole] = useState(pivot.role ?? '');
  const [contact, setContact] = useState(pivot.contact ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(() => fileApi.setPivot(pupilId, { name, role, contact, version: pivot.version }), t('file.saved'));
  };
  return (
    <form className="file-form" onSubmit={submit}>
      <TextField
        label={t('file.name')}
        value={name}
        onChange={setName}
        testId="pivot-name"
        required
        maxLength={200}
        problems={problems.name}
      />
      <TextField
        label={t('file.role')}
        value={role}
        onChange={setRole}
        testId="pivot-role"
        maxLength={200}
        problems={problems.role}
      />
      <TextField
        label={t('file.contact')}
        value={contact}
        onChange={setContact}
        testId="pivot-contact"
        maxLength={500}
        problems={problems.contact}
      />
      <FormError text={formError} />
      <button type="submit" className="button button--primary" data-testid="pivot-save">
        {t('file.save')}
      </button>
    </form>
  );
}
