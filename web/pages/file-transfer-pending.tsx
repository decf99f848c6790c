// The CLB inbox's list of school changers whose file the CLB has not transferred yet (issue 15): pupils of the
// schools it serves who appear later at another school with the same keyed identity. Links to the pupil file,
// where the transfer panel records the parents' decision and sends.
import { useQuery } from '@tanstack/react-query';
import { fileTransferApi } from '../api/file-transfer-client.ts';
import { formatDate } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export function PendingTransfers({ clbId }: { clbId: number }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['file-transfers-pending', clbId],
    queryFn: () => fileTransferApi.pending(clbId),
    retry: false,
  });
  if (!query.data || query.data.items.length === 0) return null;
  return (
    <section className="card" data-testid="transfers-pending" aria-labelledby="transfers-pending-title">
      <h2 id="transfers-pending-title">{t('inbox.pending.title')}</h2>
      <ul className="file-list">
        {query.data.items.map((item) => (
          <li key={item.pupil.id}>
            <Link to={`/pupils/${item.pupil.id}/file#file-transfer`}>
              {t('inbox.pending.row', {
                pupil: item.pupil.name,
                school: item.school.name,
                newSchool: item.newSchool.name,
                date: formatDate(item.newSchool.enrolledFrom),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
