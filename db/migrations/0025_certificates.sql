-- 学历证书 records (issue 16; DOMAIN.md §2.1, §2.3, §7.3): the numbers issued, what happened to each
-- certificate (结业 → 毕业 换发, 作废, 证明书), 暂缓发证, the ledger of blank pre-printed forms and the
-- log of every sheet printed. Certificates, their events, proofs and prints are records: never deleted.

-- One row per 学历证书 number issued. The number is the 电子注册号 (18 digits) and never changes
-- (同一学生无论结业或毕业其学历证书只有一个电子注册号, 教学司〔2001〕80号). Its parts are kept beside it
-- so the next sequence for a key is one past the highest ever issued (voided rows stay, so a voided
-- number is never handed out again).
CREATE TABLE certificates (
  id               INTEGER PRIMARY KEY,
  student_id       INTEGER NOT NULL REFERENCES students(id),
  -- 结业 certificates share the 毕业 sequence; 结业 → 毕业 换发 changes kind, never the number.
  kind             TEXT NOT NULL CHECK (kind IN ('毕业', '结业')),
  certificate_no   TEXT NOT NULL UNIQUE CHECK (length(certificate_no) = 18 AND certificate_no NOT GLOB '*[^0-9]*'),
  school_code      TEXT NOT NULL CHECK (length(school_code) = 5),
  run_type         TEXT NOT NULL CHECK (run_type IN ('1', '5', '6', '7')),
  year             INTEGER NOT NULL,
  level            TEXT NOT NULL CHECK (level IN ('01', '02', '04', '05', '06')),
  sequence         INTEGER NOT NULL CHECK (sequence BETWEEN 1 AND 999999),
  -- The 毕业日期 printed on the certificate (ISO day). On a 结业 → 毕业 换发 it becomes the issue
  -- date (41号令 第三十三条: 毕业时间按发证日期填写) while the year inside the number stays.
  graduation_date  TEXT NOT NULL,
  -- The 发证日期 (ISO day): the first issue, or the 换发.
  issue_date       TEXT NOT NULL,
  issued_by        TEXT NOT NULL,
  issued_at        TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'voided')),
  void_reason      TEXT,
  voided_by        TEXT,
  voided_at        TEXT,
  UNIQUE (school_code, run_type, year, level, sequence),
  CHECK (certificate_no = school_code || run_type || printf('%04d', year) || level || printf('%06d', sequence)),
  CHECK ((status = 'voided') = (void_reason IS NOT NULL AND voided_by IS NOT NULL AND voided_at IS NOT NULL))
);
-- A student holds at most one live certificate; a voided one (wrong person, revoked under 第三十七条)
-- stays as a record beside it.
CREATE UNIQUE INDEX certificates_one_live ON certificates(student_id) WHERE status = 'issued';

CREATE TRIGGER certificates_number_fixed BEFORE UPDATE OF student_id, certificate_no, school_code, run_type, year, level, sequence ON certificates
WHEN NEW.student_id IS NOT OLD.student_id OR NEW.certificate_no IS NOT OLD.certificate_no OR NEW.school_code IS NOT OLD.school_code
  OR NEW.run_type IS NOT OLD.run_type OR NEW.year IS NOT OLD.year OR NEW.level IS NOT OLD.level OR NEW.sequence IS NOT OLD.sequence
BEGIN SELECT RAISE(ABORT, 'a certificate number never changes once issued'); END;
CREATE TRIGGER certificates_void_final BEFORE UPDATE OF status ON certificates
WHEN OLD.status = 'voided' AND NEW.status IS NOT 'voided'
BEGIN SELECT RAISE(ABORT, 'a voided certificate stays voided'); END;
CREATE TRIGGER certificates_kind_forward BEFORE UPDATE OF kind ON certificates
WHEN NEW.kind IS NOT OLD.kind AND NOT (OLD.kind = '结业' AND NEW.kind = '毕业')
BEGIN SELECT RAISE(ABORT, 'only a 结业 certificate is re-issued, as 毕业'); END;
CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
BEGIN SELECT RAISE(ABORT, 'an issued certificate is a record: it is not deleted'); END;

-- What happened to a certificate after its issue, for its history and the 学信网 备注 (80号: note the
-- 结业 → 毕业 change). Appended only.
CREATE TABLE certificate_events (
  id              INTEGER PRIMARY KEY,
  certificate_id  INTEGER NOT NULL REFERENCES certificates(id),
  kind            TEXT NOT NULL CHECK (kind IN ('issued', 'reissued', 'voided', 'proof')),
  -- reissued: the kind and 毕业日期 before and after
  from_kind       TEXT,
  to_kind         TEXT,
  from_date       TEXT,
  to_date         TEXT,
  reason          TEXT,
  by              TEXT NOT NULL,
  at              TEXT NOT NULL
);
CREATE INDEX certificate_events_certificate ON certificate_events(certificate_id, id);
CREATE TRIGGER certificate_events_no_update BEFORE UPDATE ON certificate_events
BEGIN SELECT RAISE(ABORT, 'certificate history is not changed'); END;
CREATE TRIGGER certificate_events_no_delete BEFORE DELETE ON certificate_events
BEGIN SELECT RAISE(ABORT, 'certificate history is not deleted'); END;

