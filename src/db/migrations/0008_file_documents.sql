-- Documents in the pupil file: the file itself (bytea, in the same database and backup as the file it belongs to),
-- its detected media type, size and SHA-256, a title, a confidentiality level like the timeline entries, and an
-- optional link to an entry. Removal keeps the row (metadata and history) and clears the content.
-- See docs/pupil-file.md and docs/decisions/0005-file-documents-in-database.md.
CREATE TABLE file_document (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  -- The timeline entry this document belongs to (a report of a meeting, a signed contract), when there is one.
  entry_id bigint REFERENCES file_entry (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 2000),
  -- Cleaned name as uploaded (no path); offered again on download.
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  -- As detected from the content (magic bytes), never as declared by the browser.
  media_type text NOT NULL,
  -- The size limit itself is product data (src/domain/care/documents.ts); the table only refuses nonsense.
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea,
  confidentiality text NOT NULL CHECK (confidentiality IN ('school', 'school+clb', 'clb', 'clb-arts')),
  uploaded_by bigint REFERENCES app_user (id),
  uploader_role text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  deleted_by bigint REFERENCES app_user (id),
  deletion_reason text CHECK (length(deletion_reason) <= 2000),
  version integer NOT NULL DEFAULT 1,
  -- A document has its content exactly as long as it is not removed.
  CONSTRAINT file_document_content_until_removed CHECK ((deleted_at IS NULL) = (content IS NOT NULL))
);
-- PDF, images and office files are compressed already: store them out of line without trying again.
ALTER TABLE file_document ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX file_document_pupil_idx ON file_document (pupil_id, uploaded_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX file_document_entry_idx ON file_document (entry_id) WHERE entry_id IS NOT NULL;

-- Uploads and removals of documents land in the file's edit history too.
ALTER TABLE file_edit DROP CONSTRAINT file_edit_item_check;
ALTER TABLE file_edit ADD CONSTRAINT file_edit_item_check
  CHECK (item IN ('file', 'track', 'person', 'entry', 'agreement', 'document'));
