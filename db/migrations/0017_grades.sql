-- 人才培养方案 (training plans), their courses, and grades (issue 15; DOMAIN.md §8).

-- A plan per major and cohort (适用年级), in versions. A version is never edited: saving writes a new
-- version that names the one it supersedes, so what a grade, a GPA or a transcript was computed
-- against can always be shown as it was. A class of a later cohort without a plan of its own uses
-- the latest plan of an earlier cohort of its major.
CREATE TABLE training_plans (
  id            INTEGER PRIMARY KEY,
  major_id      INTEGER NOT NULL REFERENCES majors(id),
  cohort_year   INTEGER NOT NULL,
  version       INTEGER NOT NULL CHECK (version >= 1),
  name          TEXT NOT NULL,
  note          TEXT NOT NULL DEFAULT '',
  supersedes_id INTEGER REFERENCES training_plans(id),
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  UNIQUE (major_id, cohort_year, version)
);
-- One successor per version: two windows saving over the same version cannot both succeed.
CREATE UNIQUE INDEX training_plans_successor ON training_plans(supersedes_id) WHERE supersedes_id IS NOT NULL;

CREATE TABLE plan_courses (
  id                INTEGER PRIMARY KEY,
  plan_id           INTEGER NOT NULL REFERENCES training_plans(id),
  -- Order in the plan as entered (the plan prints in this order).
  position          INTEGER NOT NULL,
  code              TEXT NOT NULL,
  name              TEXT NOT NULL,
  name_en           TEXT NOT NULL DEFAULT '',
  -- 学分 in tenths (2.5 → 25): plans give one decimal at most, and SQL sums stay exact.
  credit_tenths     INTEGER NOT NULL CHECK (credit_tenths >= 0),
  hours             INTEGER NOT NULL CHECK (hours >= 0),
  nature            TEXT NOT NULL CHECK (nature IN ('必修', '限选', '任选')),
  module            TEXT NOT NULL,
  assessment        TEXT NOT NULL CHECK (assessment IN ('考试', '考查')),
  term              INTEGER NOT NULL CHECK (term BETWEEN 1 AND 10),
  scale             TEXT NOT NULL CHECK (scale IN ('百分制', '五级制', '两级制')),
  counts_toward_gpa INTEGER NOT NULL DEFAULT 1,
  UNIQUE (plan_id, code)
);
CREATE INDEX plan_courses_code ON plan_courses(code);

CREATE TRIGGER training_plans_no_update BEFORE UPDATE ON training_plans
BEGIN SELECT RAISE(ABORT, 'a training plan version is not edited: save a new version'); END;
CREATE TRIGGER plan_courses_no_update BEFORE UPDATE ON plan_courses
BEGIN SELECT RAISE(ABORT, 'a training plan version is not edited: save a new version'); END;

-- One row per student, course and attempt (考试性质). A course is its 课程代码: the code is copied
-- from the plan course the grade was entered against, so a new plan version (new course rows)
-- keeps the grades already recorded. No cascade from students: grades are never deleted as a side
-- effect of another change.
CREATE TABLE grades (
  id          INTEGER PRIMARY KEY,
  student_id  INTEGER NOT NULL REFERENCES students(id),
  course_id   INTEGER NOT NULL REFERENCES plan_courses(id),
  course_code TEXT NOT NULL,
  -- 1, 2, … per student and course, in the order recorded.
  attempt_no  INTEGER NOT NULL CHECK (attempt_no >= 1),
  kind        TEXT NOT NULL CHECK (kind IN ('正考', '补考', '重修', '缓考', '免修')),
  -- '85', '85.5', 优秀…不及格, 合格/不合格; NULL for 缺考, 作弊 without a score, 免修.
  score       TEXT CHECK (score IS NULL OR score GLOB '[0-9]*' OR score IN ('优秀', '良好', '中等', '及格', '不及格', '合格', '不合格')),
  absent      INTEGER NOT NULL DEFAULT 0,
  -- 作弊: the grade is void.
  void        INTEGER NOT NULL DEFAULT 0,
  -- 学年学期 taken, 'yyyy-yyyy-n'.
  term        TEXT NOT NULL,
  entered_by  TEXT NOT NULL,
  entered_at  TEXT NOT NULL,
  -- The import that wrote it (its undo), NULL when entered by hand.
  batch_id    INTEGER REFERENCES import_batches(id),
  CHECK (NOT (absent AND void))
);
-- Attempts numbered per student and course; this also serves "all grades of a student".
CREATE UNIQUE INDEX grades_attempt ON grades(student_id, course_code, attempt_no);
-- One 正考 per student and course (and one 缓考, one 免修); 补考 and 重修 may repeat.
CREATE UNIQUE INDEX grades_one_sitting ON grades(student_id, course_code, kind) WHERE kind IN ('正考', '缓考', '免修');
-- "The grades of a class for a course": by code, then the class's students.
CREATE INDEX grades_course ON grades(course_code, student_id);
CREATE INDEX grades_batch ON grades(batch_id) WHERE batch_id IS NOT NULL;
