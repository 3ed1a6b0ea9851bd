-- 学号 becomes optional: admissions rosters (新生录取名单) carry 考生号 and 身份证号 but no 学号,
-- which the school assigns after enrolment (学号编排). Students without one keep NULL (UNIQUE
-- still holds for those that have one; SQLite lets any number of rows be NULL).
--
-- Dropping a NOT NULL constraint does not change how rows are stored, so it is done the way
-- SQLite's documentation describes for such changes (ALTER TABLE, "Making Other Kinds Of Table
-- Schema Changes"): edit the table's definition in sqlite_schema. Rebuilding the table instead
-- would, with foreign keys on (they cannot be switched off inside the migration's transaction),
-- cascade-delete every guardian, record and attachment row. migrate.ts lifts the connection's
-- defensive mode for migrations that say writable_schema, and bumps schema_version after.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'student_no               TEXT NOT NULL UNIQUE,', 'student_no               TEXT UNIQUE,')
 WHERE type = 'table' AND name = 'students';
UPDATE sqlite_schema
   SET sql = replace(sql, 'student_no            TEXT NOT NULL,', 'student_no            TEXT,')
 WHERE type = 'table' AND name = 'import_batch_items';
PRAGMA writable_schema = RESET;
