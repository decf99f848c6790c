-- The transfer of a pupil's CLB file to the CLB of the new school (issue 15, docs/decisions/0036,
-- docs/school-changers.md). The old CLB records the decision of the parents (or the adult pupil) after informing
-- them, then sends a read-only snapshot of chosen items to the CLB serving the school where the same identity
-- (pupil.identity_hash) is enrolled now. The old file is not changed. The receiving CLB gets a 'transfer' case in
-- its inbox (aandachtspunt: opvolging vereist, seed 003 l. 331–333).

-- The decision on the transfer: who decided (parents, or the pupil of age), when they were informed and decided,
-- which refusable categories they refused (empty: no objection). Decisions are appended, never edited; the latest
-- one of the pupil is the one in force.
CREATE TABLE file_transfer_decision (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  decided_by text NOT NULL CHECK (decided_by IN ('parents', 'pupil')),
  informed_on date NOT NULL,
  decided_on date NOT NULL,
  refused text[] NOT NULL DEFAULT '{}' CHECK (refused <@ ARRAY['guidance', 'clb-medical']::text[]),
  note text CHECK (note IS NULL OR length(note) <= 2000),
  recorded_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
  recorder_role text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (informed_on <= decided_on)
);
CREATE INDEX file_transfer_decision_pupil_idx ON file_transfer_decision (pupil_id, id DESC);

-- One sending: from the pupil row of the old school to the pupil row of the new school (same identity), from the
-- CLB of the old school to the CLB of the new one. `left_out` counts what was chosen but not sent, per category
-- and reason (no content). `case_id` is the receiving CLB's inbox case.
CREATE TABLE file_transfer (
  id bigserial PRIMARY KEY,
  from_school_id bigint NOT NULL REFERENCES organisation (id),
  from_pupil_id bigint NOT NULL REFERENCES pupil (id),
  from_clb_id bigint NOT NULL REFERENCES organisation (id),
  to_school_id bigint NOT NULL REFERENCES organisation (id),
  to_pupil_id bigint NOT NULL REFERENCES pupil (id),
  to_clb_id bigint NOT NULL REFERENCES organisation (id),
  decision_id bigint NOT NULL REFERENCES file_transfer_decision (id),
  handover_note text CHECK (handover_note IS NULL OR length(handover_note) <= 4000),
  left_out jsonb NOT NULL DEFAULT '[]',
  case_id bigint REFERENCES clb_case (id),
  sent_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
  sender_role text NOT NULL,
  sent_on date NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_pupil_id <> to_pupil_id)
);
CREATE INDEX file_transfer_from_idx ON file_transfer (from_pupil_id, id DESC);
CREATE INDEX file_transfer_to_idx ON file_transfer (to_pupil_id, id DESC);
CREATE INDEX file_transfer_to_clb_idx ON file_transfer (to_clb_id, id DESC);

-- The snapshot: a copy of each item as it was when sent (an entry's text, a document's bytes). Disciplinary
-- content can never be stored here (no 'disciplinary' category); clb-medical items are read by the CLB doctor only.
CREATE TABLE file_transfer_item (
  id bigserial PRIMARY KEY,
  transfer_id bigint NOT NULL REFERENCES file_transfer (id),
  category text NOT NULL CHECK (category IN ('verslag', 'guidance', 'clb-medical')),
  readers text NOT NULL CHECK (readers IN ('clb', 'clb-arts')),
  source text NOT NULL CHECK (source IN ('entry', 'document')),
  source_id bigint NOT NULL,
  source_confidentiality text NOT NULL CHECK (source_confidentiality IN ('school+clb', 'clb', 'clb-arts')),
  occurred_on date NOT NULL,
  kind text,
  who text,
  what text,
  effect text,
  title text,
  file_name text,
  media_type text,
  size_bytes integer,
  sha256 text,
  content bytea,
  author_role text,
  CHECK ((category = 'clb-medical') = (readers = 'clb-arts')),
  CHECK ((source = 'document') = (content IS NOT NULL))
);
ALTER TABLE file_transfer_item ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX file_transfer_item_transfer_idx ON file_transfer_item (transfer_id, id);

-- The receiving CLB's inbox gains a third kind of case: a transferred file that asks for follow-up.
ALTER TABLE clb_case DROP CONSTRAINT clb_case_kind_check;
ALTER TABLE clb_case ADD CONSTRAINT clb_case_kind_check CHECK (kind IN ('signal', 'referral', 'transfer'));
