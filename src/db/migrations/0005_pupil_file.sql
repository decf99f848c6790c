-- The pupil file (leerlingendossier): tracks with their phase 0–3 and its history, the spilfiguur, the people
-- involved and contact attempts, typed timeline entries with a confidentiality level, agreements
-- (wat / wie / wanneer / check), and the edit history of every editable item. See docs/pupil-file.md.

-- One file per pupil, created on first write; carries the spilfiguur (pivot person) and a version.
CREATE TABLE pupil_file (
  pupil_id bigint PRIMARY KEY REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  pivot_name text,
  pivot_role text,
  pivot_contact text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The current phase of the care continuum per track; every change also lands in file_track_change.
CREATE TABLE file_track (
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  track text NOT NULL CHECK (track IN ('ongeoorloofd', 'geoorloofd', 'schoolweigering', 'thuiszitter')),
  phase smallint NOT NULL CHECK (phase BETWEEN 0 AND 3),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pupil_id, track)
);

CREATE TABLE file_track_change (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  track text NOT NULL,
  from_phase smallint,
  to_phase smallint NOT NULL,
  reason text NOT NULL,
  changed_by bigint REFERENCES app_user (id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX file_track_change_pupil_idx ON file_track_change (pupil_id, changed_at);

-- People involved: the pupil, parents, a plus-parent, school staff, CLB, external helpers.
CREATE TABLE file_person (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  relation text NOT NULL CHECK (relation IN
    ('pupil', 'parent1', 'parent2', 'plus-parent', 'school-staff', 'clb', 'external', 'other')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  phone text,
  email text,
  address text,
  note text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX file_person_pupil_idx ON file_person (pupil_id, id);

-- Every attempt to reach someone, reached or not ("parents unreachable" feeds the attention list's order).
CREATE TABLE file_contact_attempt (
  id bigserial PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES file_person (id),
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  attempted_on date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('phone', 'letter', 'message', 'email', 'home-visit', 'in-person')),
  reached boolean NOT NULL,
  note text,
  recorded_by bigint REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX file_contact_attempt_pupil_idx ON file_contact_attempt (pupil_id, attempted_on DESC, id DESC);

-- Timeline entries: typed interventions (and workflow records) with a date, who, what, effect and a level.
CREATE TABLE file_entry (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  kind text NOT NULL,
  occurred_on date NOT NULL,
  who text NOT NULL,
  what text NOT NULL,
  effect text,
  confidentiality text NOT NULL CHECK (confidentiality IN ('school', 'school+clb', 'clb', 'clb-arts')),
  -- Workflow checklists (CLB signal, police report, return after hospital) keep their answers here.
  details jsonb NOT NULL DEFAULT '{}',
  -- The signal this entry handled, when it was recorded from the attention list or a workflow.
  signal_id bigint REFERENCES signal (id),
  author_id bigint REFERENCES app_user (id),
  author_role text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX file_entry_timeline_idx ON file_entry (pupil_id, occurred_on DESC, id DESC);

-- Agreements: wat / wie / wanneer / check, with a due date and a status.
CREATE TABLE file_agreement (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  what text NOT NULL CHECK (length(what) BETWEEN 1 AND 2000),
  who text NOT NULL CHECK (length(who) BETWEEN 1 AND 200),
  due_on date NOT NULL,
  check_note text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
  entry_id bigint REFERENCES file_entry (id),
  created_by bigint REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX file_agreement_pupil_idx ON file_agreement (pupil_id, status, due_on);

-- Edit history of every editable item of the file: what it was before and after, who changed it and when.
CREATE TABLE file_edit (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  item text NOT NULL CHECK (item IN ('file', 'track', 'person', 'entry', 'agreement')),
  item_id text NOT NULL,
  version integer NOT NULL,
  before jsonb,
  after jsonb NOT NULL,
  edited_by bigint REFERENCES app_user (id),
  edited_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX file_edit_pupil_idx ON file_edit (pupil_id, edited_at DESC, id DESC);
