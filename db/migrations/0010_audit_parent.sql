-- An audit entry may belong to another: the per-row entries of an import (one per student, each
-- chained and hashed like any other) point at the import's own entry, so the log lists the
-- import once and expands it to its rows. NULL for an entry that stands alone. The hash covers
-- parent_id when it is set (db/queries/audit.ts), so entries written before it verify unchanged.
ALTER TABLE audit_log ADD COLUMN parent_id INTEGER;
-- (parent_id, id): the list (parent_id IS NULL, newest first) skips a 50,000-row import without
-- reading it, and a batch's rows are read in the order they were written.
CREATE INDEX audit_log_parent ON audit_log(parent_id, id);
