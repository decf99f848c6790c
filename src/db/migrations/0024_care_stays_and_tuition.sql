-- Stays in a hospital, a type-5 school or a K-dienst (issue 14; seed 000 l. 10–69): the setting, the period (an
-- open end while the stay lasts), the contact plan between school and setting (its next contact is a reminder: a
-- file_agreement, contact_agreement_id), who tells the school the discharge date and the home school's support.
-- During a stay the pupil receives education: the monitor does not count the pupil as without education.
CREATE TABLE care_stay (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  setting text NOT NULL CHECK (setting IN ('ziekenhuis', 'type-5', 'k-dienst')),
  setting_name text NOT NULL CHECK (char_length(setting_name) BETWEEN 1 AND 200),
  from_date date NOT NULL,
  to_date date,
  contact_plan text NOT NULL CHECK (char_length(contact_plan) BETWEEN 1 AND 2000),
  contact_every_days integer NOT NULL CHECK (contact_every_days BETWEEN 1 AND 90),
  discharge_informant text NOT NULL CHECK (char_length(discharge_informant) BETWEEN 1 AND 200),
  home_support text CHECK (home_support IS NULL OR char_length(home_support) <= 2000),
  contact_agreement_id bigint REFERENCES file_agreement (id),
  created_by bigint REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX care_stay_pupil_idx ON care_stay (pupil_id, from_date);

-- Education for a sick pupil (seed 000 l. 28–31; seed 001 l. 577–591): the checklist per provision (TOAH,
-- Bednet/SIO, School en ziek zijn): conditions checked, request sent, answer, start, hours per week.
CREATE TABLE tuition_provision (
  id bigserial PRIMARY KEY,
  pupil_id bigint NOT NULL REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  kind text NOT NULL CHECK (kind IN ('toah', 'sio-bednet', 'school-en-ziek-zijn')),
  conditions_checked_on date,
  request_sent_on date,
  answer text CHECK (answer IN ('toegekend', 'geweigerd')),
  answer_on date,
  start_on date,
  end_on date,
  hours_per_week numeric(4, 1) CHECK (hours_per_week IS NULL OR hours_per_week BETWEEN 0 AND 40),
  created_by bigint REFERENCES app_user (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_on IS NULL OR start_on IS NULL OR end_on >= start_on)
);
CREATE INDEX tuition_provision_pupil_idx ON tuition_provision (pupil_id);

-- The school informed the parents individually about education for sick pupils (kleuters included; seed 001
-- l. 577–579, 591). Also the inputs of the entitlement that the register cannot know.
CREATE TABLE sick_pupil_information (
  pupil_id bigint PRIMARY KEY REFERENCES pupil (id),
  school_id bigint NOT NULL REFERENCES organisation (id),
  parents_informed_on date,
  informed_how text CHECK (informed_how IS NULL OR char_length(informed_how) <= 200),
  chronic boolean NOT NULL DEFAULT false,
  distance_km numeric(5, 1) CHECK (distance_km IS NULL OR distance_km >= 0),
  special_education boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
