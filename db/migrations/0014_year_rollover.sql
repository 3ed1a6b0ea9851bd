-- 学年升级 (year roll-over): the department moves into the next 学年 on a day the admin confirms; the
-- cohorts then in their last year are marked for the graduation work. Undoable the same day: the
-- students it marked are listed here.

CREATE TABLE year_rollovers (
  id           INTEGER PRIMARY KEY,
  from_year    INTEGER NOT NULL,
  to_year      INTEGER NOT NULL,
  effective_on TEXT NOT NULL,
  applied_by   TEXT NOT NULL,
  applied_at   TEXT NOT NULL,
  -- Per class: students advanced and marked, as the preview showed them (JSON).
  summary      TEXT NOT NULL,
  undone_by    TEXT,
  undone_at    TEXT
);

CREATE TABLE year_rollover_marks (
  rollover_id INTEGER NOT NULL REFERENCES year_rollovers(id) ON DELETE CASCADE,
  student_id  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  PRIMARY KEY (rollover_id, student_id)
);

-- 毕业年级: marked by the roll-over for the graduation audit; cleared by an undo.
ALTER TABLE students ADD COLUMN graduating INTEGER NOT NULL DEFAULT 0;
