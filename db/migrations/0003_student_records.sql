-- Everything a student profile shows besides the core record, the key-field change requests,
-- encrypted attachments, saved roster views and the search index.

CREATE TABLE student_records (
  id          INTEGER PRIMARY KEY,
  student_id  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  -- reward 奖励 | punishment 处分 | position 学生干部 | political 政治面貌变化
  kind        TEXT NOT NULL CHECK (kind IN ('reward','punishment','position','political')),
  title       TEXT NOT NULL,      -- 奖励名称 / 处分种类 / 职务 / 政治面貌 code
  level       TEXT,               -- 奖励级别 (国家级/省级/校级/院系级) or 组织 for positions
  date        TEXT NOT NULL,      -- 奖惩日期 / 任职开始 / 入团入党日期
  end_date    TEXT,               -- 任职结束 / 处分解除日期
  doc_no      TEXT,               -- 文号
  term        TEXT,               -- 学期, e.g. 2025-2026-1
  notes       TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX student_records_student ON student_records(student_id, kind);

-- 学籍状态 and 班级 over time (the profile's status and study tabs).
CREATE TABLE status_history (
  id          INTEGER PRIMARY KEY,
  student_id  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  effective   TEXT NOT NULL,
  reason      TEXT,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX status_history_student ON status_history(student_id);

CREATE TABLE class_history (
  id          INTEGER PRIMARY KEY,
  student_id  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  class_id    INTEGER REFERENCES classes(id),
  class_name  TEXT NOT NULL,
  from_date   TEXT NOT NULL,
  created_by  TEXT NOT NULL
);
CREATE INDEX class_history_student ON class_history(student_id);

-- Scanned evidence and photos: the bytes live encrypted in the data folder's attachments/.
CREATE TABLE attachments (
  id          INTEGER PRIMARY KEY,
  student_id  INTEGER REFERENCES students(id) ON DELETE SET NULL,
  purpose     TEXT NOT NULL DEFAULT 'document', -- document | evidence | photo
  file_name   TEXT NOT NULL,
  mime        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX attachments_student ON attachments(student_id);

-- Changes to locked key fields of registered students: requested, then approved or rejected.
CREATE TABLE key_change_requests (
  id               INTEGER PRIMARY KEY,
  student_id       INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  changes          TEXT NOT NULL, -- JSON [{field, before, after}]
  reason           TEXT NOT NULL,
  attachment_id    INTEGER REFERENCES attachments(id),
  status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
  requested_by     TEXT NOT NULL,
  requested_at     TEXT NOT NULL,
  decided_by       TEXT,
  decided_at       TEXT,
  decision_comment TEXT
);
CREATE INDEX key_change_requests_status ON key_change_requests(status);
CREATE INDEX key_change_requests_student ON key_change_requests(student_id);

CREATE TABLE saved_views (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  definition TEXT NOT NULL, -- JSON {filters, sort, columns}
  created_at TEXT NOT NULL,
  UNIQUE (user_id, name)
);

ALTER TABLE students ADD COLUMN photo_attachment_id INTEGER REFERENCES attachments(id);
-- The name's characters separated by spaces ('张 伟'), kept by the app like name_pinyin. With the
-- unicode61 tokenizer every character is a token, so a phrase query finds any 1- or 2-character
-- part of a name through the index (trigram needs 3+ characters).
ALTER TABLE students ADD COLUMN name_chars TEXT NOT NULL DEFAULT '';

-- Substring search over ID numbers, numbers and names (trigram: any 3+ characters, any position).
CREATE VIRTUAL TABLE students_fts USING fts5(
  id_number, student_no, exam_no, name, content='students', content_rowid='id', tokenize='trigram'
);
INSERT INTO students_fts(students_fts) VALUES ('rebuild');
CREATE TRIGGER students_fts_ai AFTER INSERT ON students BEGIN
  INSERT INTO students_fts(rowid, id_number, student_no, exam_no, name) VALUES (new.id, new.id_number, new.student_no, new.exam_no, new.name);
END;
CREATE TRIGGER students_fts_ad AFTER DELETE ON students BEGIN
  INSERT INTO students_fts(students_fts, rowid, id_number, student_no, exam_no, name) VALUES ('delete', old.id, old.id_number, old.student_no, old.exam_no, old.name);
END;
CREATE TRIGGER students_fts_au AFTER UPDATE OF id_number, student_no, exam_no, name ON students BEGIN
  INSERT INTO students_fts(students_fts, rowid, id_number, student_no, exam_no, name) VALUES ('delete', old.id, old.id_number, old.student_no, old.exam_no, old.name);
  INSERT INTO students_fts(rowid, id_number, student_no, exam_no, name) VALUES (new.id, new.id_number, new.student_no, new.exam_no, new.name);
END;

CREATE VIRTUAL TABLE students_name_fts USING fts5(
  name_chars, content='students', content_rowid='id', tokenize='unicode61'
);
CREATE TRIGGER students_name_fts_ai AFTER INSERT ON students BEGIN
  INSERT INTO students_name_fts(rowid, name_chars) VALUES (new.id, new.name_chars);
END;
CREATE TRIGGER students_name_fts_ad AFTER DELETE ON students BEGIN
  INSERT INTO students_name_fts(students_name_fts, rowid, name_chars) VALUES ('delete', old.id, old.name_chars);
END;
CREATE TRIGGER students_name_fts_au AFTER UPDATE OF name_chars ON students BEGIN
  INSERT INTO students_name_fts(students_name_fts, rowid, name_chars) VALUES ('delete', old.id, old.name_chars);
  INSERT INTO students_name_fts(rowid, name_chars) VALUES (new.id, new.name_chars);
END;

CREATE INDEX students_source_region ON students(source_region);
CREATE INDEX students_birth_date ON students(birth_date);
CREATE INDEX students_ethnicity ON students(ethnicity_code);
CREATE INDEX students_political ON students(political_status_code);
CREATE INDEX students_enrolment ON students(enrolment_date);
CREATE INDEX students_gender ON students(gender);
