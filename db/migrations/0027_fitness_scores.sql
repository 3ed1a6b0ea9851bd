-- 国家学生体质健康标准 test scores (issue 16; DOMAIN.md §7.1: a score below 50 at graduation → 结业
-- or 肄业). One score per student and 学年 (the year the 学年 starts: 2025 = 2025-2026); a later
-- import of the same 学年 replaces it (the batch keeps what it replaced, so the import can be undone).
-- The graduation audit reads the latest 学年's score.
CREATE TABLE fitness_scores (
  id           INTEGER PRIMARY KEY,
  student_id   INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  school_year  INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2100),
  -- 总分, 0–100 to one decimal
  score        REAL NOT NULL CHECK (score >= 0 AND score <= 100),
  entered_by   TEXT NOT NULL,
  entered_at   TEXT NOT NULL,
  batch_id     INTEGER REFERENCES import_batches(id),
  -- what this row replaced (JSON {score, enteredBy, enteredAt, batchId}) for the batch's undo
  replaced     TEXT,
  UNIQUE (student_id, school_year)
);
