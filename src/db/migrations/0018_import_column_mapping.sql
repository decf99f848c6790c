-- A school's remembered column mapping per kind of import and file header (the column-mapping step of the web
-- import): the next file with the same header is read with it. `headers_signature` is a hash of the header names.
CREATE TABLE import_column_mapping (
  school_id bigint NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('pupils', 'register', 'calendar')),
  headers_signature text NOT NULL,
  mapping jsonb NOT NULL,
  updated_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, kind, headers_signature)
);
