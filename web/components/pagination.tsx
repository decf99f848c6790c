// Previous / next paging with the "from–to of total" range, shared by every paginated list.
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';

export function Pagination(props: {
  label: MessageKey;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { language, t } = useI18n();
  const { page, pageSize, total, onPage } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const number = new Intl.NumberFormat(language === 'nl' ? 'nl-BE' : 'en');
  return (
    <nav className="pagination" aria-label={t(props.label)}>
      <p className="pagination__range">
        {t('overview.range', { from: number.format(from), to: number.format(to), total: number.format(total) })}
      </p>
      <div className="pagination__buttons">
        <button
          type="button"
          className="button button--secondary"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
          data-testid="page-previous"
        >
          ‹ {t('overview.previous')}
        </button>
        <span className="pagination__page">{t('overview.page', { page, pages })}</span>
        <button
          type="button"
          className="button button--secondary"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
          data-testid="page-next"
        >
          {t('overview.next')} ›
        </button>
      </div>
    </nav>
  );
}
