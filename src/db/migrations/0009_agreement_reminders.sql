-- Reminders for agreements in the pupil file: an optional reminder date per agreement (when empty, the product
-- default lead time before the due date applies, see src/domain/care/reminders.ts) and an index for the
-- "what needs checking" list per school.
ALTER TABLE file_agreement ADD COLUMN remind_on date;
ALTER TABLE file_agreement ADD CONSTRAINT file_agreement_remind_before_due CHECK (remind_on IS NULL OR remind_on <= due_on);
CREATE INDEX file_agreement_school_open_idx ON file_agreement (school_id, due_on) WHERE status = 'open';
