-- The CLB inbox: every CLB signal (5 B half-days, the CLB-signal workflow) and every CLB referral (the referral
-- workflow with its grounds) a school sends to the CLB that serves it. The CLB moves it along received →
-- in-progress (with a plan van aanpak) → closed (with an outcome, seed 003:313-321); the school reads the status in
-- the pupil file. `summary` keeps what the school already did at the moment it sent it. Optimistic concurrency on
-- `version`.
CREATE TABLE clb_case (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('signal', 'referral')),
  clb_id bigint NOT NULL REFERENCES organisation (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  entry_id bigint NOT NULL REFERENCES file_entry (id),
  received_on date NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'in-progress', 'closed')),
  plan text CHECK (plan IS NULL OR length(plan) BETWEEN 1 AND 4000),
  outcome text CHECK (outcome IS NULL OR outcome IN ('clb-guidance', 'external-referral', 'no-further-request')),
  outcome_note text CHECK (outcome_note IS NULL OR length(outcome_note) <= 4000),
  closed_on date,
  changed_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (outcome IS NOT NULL AND closed_on IS NOT NULL)),
  CHECK (status = 'received' OR plan IS NOT NULL)
);
CREATE INDEX clb_case_inbox_idx ON clb_case (clb_id, status, received_on DESC, id DESC);
CREATE INDEX clb_case_pupil_idx ON clb_case (pupil_id, received_on DESC, id DESC);
