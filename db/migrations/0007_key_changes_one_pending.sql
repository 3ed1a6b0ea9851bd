-- A student has at most one pending key-field change request. The app checked it when a request
-- was filed by hand, but the roster import filed requests from the checks of its preview and a
-- second connection (the command line) could file one in between, so a folder may already hold
-- two or more pending requests for one student. The newest (highest id) stays pending; older ones
-- are marked rejected, with a comment saying the system did it, before the index is created.
-- (No audit record is written here: the audit log is hash-chained by the app.)
UPDATE key_change_requests
SET status = 'rejected',
    decided_by = '系统',
    decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
    decision_comment = '系统合并：同一学生只保留一个待审批申请'
WHERE status = 'pending'
  AND id < (SELECT max(newer.id) FROM key_change_requests AS newer
            WHERE newer.student_id = key_change_requests.student_id AND newer.status = 'pending');

CREATE UNIQUE INDEX key_change_requests_one_pending ON key_change_requests(student_id) WHERE status = 'pending';
