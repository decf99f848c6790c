-- Monitor (issue 7): aggregates precomputed from the register, enrolments and signals, refreshed per school
-- inside every import transaction and in full by `aanwezig monitor refresh` (docs/monitor.md).

-- The school year (1 September – 31 August) a civil date belongs to, as `2025-2026`. Only immutable operators,
-- so PostgreSQL inlines it into the refresh queries instead of calling a function per register row.
CREATE FUNCTION monitor_school_year(d date) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (extract(year FROM d)::int - (extract(month FROM d) < 9)::int)::text || '-'
      || (extract(year FROM d)::int - (extract(month FROM d) < 9)::int + 1)::text
$$;

-- Absent half-days per school, half-day and official code: only school half-days within the pupil's enrolment
-- of that school year, codes that count as absent, internal codes counted under their official code.
CREATE TABLE monitor_day (
  school_id bigint NOT NULL,
  school_year text NOT NULL,
  date date NOT NULL,
  half text NOT NULL,
  code text NOT NULL,
  half_days integer NOT NULL,
  PRIMARY KEY (school_id, date, half, code)
);
CREATE INDEX monitor_day_year_idx ON monitor_day (school_id, school_year);

-- Absent half-days per pupil, school year and official code; code '*' is every absent code together.
CREATE TABLE monitor_pupil_year (
  school_id bigint NOT NULL,
  school_year text NOT NULL,
  pupil_id bigint NOT NULL,
  code text NOT NULL,
  half_days integer NOT NULL,
  PRIMARY KEY (school_id, school_year, pupil_id, code)
);

-- The dashboard cells per school and school year: dimension (week, month, weekday, class, grade, threshold,
-- enrolled, signal), a key within it (week number, month, `1-AM`, class name, `lager-3`, `5`, rule id) and a code.
CREATE TABLE monitor_cell (
  school_id bigint NOT NULL,
  school_year text NOT NULL,
  dimension text NOT NULL,
  key text NOT NULL,
  code text NOT NULL,
  value integer NOT NULL,
  PRIMARY KEY (school_id, school_year, dimension, key, code)
);

-- When a school's aggregates were last refreshed (shown on the dashboards).
CREATE TABLE monitor_refresh (
  school_id bigint PRIMARY KEY,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);
