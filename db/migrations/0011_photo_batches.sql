-- Photo imports (导入照片) recorded as batches beside the roster's, so they show in 导入记录 and
-- can be undone: each item says which photo the student had before and which the import set (or
-- proposed through a change request), as attachment ids.

CREATE TABLE photo_batches (
  id                  INTEGER PRIMARY KEY,
  file_name           TEXT NOT NULL,     -- the chosen file, or the first of several and how many
  files               INTEGER NOT NULL,  -- files in the import (zip entries counted one by one)
  photos_set          INTEGER NOT NULL,  -- students given their first photo
  photos_replaced     INTEGER NOT NULL,  -- students whose photo was replaced
  key_change_requests INTEGER NOT NULL,  -- registered students: a request filed instead
  skipped             INTEGER NOT NULL,  -- files not imported (unmatched, duplicate, unreadable)
  created_by          TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  undone_by           TEXT,
  undone_at           TEXT
);

-- No foreign key to students or attachments: the item stays as the record of what was done and
-- undone (undo deletes the photos it takes back).
CREATE TABLE photo_batch_items (
  id                    INTEGER PRIMARY KEY,
  batch_id              INTEGER NOT NULL REFERENCES photo_batches(id) ON DELETE CASCADE,
  student_id            INTEGER NOT NULL,
  -- set (the photo was set, first or replacing) | requested (a change request was filed instead)
  action                TEXT NOT NULL CHECK (action IN ('set','requested')),
  file_name             TEXT NOT NULL,
  student_no            TEXT,
  student_name          TEXT NOT NULL,
  photo_before          INTEGER,           -- students.photo_attachment_id before the import
  photo_after           INTEGER NOT NULL,  -- the photo the import stored
  original_attachment   INTEGER,           -- the file as received, when kept
  key_change_request_id INTEGER
);
CREATE INDEX photo_batch_items_batch ON photo_batch_items(batch_id);
