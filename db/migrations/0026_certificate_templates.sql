-- 证书套打 (issue 16). Certificate templates as data: the template itself is JSON in the shape of
-- shared/domain/certificates/template.ts (checked by templateProblems before it is written), with
-- the scanned blank form the designer shows behind it (bytes in this encrypted database; shown on
-- screen only, never printed). Exactly one template is the department's default: at most one by
-- the partial unique index, at least one because the default is never deleted (the app moves it).
CREATE TABLE certificate_templates (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 40),
  kind            TEXT NOT NULL CHECK (kind IN ('毕业证书', '结业证书')),
  template_json   TEXT NOT NULL CHECK (json_valid(template_json)),
  background      BLOB,
  background_mime TEXT CHECK (background_mime IN ('image/jpeg', 'image/png')),
  is_default      INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  updated_by      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK ((background IS NULL) = (background_mime IS NULL))
);
CREATE UNIQUE INDEX certificate_templates_one_default ON certificate_templates(is_default) WHERE is_default = 1;

-- 打印机校准: a printer's offset (mm, + is right/down) and scale, measured on the calibration sheet.
CREATE TABLE printer_profiles (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 40),
  offset_x_mm  REAL NOT NULL CHECK (abs(offset_x_mm) <= 20),
  offset_y_mm  REAL NOT NULL CHECK (abs(offset_y_mm) <= 20),
  scale_x      REAL NOT NULL CHECK (scale_x BETWEEN 0.95 AND 1.05),
  scale_y      REAL NOT NULL CHECK (scale_y BETWEEN 0.95 AND 1.05),
  updated_by   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);

-- The starting 毕业证书 template the app ships (shared/domain/certificates/default-template.ts, the
-- same JSON; tests/unit/certificates/default-template.test.ts keeps them equal).
INSERT INTO certificate_templates (name, kind, template_json, is_default, updated_by, updated_at)
VALUES ('毕业证书（通用）', '毕业证书', '{"format":1,"name":"毕业证书（通用）","kind":"毕业证书","page":{"widthMm":240,"heightMm":170},"fields":[{"id":"name","key":"name","xMm":128,"yMm":52,"widthMm":36,"font":"serif","sizePt":14,"align":"center","letterSpacingPt":2},{"id":"sex","key":"sex","xMm":190,"yMm":52,"widthMm":14,"font":"serif","sizePt":14,"align":"center","letterSpacingPt":0},{"id":"birth","key":"birthDate","xMm":120,"yMm":64,"widthMm":62,"font":"serif","sizePt":14,"align":"center","letterSpacingPt":0,"dateForm":"numeral"},{"id":"enrol","key":"enrolmentDate","xMm":128,"yMm":76,"widthMm":46,"font":"serif","sizePt":12,"align":"center","letterSpacingPt":0,"dateForm":"arabic"},{"id":"grad","key":"graduationDate","xMm":182,"yMm":76,"widthMm":46,"font":"serif","sizePt":12,"align":"center","letterSpacingPt":0,"dateForm":"arabic"},{"id":"major","key":"major","xMm":140,"yMm":88,"widthMm":60,"font":"serif","sizePt":13,"align":"center","letterSpacingPt":0},{"id":"length","key":"lengthYears","xMm":120,"yMm":100,"widthMm":12,"font":"serif","sizePt":14,"align":"center","letterSpacingPt":0},{"id":"level","key":"level","xMm":150,"yMm":100,"widthMm":20,"font":"serif","sizePt":14,"align":"center","letterSpacingPt":0},{"id":"president","key":"presidentName","xMm":128,"yMm":132,"widthMm":30,"font":"serif","sizePt":14,"align":"center","letterSpacingPt":2},{"id":"issue","key":"issueDate","xMm":170,"yMm":146,"widthMm":56,"font":"serif","sizePt":12,"align":"center","letterSpacingPt":0,"dateForm":"numeral"},{"id":"no","key":"certificateNo","xMm":36,"yMm":146,"widthMm":56,"font":"sans","sizePt":11,"align":"left","letterSpacingPt":0.5}],"photo":{"xMm":40,"yMm":40,"widthMm":30,"heightMm":40}}', 1, '系统', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
