-- Organisation (专业, 班级) and student records with guardians.
CREATE TABLE majors (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,          -- 6-digit 专业代码
  name         TEXT NOT NULL,
  level        TEXT NOT NULL,                 -- 层次: 专科 / 本科
  length_years TEXT NOT NULL,                 -- 学制, e.g. '3'
  study_form   TEXT NOT NULL,                 -- 学习形式, e.g. 普通全日制
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

CREATE TABLE classes (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  major_id       INTEGER NOT NULL REFERENCES majors(id),
  cohort_year    INTEGER NOT NULL,            -- 年级
  head_teacher   TEXT,                        -- 班主任
  established_on TEXT,                        -- 建班年月 YYYY-MM
  length_years   TEXT NOT NULL,
  class_type     TEXT NOT NULL DEFAULT '普通班',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX classes_major ON classes(major_id);
CREATE INDEX classes_cohort ON classes(cohort_year);

CREATE TABLE students (
  id                       INTEGER PRIMARY KEY,
  student_no               TEXT NOT NULL UNIQUE,  -- 学号
  exam_no                  TEXT,                  -- 考生号
  name                     TEXT NOT NULL,
  former_name              TEXT,
  name_pinyin              TEXT NOT NULL DEFAULT '',  -- full pinyin without tones/spaces, for search
  name_initials            TEXT NOT NULL DEFAULT '',  -- pinyin initials, e.g. zs for 张三
  gender                   TEXT NOT NULL CHECK (gender IN ('1','2')),
  birth_date               TEXT NOT NULL,
  id_number                TEXT NOT NULL,
  ethnicity_code           TEXT,
  political_status_code    TEXT,
  native_place             TEXT,                  -- 籍贯
  source_region            TEXT,                  -- 生源地
  household_address        TEXT,                  -- 户籍地址
  home_address             TEXT,                  -- 家庭住址
  phone                    TEXT,
  email                    TEXT,
  enrolment_date           TEXT,
  expected_graduation_date TEXT,
  status                   TEXT NOT NULL DEFAULT 'enrolled',
  class_id                 INTEGER REFERENCES classes(id),
  dormitory                TEXT,
  notes                    TEXT,
  registered               INTEGER NOT NULL DEFAULT 0, -- 注册: key fields locked once set
  version                  INTEGER NOT NULL DEFAULT 1,
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL
);
CREATE INDEX students_class ON students(class_id);
CREATE INDEX students_status ON students(status);
CREATE INDEX students_name ON students(name);
CREATE INDEX students_id_number ON students(id_number);
CREATE INDEX students_exam_no ON students(exam_no);
CREATE INDEX students_initials ON students(name_initials);
CREATE INDEX students_pinyin ON students(name_pinyin);
-- 查重: one active 学籍 per ID number (active = 在籍在校, 休学, 保留学籍).
CREATE UNIQUE INDEX students_active_id_number ON students(id_number)
  WHERE status IN ('enrolled','suspended','retained');

CREATE TABLE guardians (
  id         INTEGER PRIMARY KEY,
  student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  relation   TEXT NOT NULL,
  phone      TEXT,
  work_unit  TEXT
);
CREATE INDEX guardians_student ON guardians(student_id);
