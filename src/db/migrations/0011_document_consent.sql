-- A consent can also share a clb-arts document of the pupil file: a consent names exactly one note, one file entry
-- or one document.
ALTER TABLE consent ADD COLUMN document_id bigint REFERENCES file_document (id);
ALTER TABLE consent DROP CONSTRAINT consent_one_subject;
ALTER TABLE consent ADD CONSTRAINT consent_one_subject CHECK (num_nonnulls(note_id, entry_id, document_id) = 1);
CREATE INDEX consent_document_idx ON consent (document_id) WHERE document_id IS NOT NULL;
