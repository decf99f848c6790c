-- Accounts and access: CLB and region scopes, an append-only audit log with a retention purge, settings,
-- pupil notes with confidentiality levels and the consents that let a CLB doctor's note be shared.

-- The schools a CLB serves (clb-medewerker, clb-arts) and the schools a region analyses (analist).
CREATE TABLE clb_school (
  clb_id bigint NOT NULL REFERENCES organisation (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (clb_id, school_id)
);
CREATE TABLE region_school (
  region_id bigint NOT NULL REFERENCES organisation (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (region_id, school_id)
);

ALTER TABLE membership ADD CONSTRAINT membership_role_check CHECK (role IN (
  'secretariaat', 'leerkracht', 'leerlingbegeleider', 'zorgcoordinator', 'directie',
  'clb-medewerker', 'clb-arts', 'analist', 'beheerder'));
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Small key/value settings, e.g. the audit retention period.
CREATE TABLE app_setting (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO app_setting (key, value) VALUES ('audit.retention_days', '730');

-- Who did what to which pupils, through which endpoint or command. Append-only (see the triggers below).
CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id bigint,
  actor_label text NOT NULL,
  action text NOT NULL,
  organisation_id bigint,
  pupil_ids bigint[] NOT NULL DEFAULT '{}',
  origin text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_at_idx ON audit_event (at);
CREATE INDEX audit_event_organisation_idx ON audit_event (organisation_id, at);
CREATE INDEX audit_event_pupils_idx ON audit_event USING gin (pupil_ids);

-- Rows never change. Only the retention purge may delete, and only rows older than the retention period: it
-- sets `aanwezig.audit_purge` for its own transaction (SET LOCAL), which no request path does.
CREATE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND coalesce(current_setting('aanwezig.audit_purge', true), '') = 'on'
     AND OLD.at < now() - make_interval(days => (SELECT value::int FROM app_setting WHERE key = 'audit.retention_days'))
  THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_guard();
CREATE FUNCTION audit_event_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (TRUNCATE refused)' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_no_truncate();

-- Notes on a pupil; who may read one follows from its confidentiality level (docs/security.md).
CREATE TABLE pupil_note (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  confidentiality text NOT NULL CHECK (confidentiality IN ('school', 'school+clb', 'clb', 'clb-arts')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  author_id bigint NOT NULL REFERENCES app_user (id),
  author_role text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pupil_note_pupil_idx ON pupil_note (pupil_id, created_at);

-- A consent (by the pupil or the parents) to share a clb-arts note with named roles until a date.
CREATE TABLE consent (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  note_id bigint NOT NULL REFERENCES pupil_note (id),
  given_by text NOT NULL,
  purpose text NOT NULL,
  shared_with_roles text[] NOT NULL,
  valid_until date NOT NULL,
  recorded_by bigint NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX consent_note_idx ON consent (note_id);
