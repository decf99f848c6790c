-- A signal's evidence is stored as `json` (the text as the recompute wrote it, checked to be JSON) instead of
-- `jsonb` (parsed into a binary tree on every write). Nothing queries inside the evidence: it is read whole and
-- parsed by the application. A school's first import writes ~175,000 signals for 1,000,000 register rows; building
-- their jsonb was ~0.3 s of PostgreSQL's ~1.6 s for that COPY (issue 16, docs/decisions/0041).
ALTER TABLE signal ALTER COLUMN evidence TYPE json USING evidence::json;
