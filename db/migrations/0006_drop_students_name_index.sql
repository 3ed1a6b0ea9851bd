-- students_name (students(name)) served no query: the likely-duplicate lookup (same name and birth
-- date, or same ID number) searches students_birth_date and students_id_number, sorting by 姓名
-- walks students_pinyin, and name search goes through the full-text indexes. Every new or renamed
-- student still paid for it: 50,000 imported rows spent ~0.3 s and ~2 MB of encrypted pages on it.
DROP INDEX IF EXISTS students_name;
