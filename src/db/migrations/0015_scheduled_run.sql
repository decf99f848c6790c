-- One row per scheduled job and day: the primary key makes the daily job run once across several server
-- processes on one PostgreSQL database (the process whose INSERT succeeds runs it; the others skip).
CREATE TABLE scheduled_run (
  job text NOT NULL,
  day date NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  outcome text CHECK (outcome IN ('done', 'failed')),
  summary jsonb,
  PRIMARY KEY (job, day)
);
