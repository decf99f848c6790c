-- The users a signal or a signal event names are checked when a row names one, not on every row written
-- (issue 16, docs/decisions/0043). A foreign key queues a check for each inserted row, even when its column is
-- NULL: for a school's first import of 1,000,000 register rows, the 175,000 new signals' two user references took
-- ~0.6 s of the ~1.5 s COPY on PostgreSQL (measured with psql from the same binary file: 1.41–1.59 s with the keys,
-- 0.89–1.03 s with these triggers). New signals and their 'detected' events name no user. The triggers below keep
-- what the foreign keys guaranteed: a named user exists (and is locked against deletion as a key check locks it),
-- and a user that a signal or event names cannot be deleted. 0029 removed the other references of these tables.
ALTER TABLE signal DROP CONSTRAINT signal_acknowledged_by_fkey;
ALTER TABLE signal DROP CONSTRAINT signal_handled_by_fkey;
ALTER TABLE signal_event DROP CONSTRAINT signal_event_actor_id_fkey;

CREATE FUNCTION check_named_user(named bigint, tab text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF named IS NOT NULL THEN
    PERFORM 1 FROM app_user WHERE id = named FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'insert or update on table "%" names user %, which does not exist', tab, named
        USING ERRCODE = 'foreign_key_violation';
    END IF;
  END IF;
END $$;

CREATE FUNCTION check_named_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'signal' THEN
    PERFORM check_named_user(NEW.acknowledged_by, TG_TABLE_NAME);
    PERFORM check_named_user(NEW.handled_by, TG_TABLE_NAME);
  ELSE
    PERFORM check_named_user(NEW.actor_id, TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;

-- AFTER ROW with a WHEN condition: a row that names no user queues nothing, and COPY keeps inserting in batches.
CREATE TRIGGER signal_named_users AFTER INSERT OR UPDATE OF acknowledged_by, handled_by ON signal
  FOR EACH ROW WHEN (NEW.acknowledged_by IS NOT NULL OR NEW.handled_by IS NOT NULL)
  EXECUTE FUNCTION check_named_users();
CREATE TRIGGER signal_event_named_user AFTER INSERT OR UPDATE OF actor_id ON signal_event
  FOR EACH ROW WHEN (NEW.actor_id IS NOT NULL)
  EXECUTE FUNCTION check_named_users();

CREATE FUNCTION refuse_deleting_named_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM signal WHERE acknowledged_by = OLD.id OR handled_by = OLD.id)
     OR EXISTS (SELECT 1 FROM signal_event WHERE actor_id = OLD.id) THEN
    RAISE EXCEPTION 'user % is named by a signal or a signal event', OLD.id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER app_user_named_by_signals BEFORE DELETE ON app_user
  FOR EACH ROW EXECUTE FUNCTION refuse_deleting_named_user();
CREATE TRIGGER app_user_id_named_by_signals BEFORE UPDATE OF id ON app_user
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION refuse_deleting_named_user();
