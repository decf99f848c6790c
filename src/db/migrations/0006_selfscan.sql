-- The school's self-scan (preventieplan, seed 001): one per school per school year, filled in by school and CLB.
-- The instrument's content is data in src/domain/selfscan/; rows refer to its goal and question ids.
CREATE TABLE selfscan (
  id bigserial PRIMARY KEY,
  school_id bigint NOT NULL REFERENCES organisation (id),
  school_year text NOT NULL,
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_id, school_year)
);

-- Score out of 10 and "waar wil je op inzetten" per goal; version for optimistic locking (0 = no row yet).
CREATE TABLE selfscan_goal (
  selfscan_id bigint NOT NULL REFERENCES selfscan (id),
  goal_id text NOT NULL,
  score smallint CHECK (score BETWEEN 0 AND 10),
  focus text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (selfscan_id, goal_id)
);

-- The school's answer to one reflection question (of a goal, or of the optional seed-002 module).
CREATE TABLE selfscan_answer (
  selfscan_id bigint NOT NULL REFERENCES selfscan (id),
  question_id text NOT NULL,
  answer text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by bigint REFERENCES app_user (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (selfscan_id, question_id)
);

-- The action plan of the closing table: wat / wie / wanneer / check, with a status.
CREATE TABLE selfscan_action (
  id bigserial PRIMARY KEY,
  selfscan_id bigint NOT NULL REFERENCES selfscan (id),
  goal_id text NOT NULL,
  what text NOT NULL,
  who text NOT NULL DEFAULT '',
  due text NOT NULL DEFAULT '',
  check_note text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
  version integer NOT NULL DEFAULT 1,
  created_by bigint REFERENCES app_user (id),
  updated_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX selfscan_action_scan_idx ON selfscan_action (selfscan_id, goal_id);

-- Comments of the participants on a goal; append-only, so they carry no version.
CREATE TABLE selfscan_comment (
  id bigserial PRIMARY KEY,
  selfscan_id bigint NOT NULL REFERENCES selfscan (id),
  goal_id text NOT NULL,
  body text NOT NULL,
  author_id bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX selfscan_comment_scan_idx ON selfscan_comment (selfscan_id, goal_id);
