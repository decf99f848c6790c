-- After a definitive exclusion the duties differ by level (issue 15; rules-vlaanderen.md EXCLUDED_NO_SCHOOL; seed
-- 004 l. 2306–2345): in primary education the school offers opvang (obligatory unless not feasible for the school)
-- and need not help find a new school; in secondary education school and CLB help the pupil and the parents find a
-- new school. Recorded per enrolment (null: not recorded), counted in the region report. Edits use the
-- enrolment's version (docs/decisions/0007).
ALTER TABLE enrolment ADD COLUMN exclusion_opvang boolean;
ALTER TABLE enrolment ADD COLUMN exclusion_search_help boolean;
