-- 学业预警 follow-up (DOMAIN.md §6), per student and term: talks, the assistance plan and its
-- follow-up dates, the notices issued (student's and parent's copy) with how each was sent and
-- the 回执 returned. A warning is never a 处分: nothing here touches student_records.

-- 谈话记录: who talked with the student, when, about what, and the study plan agreed.
CREATE TABLE warning_talks (
  id          INTEGER PRIMARY KEY,
  student_id  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  term        TEXT NOT NULL,
  talked_on   TEXT NOT NULL,
  talked_by   TEXT NOT NULL,
  content     TEXT NOT NULL,
  study_plan  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_by  TEXT,
  updated_at  TEXT
);
CREATE INDEX warning_talks_student ON warning_talks(student_id, term);

-- 帮扶计划: one text per student and term, kept up to date.
CREATE TABLE warning_plans (
  student_id  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  term        TEXT NOT NULL,
  content     TEXT NOT NULL,
  updated_by  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (student_id, term)
);

-- The plan's follow-up dates: due, done (NULL until then) and what was found.
CREATE TABLE warning_follow_ups (
  id          INTEGER PRIMARY KEY,
  student_id  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  term        TEXT NOT NULL,
  due_on      TEXT NOT NULL,
  done_on     TEXT,
  note        TEXT NOT NULL DEFAULT '',
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_by  TEXT,
  updated_at  TEXT
);
CREATE INDEX warning_follow_ups_student ON warning_follow_ups(student_id, term);
-- The 待办 list asks for the open ones past their date.
CREATE INDEX warning_follow_ups_open ON warning_follow_ups(due_on) WHERE done_on IS NULL;

-- One notice per student, term, recipient and tier: printing it again keeps its number and words
-- (the reasons as they were when first issued); a new tier is a new notice with the next number.
CREATE TABLE warning_notices (
  id              INTEGER PRIMARY KEY,
  student_id      INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  term            TEXT NOT NULL,
  recipient       TEXT NOT NULL CHECK (recipient IN ('student', 'parent')),
  tier            TEXT NOT NULL,
  colour          TEXT,
  -- The run whose result the notice states, and its reason texts as printed (JSON array).
  run_id          INTEGER NOT NULL REFERENCES warning_runs(id),
  reasons         TEXT NOT NULL,
  serial          INTEGER NOT NULL,
  notice_no       TEXT NOT NULL,
  issued_by       TEXT NOT NULL,
  issued_at       TEXT NOT NULL,
  issue_count     INTEGER NOT NULL DEFAULT 1,
  last_issued_by  TEXT NOT NULL,
  last_issued_at  TEXT NOT NULL,
  receipt_on      TEXT,
  receipt_note    TEXT,
  receipt_by      TEXT,
  receipt_at      TEXT,
  UNIQUE (term, serial),
  UNIQUE (student_id, term, recipient, tier)
);

-- 寄送: each way a notice was delivered (a phone call first, the registered letter later …).
CREATE TABLE warning_notice_sends (
  id           INTEGER PRIMARY KEY,
  notice_id    INTEGER NOT NULL REFERENCES warning_notices(id) ON DELETE CASCADE,
  method       TEXT NOT NULL CHECK (method IN ('in_person', 'registered_mail', 'phone', 'sms')),
  sent_on      TEXT NOT NULL,
  mail_no      TEXT,
  phone_log    TEXT,
  note         TEXT NOT NULL DEFAULT '',
  recorded_by  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  CHECK (method <> 'registered_mail' OR mail_no IS NOT NULL),
  CHECK (method <> 'phone' OR phone_log IS NOT NULL)
);
CREATE INDEX warning_notice_sends_notice ON warning_notice_sends(notice_id);
