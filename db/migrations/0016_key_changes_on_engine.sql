-- 信息变更申请 (key-field change requests) move onto the approval engine of 学籍异动: a request carries
-- the chain it was filed under and the step it waits at, a refusal returns it to the requester
-- (returned, 已退回) to amend and resubmit or withdraw, and every action is an event on its timeline.
-- Requests refused before this change stay rejected (已驳回): closed, as they were.
--
-- Widening the CHECK constraint keeps every row valid, so the definition is edited in place as 0009
-- does; writable_schema=RESET reloads it before the statements below.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (status IN (''pending'',''approved'',''rejected'',''withdrawn''))', 'CHECK (status IN (''pending'',''returned'',''approved'',''rejected'',''withdrawn''))')
 WHERE type = 'table' AND name = 'key_change_requests';
PRAGMA writable_schema = RESET;

-- The chain every request so far was decided under: one step, the department's 负责人.
ALTER TABLE key_change_requests ADD COLUMN chain TEXT NOT NULL DEFAULT '[{"label":"院系负责人审批","role":"manager"}]';
ALTER TABLE key_change_requests ADD COLUMN step_index INTEGER NOT NULL DEFAULT 0;
-- The role deciding the current step in the app (NULL: recorded from paper, or not pending).
ALTER TABLE key_change_requests ADD COLUMN step_role TEXT;
-- When the request reached its current step (overdue reminders, and a decider's stale check).
ALTER TABLE key_change_requests ADD COLUMN step_since TEXT NOT NULL DEFAULT '';
UPDATE key_change_requests SET step_since = coalesce(decided_at, requested_at);
UPDATE key_change_requests SET step_role = 'manager' WHERE status = 'pending';

-- One open request per student: pending or returned (two requests racing over one field would each
-- be checked against a value the other is about to change).
DROP INDEX key_change_requests_one_pending;
CREATE UNIQUE INDEX key_change_requests_one_open ON key_change_requests(student_id) WHERE status IN ('pending', 'returned');
CREATE INDEX key_change_requests_waiting ON key_change_requests(status, step_role);

-- The timeline, as status_change_events is for 学籍异动.
CREATE TABLE key_change_events (
  id            INTEGER PRIMARY KEY,
  change_id     INTEGER NOT NULL REFERENCES key_change_requests(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL,
  step_index    INTEGER,
  step_label    TEXT,
  via           TEXT NOT NULL DEFAULT 'app' CHECK (via IN ('app', 'paper')),
  actor         TEXT NOT NULL,
  decider_name  TEXT,
  decider_post  TEXT,
  decided_on    TEXT,
  opinion       TEXT,
  attachment_id INTEGER REFERENCES attachments(id),
  at            TEXT NOT NULL
);
CREATE INDEX key_change_events_change ON key_change_events(change_id, id);

-- The timeline of the requests so far, from what each row recorded.
INSERT INTO key_change_events (change_id, kind, actor, opinion, at)
  SELECT id, 'filed', requested_by, reason, requested_at FROM key_change_requests ORDER BY id;
INSERT INTO key_change_events (change_id, kind, step_index, step_label, actor, decided_on, opinion, at)
  SELECT id, status, 0, '院系负责人审批', decided_by, substr(coalesce(decided_at, requested_at), 1, 10), decision_comment, coalesce(decided_at, requested_at)
    FROM key_change_requests WHERE status IN ('approved', 'rejected') AND decided_by IS NOT NULL ORDER BY id;
INSERT INTO key_change_events (change_id, kind, actor, at)
  SELECT id, 'applied', decided_by, coalesce(decided_at, requested_at) FROM key_change_requests WHERE status = 'approved' AND decided_by IS NOT NULL ORDER BY id;
INSERT INTO key_change_events (change_id, kind, actor, opinion, at)
  SELECT id, 'withdrawn', decided_by, decision_comment, coalesce(decided_at, requested_at) FROM key_change_requests WHERE status = 'withdrawn' AND decided_by IS NOT NULL ORDER BY id;
