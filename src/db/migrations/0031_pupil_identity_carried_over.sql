-- School changers (issue 15, docs/decisions/0035). A pupil's identity across schools is the keyed hash of the
-- INSZ (HMAC-SHA256, hex); the number itself is never stored. The same child has one pupil row per school; rows
-- with the same hash are the same child. Per enrolment: the B, Z and P half-days this school year at the previous
-- school as the pupils import carried them over (NULL: not given; then the recompute counts the B rows of the same
-- identity at other schools in this database).
ALTER TABLE pupil ADD COLUMN identity_hash text CHECK (identity_hash ~ '^[0-9a-f]{64}$');
CREATE INDEX pupil_identity_hash_idx ON pupil (identity_hash) WHERE identity_hash IS NOT NULL;
ALTER TABLE enrolment
  ADD COLUMN carried_over_b integer CHECK (carried_over_b >= 0),
  ADD COLUMN carried_over_z integer CHECK (carried_over_z >= 0),
  ADD COLUMN carried_over_p integer CHECK (carried_over_p >= 0);
