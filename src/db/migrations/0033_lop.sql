-- The LOP (lokaal overlegplatform, issue 15, docs/decisions/0037): a regional platform of schools of one level
-- (basisonderwijs or secundair onderwijs) that follows exclusions and enrolments. It sees aggregates only of the
-- definitive exclusions of its schools (seed 004 l. 2651–2653: LOPs cannot collect pupil-level data for privacy
-- reasons). Its schools are linked like a region's (`lop_school`); its staff hold the role `lop-medewerker`.
ALTER TABLE organisation DROP CONSTRAINT organisation_kind_check;
ALTER TABLE organisation ADD CONSTRAINT organisation_kind_check CHECK (kind IN ('school', 'clb', 'region', 'lop'));
ALTER TABLE organisation ADD COLUMN lop_level text CHECK (lop_level IN ('basis', 'secundair'));
ALTER TABLE organisation ADD CONSTRAINT organisation_lop_has_level CHECK ((kind = 'lop') = (lop_level IS NOT NULL));

CREATE TABLE lop_school (
  lop_id bigint NOT NULL REFERENCES organisation (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (lop_id, school_id)
);
CREATE INDEX lop_school_school_idx ON lop_school (school_id);

ALTER TABLE membership DROP CONSTRAINT membership_role_check;
ALTER TABLE membership ADD CONSTRAINT membership_role_check CHECK (role IN (
  'secretariaat', 'leerkracht', 'leerlingbegeleider', 'zorgcoordinator', 'directie',
  'clb-medewerker', 'clb-arts', 'analist', 'beheerder', 'lop-medewerker'));
