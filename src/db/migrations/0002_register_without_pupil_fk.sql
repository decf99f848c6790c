-- Register rows are validated against the school's pupils inside the import transaction, and pupils are never
-- deleted; the per-row foreign-key check cost more than half of a 1,000,000-row import (docs/decisions/0002).
ALTER TABLE register_entry DROP CONSTRAINT register_entry_pupil_id_fkey;
