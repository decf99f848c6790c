-- E-mail digests for staff and letters to parents (issue 19).
-- How often a user gets the digest: daily, weekly (Mondays) or off. No row: the default (daily).
CREATE TABLE notification_preference (
  user_id bigint PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  frequency text NOT NULL CHECK (frequency IN ('daily', 'weekly', 'off')),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every digest sent (or given up on): to whom, what kind, how many items, when, how many attempts. Never its
-- content. The unique index makes a digest go out once per user and day, also when the job runs twice.
CREATE TABLE notification_log (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  recipient text NOT NULL,
  kind text NOT NULL,
  day date NOT NULL,
  item_count integer NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('sent', 'failed')),
  attempts integer NOT NULL,
  error text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX notification_log_once_idx ON notification_log (user_id, kind, day) WHERE outcome = 'sent';
CREATE INDEX notification_log_user_idx ON notification_log (user_id, at DESC);

-- A school's own wording of a letter to parents (Dutch, with placeholders); no row: the product default.
CREATE TABLE letter_template (
  school_id bigint NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  kind text NOT NULL,
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  version integer NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, kind)
);