-- 证明书 for a lost or damaged certificate (41号令 第三十八条: the original is never re-issued; the
-- 证明书 has the same force). Once per certificate, linked to it and so to its number.
CREATE TABLE certificate_proofs (
  id              INTEGER PRIMARY KEY,
  certificate_id  INTEGER NOT NULL UNIQUE REFERENCES certificates(id),
  reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  issued_by       TEXT NOT NULL,
  issued_at       TEXT NOT NULL
);
CREATE TRIGGER certificate_proofs_no_update BEFORE UPDATE ON certificate_proofs
BEGIN SELECT RAISE(ABORT, 'a 证明书 is a record: it is not changed'); END;
CREATE TRIGGER certificate_proofs_no_delete BEFORE DELETE ON certificate_proofs
BEGIN SELECT RAISE(ABORT, 'a 证明书 is a record: it is not deleted'); END;

-- 暂缓发证: the office holds a student's certificate back (e.g. the school insists on unpaid fees).
-- Deliberately not a graduation rule (DOMAIN.md §7.3): the outcome and the number are unaffected,
-- only printing refuses. Set and lifted with a reason each, kept after lifting.
CREATE TABLE certificate_holds (
  id           INTEGER PRIMARY KEY,
  student_id   INTEGER NOT NULL REFERENCES students(id),
  reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  set_by       TEXT NOT NULL,
  set_at       TEXT NOT NULL,
  lifted_by    TEXT,
  lifted_at    TEXT,
  lift_reason  TEXT,
  CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_reason IS NULL))
);
CREATE UNIQUE INDEX certificate_holds_one_open ON certificate_holds(student_id) WHERE lifted_at IS NULL;
CREATE TRIGGER certificate_holds_no_delete BEFORE DELETE ON certificate_holds
BEGIN SELECT RAISE(ABORT, 'a 暂缓发证 record is not deleted'); END;

-- Blank pre-printed forms arrive in ranges of printed serials (e.g. No.0012001–No.0012500).
CREATE TABLE certificate_form_ranges (
  id             INTEGER PRIMARY KEY,
  first_serial   TEXT NOT NULL,
  last_serial    TEXT NOT NULL,
  sheets         INTEGER NOT NULL CHECK (sheets >= 1),
  registered_by  TEXT NOT NULL,
  registered_at  TEXT NOT NULL
);

-- Each physical sheet by its printed serial: the serial's letters (prefix) and number are kept apart
-- so the ledger sorts as the stack lies (No.9 before No.10). A sheet is unused, printed (with the
-- certificate on it) or spoiled (with why; a misprinted sheet keeps its certificate).
CREATE TABLE certificate_forms (
  id              INTEGER PRIMARY KEY,
  serial          TEXT NOT NULL UNIQUE,
  prefix          TEXT NOT NULL,
  number          INTEGER NOT NULL,
  range_id        INTEGER NOT NULL REFERENCES certificate_form_ranges(id),
  status          TEXT NOT NULL DEFAULT 'unused' CHECK (status IN ('unused', 'printed', 'spoiled')),
  certificate_id  INTEGER REFERENCES certificates(id),
  spoiled_reason  TEXT,
  spoiled_by      TEXT,
  spoiled_at      TEXT,
  UNIQUE (prefix, number),
  CHECK ((status = 'unused') = (certificate_id IS NULL) OR status = 'spoiled'),
  CHECK ((status = 'spoiled') = (spoiled_reason IS NOT NULL))
);
-- A sheet never goes back to unused: paper printed on or spoiled is gone.
CREATE TRIGGER certificate_forms_forward BEFORE UPDATE OF status ON certificate_forms
WHEN OLD.status <> NEW.status AND NOT ((OLD.status = 'unused' AND NEW.status IN ('printed', 'spoiled')) OR (OLD.status = 'printed' AND NEW.status = 'spoiled'))
BEGIN SELECT RAISE(ABORT, 'a used or spoiled sheet does not go back'); END;
CREATE TRIGGER certificate_forms_no_delete BEFORE DELETE ON certificate_forms
BEGIN SELECT RAISE(ABORT, 'a blank form in the ledger is not deleted'); END;

-- Every sheet printed: which certificate, on which blank (NULL: plain paper, e.g. a test print), with
-- which template and printer profile, and, for any print after the first, why it was printed again.
CREATE TABLE certificate_prints (
  id              INTEGER PRIMARY KEY,
  certificate_id  INTEGER NOT NULL REFERENCES certificates(id),
  form_serial     TEXT REFERENCES certificate_forms(serial),
  template_name   TEXT NOT NULL,
  profile_name    TEXT NOT NULL,
  reprint_reason  TEXT,
  printed_by      TEXT NOT NULL,
  printed_at      TEXT NOT NULL
);
CREATE INDEX certificate_prints_certificate ON certificate_prints(certificate_id);
CREATE TRIGGER certificate_prints_no_update BEFORE UPDATE ON certificate_prints
BEGIN SELECT RAISE(ABORT, 'the print log is not changed'); END;
CREATE TRIGGER certificate_prints_no_delete BEFORE DELETE ON certificate_prints
BEGIN SELECT RAISE(ABORT, 'the print log is not deleted'); END;
