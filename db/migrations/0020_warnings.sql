-- 学业预警 (DOMAIN.md §6): the school's rule sets by effective date, the 旷课 hours counted per term,
-- and each run's results (who reached which tier, why, and how that compares with last term).
-- A warning is never a 处分: nothing here touches student_records.

CREATE TABLE warning_rule_sets (
  effective_from TEXT PRIMARY KEY,
  rule_set       TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL
);

-- 旷课 学时 per student and term, as the counselor records them from the attendance sheets.
CREATE TABLE absence_hours (
  student_id  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  term        TEXT NOT NULL,
  hours       INTEGER NOT NULL CHECK (hours >= 0),
  entered_by  TEXT NOT NULL,
  entered_at  TEXT NOT NULL,
  PRIMARY KEY (student_id, term)
);

CREATE TABLE warning_runs (
  id         INTEGER PRIMARY KEY,
  term       TEXT NOT NULL,
  -- The rule set applied, as it was (a later edit never changes a past run's meaning).
  rule_set   TEXT NOT NULL,
  -- 数据范围 of the user who ran it (JSON class ids), NULL for the whole department.
  scope      TEXT,
  run_by     TEXT NOT NULL,
  run_at     TEXT NOT NULL,
  evaluated  INTEGER NOT NULL,
  excluded   INTEGER NOT NULL,
  warned     INTEGER NOT NULL
);
CREATE INDEX warning_runs_term ON warning_runs(term, id);

-- One row per student who reached a tier this run, or who had one last term and is cleared now.
CREATE TABLE warning_results (
  run_id        INTEGER NOT NULL REFERENCES warning_runs(id) ON DELETE CASCADE,
  student_id    INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  tier          TEXT,
  colour        TEXT,
  previous_tier TEXT,
  change        TEXT NOT NULL CHECK (change IN ('new', 'raised', 'lowered', 'cleared', 'same')),
  reasons       TEXT NOT NULL,
  PRIMARY KEY (run_id, student_id)
);
CREATE INDEX warning_results_student ON warning_results(student_id);
