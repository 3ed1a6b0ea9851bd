-- 数据范围: the classes and grades (cohorts) a user is in charge of (DOMAIN §9.3: a counselor looks
-- after their own classes; PIPL's minimum necessary). A user without rows here sees the whole
-- department; with rows, only the students of those classes and of every class of those grades.

CREATE TABLE user_scopes (
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  class_id    INTEGER REFERENCES classes(id) ON DELETE CASCADE,
  cohort_year INTEGER,
  CHECK ((class_id IS NULL) <> (cohort_year IS NULL))
);
CREATE UNIQUE INDEX user_scopes_class ON user_scopes(user_id, class_id) WHERE class_id IS NOT NULL;
CREATE UNIQUE INDEX user_scopes_cohort ON user_scopes(user_id, cohort_year) WHERE cohort_year IS NOT NULL;
