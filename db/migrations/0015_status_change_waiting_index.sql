-- 待办: orders waiting at a step, oldest first ("waiting longer than N working days"), found without
-- sorting every open order of the department.
CREATE INDEX status_changes_pending_since ON status_changes(state, step_since);
