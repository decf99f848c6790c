-- Partial schooling at the school's request (issue 15, seed 004 l. 1516–1535, 2738–2840, 3186–3200): the school
-- asks the parents to keep the child at home for some half-days of the week. Recorded per pupil with who asked
-- and why, which half-days, since when, the review date, the parents' agreement and the CLB's involvement, so
-- that it is visible, reviewed and counted (docs/monitor.md "Partial schooling").
CREATE TABLE partial_schooling (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  -- Who asked (role or name) and why: free text within input limits.
  requested_by text NOT NULL CHECK (char_length(requested_by) BETWEEN 1 AND 200),
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 2000),
  -- The half-days of the week the pupil stays at home: ISO weekday and half, e.g. '3-PM' (Wednesday afternoon).
  home_half_days text[] NOT NULL CHECK (cardinality(home_half_days) BETWEEN 1 AND 10),
  since date NOT NULL,
  review_on date NOT NULL CHECK (review_on >= since),
  ended_on date CHECK (ended_on IS NULL OR ended_on >= since),
  parents_agreed boolean NOT NULL,
  clb_involved boolean NOT NULL,
  clb_doctor_involved boolean NOT NULL,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX partial_schooling_school_idx ON partial_schooling (school_id, since);
CREATE INDEX partial_schooling_pupil_idx ON partial_schooling (pupil_id);

-- Time at home per pupil and school year (issue 15): the spells of absence over the school's half-days (holidays,
-- weekends and free afternoons neither count nor break a spell), the spells of preventive suspension (code Y), and
-- the last spell. Refreshed with the monitor (thuiszitter.repository.ts, refreshThuiszitterFigures).
CREATE TABLE monitor_home_time (
  school_id bigint NOT NULL,
  school_year text NOT NULL,
  pupil_id bigint NOT NULL,
  absent_half_days integer NOT NULL,
  spells integer NOT NULL,
  longest_spell integer NOT NULL,
  suspension_spells integer NOT NULL,
  longest_suspension integer NOT NULL,
  last_from date NOT NULL,
  last_from_half text NOT NULL,
  last_until date NOT NULL,
  last_until_half text NOT NULL,
  last_half_days integer NOT NULL,
  PRIMARY KEY (school_id, school_year, pupil_id)
);

-- Absent half-days per pupil, school year and code AS REGISTERED (T, U, Y are not folded into R here).
CREATE TABLE monitor_pupil_code (
  school_id bigint NOT NULL,
  school_year text NOT NULL,
  pupil_id bigint NOT NULL,
  code text NOT NULL,
  half_days integer NOT NULL,
  PRIMARY KEY (school_id, school_year, pupil_id, code)
);

-- Enrolled pupils per school half-day: the denominator of "share of school half-days missed" up to any date.
CREATE TABLE monitor_possible_day (
  school_id bigint NOT NULL,
  school_year text NOT NULL,
  date date NOT NULL,
  half text NOT NULL,
  pupils integer NOT NULL,
  PRIMARY KEY (school_id, school_year, date, half)
);

-- The thuiszitter figures per school and school year (dimension, key → value), summed over the schools of a
-- region by the region report (one indexed read), like monitor_cell.
CREATE TABLE thuiszitter_cell (
  school_id bigint NOT NULL,
  school_year text NOT NULL,
  dimension text NOT NULL,
  key text NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (school_id, school_year, dimension, key)
);

-- Exclusions are few: the region report reads them live.
CREATE INDEX enrolment_excluded_idx ON enrolment (school_year, school_id) WHERE excluded_on IS NOT NULL;
