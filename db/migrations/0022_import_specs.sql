-- Imports of several kinds (issue 15: grades and plan courses beside the roster). Each batch and
-- each remembered column choice belongs to one import spec ('roster', 'grades', 'courses'); every
-- row written before this migration is the roster's.

ALTER TABLE import_batches ADD COLUMN spec TEXT NOT NULL DEFAULT 'roster';
-- The import records page lists one spec's batches, newest first.
CREATE INDEX import_batches_spec ON import_batches(spec, id);

-- A header means different fields in different files (成绩 in a grade export, nothing in a roster),
-- and a column left out of one import says nothing about another: choices are per spec.
CREATE TABLE import_mappings_by_spec (
  spec       TEXT NOT NULL,
  header     TEXT NOT NULL,
  field      TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (spec, header)
);
INSERT INTO import_mappings_by_spec (spec, header, field, updated_by, updated_at)
  SELECT 'roster', header, field, updated_by, updated_at FROM import_mappings;
DROP TABLE import_mappings;
ALTER TABLE import_mappings_by_spec RENAME TO import_mappings;
