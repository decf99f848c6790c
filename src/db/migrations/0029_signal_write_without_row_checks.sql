-- A whole school's recompute writes every signal and its 'detected' event in one statement. The per-row
-- foreign-key checks of these three references were about 40 % of that statement (measured: 490 ms of 1.46 s for
-- 31,000 signals on PostgreSQL). Their only writer, the recompute, takes the pupils and school from the enrolments
-- it read in the same transaction and the event's signal from the rows it just wrote; pupils, schools and signals
-- are never deleted (docs/decisions/0033, as 0002 did for the register). The references to users stay.
ALTER TABLE signal DROP CONSTRAINT signal_school_id_fkey;
ALTER TABLE signal DROP CONSTRAINT signal_pupil_id_fkey;
ALTER TABLE signal_event DROP CONSTRAINT signal_event_signal_id_fkey;
