// The school year at a glance: one row per month (September → August), each day split into AM and PM cells.
import { useMemo } from 'react';
import type { AbsenceCode, CalendarHalfDay, RegisterEntry } from '../api/client.ts';
import { formatDateWithWeekday, halfDayKey, halfLabel } from '../dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import type { Translate } from '../i18n/translate.ts';
import { codeMeaning } from './code-badge.tsx';
import { codeColour } from './code-colours.ts';
import {
  buildHeatMap,
  codesInRegister,
  type EnrolmentPeriod,
  type HeatMapCell,
  MAX_DAYS_IN_MONTH,
} from './heat-map-layout.ts';

export interface YearHeatMapProps {
  schoolYear: string;
  calendar: readonly CalendarHalfDay[];
  register: readonly RegisterEntry[];
  enrolment: EnrolmentPeriod | null;
  codes: readonly AbsenceCode[];
  /** Half-days to emphasise, as `YYYY-MM-DD|AM` keys (e.g. the evidence of a signal). */
  highlight?: ReadonlySet<string>;
  /** What the outlined half-days are, for the legend and the cell labels; defaults to "gemarkeerd". */
  highlightLabel?: string;
}

const DAY_NUMBERS = Array.from({ length: MAX_DAYS_IN_MONTH }, (_, index) => index + 1);

export function YearHeatMap({
  schoolYear,
  calendar,
  register,
  enrolment,
  codes,
  highlight,
  highlightLabel,
}: YearHeatMapProps) {
  const { language, t } = useI18n();
  const months = useMemo(
    () => buildHeatMap({ schoolYear, calendar, register, enrolment }),
    [schoolYear, calendar, register, enrolment],
  );
  const usedCodes = useMemo(
    () =>
      codesInRegister(
        register,
        codes.map((code) => code.code),
      ),
    [register, codes],
  );

  const describe = (cell: HeatMapCell): string => {
    const when = `${formatDateWithWeekday(cell.date, t)} ${halfLabel(cell.half, language)}`;
    let what: string;
    if (cell.kind === 'code' && cell.code !== null) {
      what = `${cell.code}: ${codeMeaning(cell.code, codes, language) ?? t('codes.unknown')}`;
    } else if (cell.kind === 'present') what = t('heatMap.present');
    else if (cell.kind === 'nonSchool') what = t('heatMap.nonSchool');
    else what = t('heatMap.outside');
    const marked = highlight?.has(halfDayKey(cell.date, cell.half))
      ? ` (${highlightLabel ?? t('heatMap.highlighted')})`
      : '';
    return `${when} — ${what}${marked}`;
  };

  const renderCell = (cell: HeatMapCell) => {
    const highlighted = highlight?.has(halfDayKey(cell.date, cell.half)) ?? false;
    const colour = cell.kind === 'code' && cell.code !== null ? codeColour(cell.code) : null;
    const label = describe(cell);
    return (
      <span
        className={`heat-cell heat-cell--${cell.kind}${highlighted ? ' heat-cell--highlighted' : ''}`}
        style={colour ? { backgroundColor: colour.background, color: colour.foreground } : undefined}
        role="img"
        aria-label={label}
        title={label}
        data-date={cell.date}
        data-half={cell.half}
        data-kind={cell.kind}
        data-code={cell.code ?? undefined}
        data-highlighted={highlighted ? 'true' : undefined}
      >
        {cell.code}
      </span>
    );
  };

  return (
    <figure className="heat-map" data-testid="heat-map">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="heat-map__scroll" aria-label={t('heatMap.label')} tabIndex={0}>
        <table className="heat-map__table">
          <caption className="visually-hidden">
            {t('heatMap.label')} {schoolYear}. {t('pupil.heatMapHint')}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="heat-map__corner">
                <span className="visually-hidden">{t('heatMap.month')}</span>
              </th>
              {DAY_NUMBERS.map((day) => (
                <th key={day} scope="col" className="heat-map__day-number">
                  {day}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.key}>
                <th scope="row" className="heat-map__month">
                  {monthLabel(month.month, t)} <span className="heat-map__year">{month.year}</span>
                </th>
                {month.days.map((day, index) =>
                  day ? (
                    <td key={day.date} className={`heat-map__day${day.weekday >= 6 ? ' heat-map__day--weekend' : ''}`}>
                      {renderCell(day.am)}
                      {renderCell(day.pm)}
                    </td>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the slot position is the identity of a missing day
                    <td key={`none-${index}`} className="heat-map__day heat-map__day--none" />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <figcaption className="heat-map__legend">
        <span className="visually-hidden">{t('heatMap.legend')}: </span>
        <ul>
          {usedCodes.map((code) => {
            const colour = codeColour(code);
            return (
              <li key={code}>
                <span
                  className="heat-cell heat-cell--code heat-cell--swatch"
                  style={{ backgroundColor: colour.background, color: colour.foreground }}
                  aria-hidden="true"
                >
                  {code}
                </span>
                {code}: {codeMeaning(code, codes, language) ?? t('codes.unknown')}
              </li>
            );
          })}
          <li>
            <span className="heat-cell heat-cell--present heat-cell--swatch" aria-hidden="true" />
            {t('heatMap.present')}
          </li>
          <li>
            <span className="heat-cell heat-cell--nonSchool heat-cell--swatch" aria-hidden="true" />
            {t('heatMap.nonSchool')}
          </li>
          <li>
            <span className="heat-cell heat-cell--outside heat-cell--swatch" aria-hidden="true" />
            {t('heatMap.outside')}
          </li>
          {highlight && highlight.size > 0 && (
            <li data-testid="heat-map-highlight-legend">
              <span
                className="heat-cell heat-cell--present heat-cell--highlighted heat-cell--swatch"
                aria-hidden="true"
              />
              {highlightLabel ?? t('heatMap.highlighted')}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}

function monthLabel(month: number, t: Translate): string {
  return t(`month.${month}` as MessageKey);
}
