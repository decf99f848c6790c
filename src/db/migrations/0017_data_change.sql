-- A change log that lets a server process cache what it derived from the data (the attention list's ranking) and
-- know, with one cheap read, whether that data changed since (docs/decisions/0017-attention-list-cache.md).
-- A statement-level trigger appends one row per writing statement on the tables the attention list reads. Inserts
-- take no lock on a shared row (no waiting between writers, no deadlocks); a reader's version is
-- (number of visible rows, highest visible id): a transaction that commits later adds a row, so the count grows
-- even when its id is lower than one already visible. Rows are never deleted (that keeps the count growing).
CREATE TABLE data_change (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_change DEFAULT VALUES;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['signal', 'pupil', 'enrolment', 'organisation', 'register_entry', 'absence_code',
                           'file_contact_attempt', 'file_person']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION note_data_change()', t || '_data_change', t);
  END LOOP;
END $$;
