// When a pupil with a B5_CLB signal was signalled to the CLB: the first CLB-signal workflow record (a `clb-signal`
// entry of the pupil file, written only by the workflow, src/app/pupil-file/workflows.service.ts) of that pupil at
// that school in the signal's school year. A B5_CLB signal closed any other way (a free note, before the route was
// enforced) does not count as signalled. The monitor and the self-scan both use this one fragment.

/** SQL: the date (or NULL) the pupil of the signal row `alias` was signalled to the CLB in its school year. */
export const clbSignalledOn = (alias: string) =>
  `(SELECT min(e.occurred_on) FROM file_entry e
    WHERE e.pupil_id = ${alias}.pupil_id AND e.school_id = ${alias}.school_id AND e.kind = 'clb-signal'
      AND e.occurred_on BETWEEN make_date(left(${alias}.school_year, 4)::int, 9, 1)
                            AND make_date(left(${alias}.school_year, 4)::int + 1, 8, 31))`;
