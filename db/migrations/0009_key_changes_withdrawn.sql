-- A change request taken back (by its requester, or because the import batch that filed it was
-- undone) gets its own status, withdrawn (已撤回), instead of being stored as rejected (已驳回):
-- the requester and the approvers must not read a withdrawal as a refusal.
--
-- Widening a CHECK constraint leaves every stored row valid, so the table's definition is edited
-- in sqlite_schema as 0008 does (rebuilding it would need foreign keys off). writable_schema=RESET
-- reloads the schema, so the UPDATE below already sees the new constraint. Earlier withdrawals
-- are recognised by the comment the app wrote for them.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (status IN (''pending'',''approved'',''rejected''))', 'CHECK (status IN (''pending'',''approved'',''rejected'',''withdrawn''))')
 WHERE type = 'table' AND name = 'key_change_requests';
PRAGMA writable_schema = RESET;
UPDATE key_change_requests
   SET status = 'withdrawn'
 WHERE status = 'rejected'
   AND (decision_comment = '申请人撤回' OR decision_comment LIKE '%该申请随之撤回');
