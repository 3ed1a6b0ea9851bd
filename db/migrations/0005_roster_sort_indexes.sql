-- Sorting the roster by 班级, 年级 or 专业 walks the (small) classes and majors tables in that
-- order and each class's students by students_class, so a page stops after its last row instead
-- of sorting every matching student (see db/queries/roster.ts, classWalkPage).
CREATE INDEX classes_cohort_name ON classes(cohort_year, name);
CREATE INDEX classes_major_name ON classes(major_id, name);
CREATE INDEX majors_name ON majors(name);
