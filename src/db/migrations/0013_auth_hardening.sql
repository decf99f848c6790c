-- Sign-in hardening and an audit log the application itself cannot empty (docs/security.md, items 5, 6 and 10):
-- login back-off per account and client address instead of a hard lock, expiring temporary passwords, a hard
-- floor under the audit retention period, and a purge that only works through one audited function.

-- Failed sign-ins per typed account name (known or not, so answers do not reveal which accounts exist) and
-- client address (so an attacker's failures do not block the owner's own address). Rows older than a day go.
CREATE TABLE login_throttle (
  account_key text NOT NULL,
  client_address text NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  blocked_until timestamptz,
  PRIMARY KEY (account_key, client_address)
);
CREATE INDEX login_throttle_age_idx ON login_throttle (last_failure_at);

-- A temporary password (invitation, reset) stops working after this many days (app_setting below).
ALTER TABLE app_user ADD COLUMN password_expires_at timestamptz;
INSERT INTO app_setting (key, value) VALUES ('auth.temporary_password_days', '7') ON CONFLICT (key) DO NOTHING;

-- The retention period can never go below the floor: lowering it first was the way to empty the log.
CREATE FUNCTION audit_retention_floor_days() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 365';
UPDATE app_setting SET value = '365'
  WHERE key = 'audit.retention_days' AND (value !~ '^[0-9]{1,6}$' OR value::int < 365);
ALTER TABLE app_setting ADD CONSTRAINT app_setting_audit_retention_floor CHECK (
  key <> 'audit.retention_days'
  OR CASE WHEN value ~ '^[0-9]{1,6}$' THEN value::int >= audit_retention_floor_days() ELSE false END
);

-- The one way to delete audit rows: older than max(setting, floor), and the purge itself is audited.
-- SECURITY DEFINER so that a deployment whose app role is not the table owner can still be given EXECUTE on
-- this function while it holds no DELETE on audit_event.
CREATE FUNCTION audit_purge_expired(purged_by text) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  retention integer;
  purged integer;
BEGIN
  SELECT greatest(value::int, audit_retention_floor_days()) INTO retention
    FROM app_setting WHERE key = 'audit.retention_days';
  retention := coalesce(retention, 730);
  WITH gone AS (
    DELETE FROM audit_event WHERE at < now() - make_interval(days => retention) RETURNING 1
  ) SELECT count(*)::int INTO purged FROM gone;
  INSERT INTO audit_event (actor_label, action, organisation_id, origin, detail)
    VALUES (purged_by, 'audit.purge', NULL, 'audit_purge_expired',
            jsonb_build_object('retentionDays', retention, 'deleted', purged));
  RETURN purged;
END;
$$;
REVOKE ALL ON FUNCTION audit_purge_expired(text) FROM PUBLIC;

-- Rows never change. A delete passes only from inside audit_purge_expired (seen on the PL/pgSQL call stack)
-- and only for rows older than the floor, whatever the setting says; the session flag of 0003 no longer helps.
CREATE OR REPLACE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stack text;
BEGIN
  IF TG_OP = 'DELETE' AND OLD.at < now() - make_interval(days => audit_retention_floor_days()) THEN
    GET DIAGNOSTICS stack = PG_CONTEXT;
    IF position('function audit_purge_expired(text)' IN stack) > 0 THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Where the app connects as a role other than the owner, it keeps only SELECT and INSERT (docs/security.md).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC;
