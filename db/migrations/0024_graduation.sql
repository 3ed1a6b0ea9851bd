-- 毕业资格审核 (issue 16; DOMAIN.md §7). The rules are data per 培养方案 version and the result of each
-- student's audit is kept, with a manual override that needs a reason.

-- 毕业要求 of a plan version, in versions of their own (a plan version is never edited; its rules may
-- be corrected, and each audit names the rule set it used). A plan without a rule set is audited
-- against the rules derived from the plan itself (shared/domain/graduation).
CREATE TABLE graduation_rule_sets (
  id        INTEGER PRIMARY KEY,
  plan_id   INTEGER NOT NULL REFERENCES training_plans(id),
  version   INTEGER NOT NULL CHECK (version >= 1),
  -- JSON: GraduationRule[] (shared/domain/graduation/rules.ts)
  rules     TEXT NOT NULL,
  saved_by  TEXT NOT NULL,
  saved_at  TEXT NOT NULL,
  UNIQUE (plan_id, version)
);
CREATE TRIGGER graduation_rule_sets_no_update BEFORE UPDATE ON graduation_rule_sets
BEGIN SELECT RAISE(ABORT, 'a graduation rule set is not edited: save a new version'); END;

-- The latest audit of each student (an audit run replaces it; every run and override is in the
-- audit log). outcome is what the rules gave; override_outcome, when set, is what the office
-- decided instead, with its reason, and is what certificates follow.
CREATE TABLE graduation_audits (
  student_id        INTEGER PRIMARY KEY REFERENCES students(id),
  cohort_year       INTEGER NOT NULL,
  outcome           TEXT NOT NULL CHECK (outcome IN ('毕业', '结业', '延长学习年限')),
  -- JSON string[]: one plain-Chinese line per deficiency
  deficiencies      TEXT NOT NULL,
  -- JSON CheckResult[]: each check's required, actual, counted and left-out courses
  checks            TEXT NOT NULL,
  plan_id           INTEGER REFERENCES training_plans(id),
  -- NULL: the rules derived from the plan
  rule_set_id       INTEGER REFERENCES graduation_rule_sets(id),
  audited_by        TEXT NOT NULL,
  audited_at        TEXT NOT NULL,
  override_outcome  TEXT CHECK (override_outcome IS NULL OR override_outcome IN ('毕业', '结业', '延长学习年限')),
  override_reason   TEXT,
  override_by       TEXT,
  override_at       TEXT,
  CHECK ((override_outcome IS NULL) = (override_reason IS NULL))
);
CREATE INDEX graduation_audits_cohort ON graduation_audits(cohort_year);
