-- Issued transcripts (成绩单, issue 15): one row per transcript made for a student — who issued it and
-- when, in which language, on which paper, and which version of its content (a SHA-256 over the words
-- printed, the print date aside; its first 12 characters are printed on it as 校验码), with the totals
-- it printed. A class printed at once shares a batch. Rows are never changed or deleted.
CREATE TABLE transcript_issues (
  id              INTEGER PRIMARY KEY,
  student_id      INTEGER NOT NULL REFERENCES students(id),
  lang            TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
  page_name       TEXT NOT NULL,
  page_width_mm   REAL NOT NULL CHECK (page_width_mm > 0),
  page_height_mm  REAL NOT NULL CHECK (page_height_mm > 0),
  content_sha256  TEXT NOT NULL CHECK (length(content_sha256) = 64),
  gpa_text        TEXT NOT NULL,
  credits_earned  TEXT NOT NULL,
  -- The transcripts printed together (a class), by one random id; NULL for one student alone.
  batch           TEXT,
  issued_by       TEXT NOT NULL,
  issued_at       TEXT NOT NULL
);
CREATE INDEX transcript_issues_student ON transcript_issues(student_id, issued_at);

CREATE TRIGGER transcript_issues_no_update BEFORE UPDATE ON transcript_issues
BEGIN SELECT RAISE(ABORT, 'an issued transcript is a record: it is not changed'); END;
CREATE TRIGGER transcript_issues_no_delete BEFORE DELETE ON transcript_issues
BEGIN SELECT RAISE(ABORT, 'an issued transcript is a record: it is not deleted'); END;
