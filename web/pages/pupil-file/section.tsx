// The building blocks of the pupil file page: a section with its anchor, the sticky table of contents and a
// form shown on demand.
import { type ReactNode, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

export const PAGE = 20;

export function Section({
  title,
  testId,
  anchor,
  children,
}: {
  title: string;
  testId: string;
  /** The id the table of contents links to. */
  anchor?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="section card file-section" aria-labelledby={id} data-testid={testId} id={anchor}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The sticky table of contents of the file's sections. */
export function FileToc({ sections }: { sections: { anchor: string; label: string }[] }) {
  const { t } = useI18n();
  return (
    <nav className="file-toc" aria-label={t('file.toc')} data-testid="file-toc">
      <ol>
        {sections.map((section) => (
          <li key={section.anchor}>
            <a href={`#${section.anchor}`}>{section.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A form shown on demand: a button opens it in place and closes it again. */
export function OnDemand({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="on-demand">
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid={testId}
      >
        {open ? t('file.closeForm') : label}
      </button>
      <div id={id} hidden={!open} className="on-demand__body">
        {open && children}
      </div>
    </div>
  );
}
