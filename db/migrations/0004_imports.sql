-- Roster import (花名册导入): each committed import is a batch that can be undone while none of
-- its records has changed since; header → field choices are remembered for the next file.

CREATE TABLE import_batches (
  id                  INTEGER PRIMARY KEY,
  file_name           TEXT NOT NULL,
  sheet               TEXT NOT NULL,
  mode                TEXT NOT NULL CHECK (mode IN ('add','update')),
  rows                INTEGER NOT NULL,     -- data rows in the file
  imported            INTEGER NOT NULL,     -- students created
  updated             INTEGER NOT NULL,     -- students changed
  skipped             INTEGER NOT NULL,     -- rows not written (invalid, unchanged)
  key_change_requests INTEGER NOT NULL DEFAULT 0,
  created_by          TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  undone_by           TEXT,
  undone_at           TEXT
);

-- What the batch did to each student. No foreign key to students: undo deletes the students a
-- batch created, and the item must stay as the record of what was undone.
CREATE TABLE import_batch_items (
  id                    INTEGER PRIMARY KEY,
  batch_id              INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  student_id            INTEGER NOT NULL,
  -- created | updated | requested (a key-change request was filed instead of changing key fields)
  action                TEXT NOT NULL CHECK (action IN ('created','updated','requested')),
  row_no                INTEGER NOT NULL,   -- row number in the file, as Excel shows it
  student_no            TEXT NOT NULL,
  student_name          TEXT NOT NULL,
  version_after         INTEGER NOT NULL,   -- students.version right after the import
  before                TEXT,               -- JSON: the student row and guardians before an update
  key_change_request_id INTEGER
);
CREATE INDEX import_batch_items_batch ON import_batch_items(batch_id);
CREATE INDEX import_batch_items_student ON import_batch_items(student_id);

-- Header text as in the file → field key ('' = the user chose not to import that column).
CREATE TABLE import_mappings (
  header     TEXT PRIMARY KEY,
  field      TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
