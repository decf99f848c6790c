-- Foundation: organisations, users and sessions, calendar, pupils and enrolments, the absence register.
-- PostgreSQL 15 dialect (PGlite runs 18; nothing here needs more than 15).

CREATE TABLE organisation (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('school', 'clb', 'region')),
  name text NOT NULL,
  institution_number text UNIQUE,
  calendar_level text CHECK (calendar_level IN ('basis', 'secundair')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  display_name text NOT NULL,
  password_hash text,
  locale text NOT NULL DEFAULT 'nl-BE' CHECK (locale IN ('nl-BE', 'en')),
  active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

-- A user's role in an organisation; class_names scopes a class teacher (leerkracht) to classes.
CREATE TABLE membership (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id),
  organisation_id bigint NOT NULL REFERENCES organisation (id),
  role text NOT NULL,
  class_names text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, organisation_id, role)
);

-- Sessions are stored by the SHA-256 of their token, so a database leak does not leak live sessions.
CREATE TABLE user_session (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE absence_code (
  code text PRIMARY KEY,
  official boolean NOT NULL,
  maps_to text,
  counts_as_absent boolean NOT NULL,
  label_nl text NOT NULL,
  label_en text NOT NULL
);

CREATE TABLE calendar_half_day (
  school_id bigint NOT NULL REFERENCES organisation (id),
  date date NOT NULL,
  half text NOT NULL CHECK (half IN ('AM', 'PM')),
  school_day boolean NOT NULL,
  source text NOT NULL,
  PRIMARY KEY (school_id, date, half)
);

CREATE TABLE pupil (
  id bigserial PRIMARY KEY,
  school_id bigint NOT NULL REFERENCES organisation (id),
  external_id text NOT NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  birth_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, external_id)
);

CREATE TABLE enrolment (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  school_year text NOT NULL,
  level text NOT NULL CHECK (level IN ('kleuter', 'lager', 'secundair')),
  grade integer,
  class_name text,
  enrolled_from date NOT NULL,
  enrolled_until date,
  excluded_on date,
  UNIQUE (pupil_id, school_year),
  CHECK (enrolled_until IS NULL OR enrolled_until >= enrolled_from)
);
CREATE INDEX enrolment_school_year_idx ON enrolment (school_id, school_year);

CREATE TABLE import_batch (
  id bigserial PRIMARY KEY,
  school_id bigint NOT NULL REFERENCES organisation (id),
  kind text NOT NULL CHECK (kind IN ('pupils', 'register', 'calendar')),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  row_count integer NOT NULL,
  inserted_count integer NOT NULL,
  updated_count integer NOT NULL,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_batch_hash_idx ON import_batch (school_id, kind, file_sha256);

-- One row per pupil per half-day that is not an ordinary presence.
CREATE TABLE register_entry (
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  date date NOT NULL,
  half text NOT NULL CHECK (half IN ('AM', 'PM')),
  school_id bigint NOT NULL,
  code text NOT NULL,
  note text,
  import_id bigint,
  recorded_by bigint,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pupil_id, date, half)
);
CREATE INDEX register_entry_school_date_idx ON register_entry (school_id, date);

-- Every correction of a register row: old and new code, who, when, which import.
CREATE TABLE register_history (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL,
  date date NOT NULL,
  half text NOT NULL,
  old_code text NOT NULL,
  new_code text NOT NULL,
  old_note text,
  new_note text,
  import_id bigint,
  changed_by bigint,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX register_history_pupil_idx ON register_history (pupil_id, date);
