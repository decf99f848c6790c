// The one rule for the B half-days a pupil brings from a previous school this school year (docs/decisions/0035),
// as SQL: the count the pupils import carried over when given; otherwise the B rows of the same identity (the
// keyed INSZ hash) at another school of this database, in this school year before this enrolment began. The
// signal recompute and the pupil page use this fragment, so the page shows what the rules counted.

/** SQL for the carried-over B of enrolment `e` of pupil `p` (both aliases must be in scope). */
export const CARRIED_OVER_B_SQL = `coalesce(e.carried_over_b, CASE WHEN p.identity_hash IS NULL THEN 0 ELSE (
    SELECT count(*)::int FROM pupil o JOIN register_entry r ON r.pupil_id = o.id
    WHERE o.identity_hash = p.identity_hash AND o.id <> p.id AND r.code = 'B'
      AND r.date >= make_date(split_part(e.school_year, '-', 1)::int, 9, 1) AND r.date < e.enrolled_from
  ) END)`;
