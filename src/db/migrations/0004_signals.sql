-- Signals (knipperlichten) computed from the register, with their evidence and follow-up lifecycle.
CREATE TABLE signal (
  id bigserial PRIMARY KEY,
  school_id bigint NOT NULL REFERENCES organisation (id),
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_year text NOT NULL,
  rule_id text NOT NULL,
  triggered_on date NOT NULL,
  evidence jsonb NOT NULL,
  -- Fingerprint of the evidence: a handled signal comes back only when this changes (new evidence).
  evidence_key text NOT NULL,
  explanation_nl text NOT NULL,
  explanation_en text NOT NULL,
  -- False when a recompute no longer finds the rule holding (e.g. a code was corrected).
  holds boolean NOT NULL DEFAULT true,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'handled')),
  handled_evidence_key text,
  acknowledged_by bigint REFERENCES app_user (id),
  acknowledged_at timestamptz,
  handled_by bigint REFERENCES app_user (id),
  handled_at timestamptz,
  handled_note text,
  handled_link text,
  detected_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (pupil_id, school_year, rule_id)
);
CREATE INDEX signal_school_year_idx ON signal (school_id, school_year) WHERE holds;

-- What happened to a signal: detected, new evidence, acknowledged, handled, reopened, cleared.
CREATE TABLE signal_event (
  id bigserial PRIMARY KEY,
  signal_id bigint NOT NULL REFERENCES signal (id),
  event text NOT NULL,
  actor_id bigint REFERENCES app_user (id),
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signal_event_signal_idx ON signal_event (signal_id);

-- Bumped on every calendar change, so app instances can cache a school's compiled calendar safely.
ALTER TABLE organisation ADD COLUMN calendar_version integer NOT NULL DEFAULT 0;
