-- After a definitive exclusion the school (or its CLB) records that the pupil is enrolled in another school from a
-- date, which ends EXCLUDED_NO_SCHOOL. Not in pupils.csv (a fixed contract): recorded in the app, so the pupils
-- import never touches these columns. `version` is the optimistic lock of these edits (docs/decisions/0007).
ALTER TABLE enrolment ADD COLUMN enrolled_elsewhere_from date;
ALTER TABLE enrolment ADD COLUMN enrolled_elsewhere_school text
  CHECK (enrolled_elsewhere_school IS NULL OR char_length(enrolled_elsewhere_school) <= 200);
ALTER TABLE enrolment ADD COLUMN version integer NOT NULL DEFAULT 1;
