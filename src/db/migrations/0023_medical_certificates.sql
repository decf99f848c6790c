-- Medical certificates (issue 14; seed 001 l. 212, 550–558; seed 003 §2.1; shared/domain/sources.md §2.6): one row
-- per certificate period, with who issued it, when the school received it, whether it is a dixit-certificate and
-- whether the school doubts it. A doubt opens the seed-003 route: the school tells the CLB (clb_told_on), the CLB
-- doctor contacts the certifying doctor with the parents' consent (consent_on, doctor_contacted_on) and records the
-- outcome, which the school sees. The CLB doctor's own notes are a file_entry at confidentiality clb-arts
-- (doctor_note_entry_id), read only through the one visibility rule (db/file-visibility.sql.ts).
CREATE TABLE medical_certificate (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  from_date date NOT NULL,
  from_half text CHECK (from_half IN ('AM', 'PM')),
  to_date date NOT NULL,
  to_half text CHECK (to_half IN ('AM', 'PM')),
  issuer_kind text NOT NULL
    CHECK (issuer_kind IN ('arts', 'specialist', 'psychiater', 'tandarts', 'orthodontist', 'ziekenhuis', 'labo')),
  received_on date NOT NULL,
  dixit boolean NOT NULL DEFAULT false,
  doubt boolean NOT NULL DEFAULT false,
  doubt_reason text CHECK (doubt_reason IS NULL OR char_length(doubt_reason) <= 2000),
  clb_told_on date,
  consent_on date,
  doctor_contacted_on date,
  outcome text CHECK (outcome IN ('geldig', 'niet-geldig', 'onduidelijk')),
  outcome_on date,
  doctor_note_entry_id bigint REFERENCES file_entry (id),
  created_by bigint REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date >= from_date),
  CHECK (NOT doubt OR doubt_reason IS NOT NULL)
);
CREATE INDEX medical_certificate_pupil_idx ON medical_certificate (pupil_id, from_date);

-- Exam periods of a secondary school: illness during them needs a certificate (sources.md §2.6).
CREATE TABLE exam_period (
  id bigserial PRIMARY KEY,
  school_id bigint NOT NULL REFERENCES organisation (id),
  from_date date NOT NULL,
  to_date date NOT NULL,
  label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 200),
  CHECK (to_date >= from_date)
);
CREATE INDEX exam_period_school_idx ON exam_period (school_id, from_date);
