-- 学籍异动 (status changes) as work orders (DOMAIN.md §5): an order moves through the approval chain it
-- was filed under (a copy in `chain`), every action is an event on its timeline, and only the final
-- approval changes the student.

CREATE TABLE status_changes (
  id           INTEGER PRIMARY KEY,
  student_id   INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  type         TEXT NOT NULL,
  subtype      TEXT,
  -- pending: waiting at step `step_index`; returned: rejected, back with the filer; approved: applied; withdrawn.
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'returned', 'approved', 'withdrawn')),
  step_index   INTEGER NOT NULL DEFAULT 0,
  -- The role that decides the current step in the app (NULL: recorded from paper): the 待办 query.
  step_role    TEXT,
  chain        TEXT NOT NULL,
  data         TEXT NOT NULL,
  from_status  TEXT NOT NULL,
  to_status    TEXT NOT NULL,
  -- The class the student was in when filed (复学 places them relative to it; the form prints it).
  from_class_id INTEGER REFERENCES classes(id),
  -- When the order reached its current step (for "waiting longer than N working days").
  step_since   TEXT NOT NULL,
  filed_by     TEXT NOT NULL,
  filed_at     TEXT NOT NULL,
  closed_at    TEXT,
  -- 复学/恢复学籍: the 休学/保留学籍 order it ends.
  ends_id      INTEGER REFERENCES status_changes(id),
  -- 上报学信网: when the change was reported on the national platform (the month's summary).
  reported_at  TEXT
);
-- One open order per student: two orders racing to change one student would each be checked
-- against a state the other is about to change.
CREATE UNIQUE INDEX status_changes_one_open ON status_changes(student_id) WHERE state IN ('pending', 'returned');
CREATE INDEX status_changes_waiting ON status_changes(state, step_role);
CREATE INDEX status_changes_closed ON status_changes(closed_at) WHERE state = 'approved';

-- The timeline: filed, approved / rejected (a step, decided in the app or recorded from paper),
-- amended (resubmitted), withdrawn, attached, served (送达 of a decision).
CREATE TABLE status_change_events (
  id            INTEGER PRIMARY KEY,
  change_id     INTEGER NOT NULL REFERENCES status_changes(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL,
  step_index    INTEGER,
  step_label    TEXT,
  via           TEXT NOT NULL DEFAULT 'app' CHECK (via IN ('app', 'paper')),
  -- Who did it in the app (the decider, or the counselor who recorded the paper).
  actor         TEXT NOT NULL,
  -- Who decided, as the form prints it: the signed-in user's name, or the name and post on the paper.
  decider_name  TEXT,
  decider_post  TEXT,
  decided_on    TEXT,
  opinion       TEXT,
  attachment_id INTEGER REFERENCES attachments(id),
  at            TEXT NOT NULL
);
CREATE INDEX status_change_events_change ON status_change_events(change_id, id);

-- Evidence (申请书, 诊断证明, 入伍通知书 …), stored encrypted like every attachment.
CREATE TABLE status_change_attachments (
  change_id     INTEGER NOT NULL REFERENCES status_changes(id) ON DELETE CASCADE,
  attachment_id INTEGER NOT NULL REFERENCES attachments(id),
  kind          TEXT NOT NULL,
  PRIMARY KEY (change_id, attachment_id)
);

-- The school's parameters, each version with the day it takes effect.
CREATE TABLE status_policies (
  effective_from TEXT PRIMARY KEY,
  policy         TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  created_at     TEXT NOT NULL
);

-- Approval chains edited by the admin (a type without a row uses the shipped default).
CREATE TABLE approval_chains (
  type       TEXT PRIMARY KEY,
  steps      TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The holiday calendar for working-day deadlines: days off on weekdays, and 调休 weekend workdays.
CREATE TABLE calendar_days (
  day  TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL DEFAULT ''
);

-- Students the counselor flagged as absent without leave (41号令 第三十条（四）).
CREATE TABLE absence_flags (
  id          INTEGER PRIMARY KEY,
  student_id  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  since       TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  flagged_by  TEXT NOT NULL,
  flagged_at  TEXT NOT NULL,
  cleared_by  TEXT,
  cleared_at  TEXT
);
CREATE UNIQUE INDEX absence_flags_open ON absence_flags(student_id) WHERE cleared_at IS NULL;

-- 休学: 预计复学日期; 保留学籍 / 保留入学资格: 保留至. Set by the order that starts it, cleared by the one that ends it.
ALTER TABLE students ADD COLUMN status_until TEXT;
CREATE INDEX students_status_until ON students(status_until) WHERE status_until IS NOT NULL;
