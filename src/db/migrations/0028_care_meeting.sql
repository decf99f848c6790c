-- The care meeting (zorgoverleg / cel leerlingenbegeleiding, issue 13): a meeting of a school's care team and its
-- CLB with a date and attendees, and its agenda of pupils (from the attention list, legal items first). What was
-- discussed is a timeline entry of each pupil's file (kind care-meeting: a shared note at level school+clb and,
-- from a CLB member, a CLB-confidential one); the decisions are agreements of the file linked to the shared entry.
CREATE TABLE care_meeting (
  id bigserial PRIMARY KEY,
  school_id bigint NOT NULL REFERENCES organisation (id),
  held_on date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- [{ "name": "…", "role": "…", "side": "school" | "clb" }]
  attendees jsonb NOT NULL DEFAULT '[]',
  created_by bigint REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_meeting_school_idx ON care_meeting (school_id, held_on DESC);

CREATE TABLE care_meeting_pupil (
  meeting_id bigint NOT NULL REFERENCES care_meeting (id) ON DELETE CASCADE,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  position integer NOT NULL,
  -- The pupil had a signal binding by law when put on the agenda, and the rules of its open signals then.
  legal boolean NOT NULL,
  rule_ids text[] NOT NULL DEFAULT '{}',
  shared_entry_id bigint REFERENCES file_entry (id),
  clb_entry_id bigint REFERENCES file_entry (id),
  PRIMARY KEY (meeting_id, pupil_id)
);
