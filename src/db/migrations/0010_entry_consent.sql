-- A consent (of the pupil or the parents) can also share a clb-arts entry of the pupil file with named roles
-- until a date: a consent names exactly one note or one file entry.
ALTER TABLE consent ALTER COLUMN note_id DROP NOT NULL;
ALTER TABLE consent ADD COLUMN entry_id bigint REFERENCES file_entry (id);
ALTER TABLE consent ADD CONSTRAINT consent_one_subject CHECK ((note_id IS NULL) <> (entry_id IS NULL));
CREATE INDEX consent_entry_idx ON consent (entry_id) WHERE entry_id IS NOT NULL;
