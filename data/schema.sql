-- dxcomply's data contract: the record tables the engine reads.
--
-- Dates are ISO 8601 text, 'YYYY-MM-DD'. Extra tables and extra columns are
-- allowed and ignored. Types and value ranges are checked by the engine at
-- run time (rules/tables.yaml), not by constraints here: a producer's bad
-- value must reach the engine so that it can be reported as a data-quality
-- finding instead of being rejected silently at insert time.
--
-- The engine opens the database read-only. Producers should use WAL mode so
-- that a nightly run can read while they write.

-- Ministries and ministry-level bodies, government agencies, provinces.
-- An agency exists from valid_from (inclusive) until valid_until
-- (exclusive); both columns are optional, NULL meaning since before records
-- began / still. A database without them: every agency always existed.
CREATE TABLE agency (
  id          TEXT PRIMARY KEY,  -- stable ASCII id, e.g. 'BCA', 'NGHE-AN'
  name        TEXT NOT NULL,     -- Vietnamese name with diacritics (before any agency_version)
  kind        TEXT NOT NULL,     -- 'ministry' | 'gov_agency' | 'province' (likewise)
  parent_id   TEXT,              -- optional: the agency it belongs to
  valid_from  TEXT,              -- optional: the first day it exists
  valid_until TEXT               -- optional: the day it ceased to exist
);

-- Optional. An agency's name and kind from a date on (until its next
-- version): Thừa Thiên Huế is named Huế from 2025-01-01.
CREATE TABLE agency_version (
  agency_id  TEXT NOT NULL,  -- agency.id
  valid_from TEXT NOT NULL,  -- from this day on
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  source     TEXT,           -- the document that made the change
  PRIMARY KEY (agency_id, valid_from)
);

-- Optional. Who takes over from an agency that ceases: from effective_on
-- (normally the predecessor's valid_until) its records count for the
-- successor, and its open duties pass to it. Several rows with the same
-- predecessor and date are a split: the one marked main takes the records
-- (a single successor is main whatever the column says).
CREATE TABLE agency_succession (
  predecessor_id TEXT NOT NULL,               -- agency.id
  successor_id   TEXT NOT NULL,               -- agency.id, existing on effective_on
  effective_on   TEXT NOT NULL,
  main           INTEGER NOT NULL DEFAULT 0,  -- 1: the main successor of a split
  source         TEXT,                        -- the document that made the change
  PRIMARY KEY (predecessor_id, successor_id)
);

-- Optional. What the database holds: one row. sample = 1 marks invented
-- records (the sample country), and every human output says so.
CREATE TABLE dataset (
  name        TEXT NOT NULL,
  sample      INTEGER NOT NULL DEFAULT 0,
  description TEXT
);

-- State information systems and their security-level (cấp độ) status.
CREATE TABLE information_system (
  id                     INTEGER PRIMARY KEY,
  agency_id              TEXT NOT NULL,  -- owner, agency.id
  name                   TEXT NOT NULL,
  level                  INTEGER,        -- security level 1-5 (Decree 85/2016), NULL until proposed
  level_approved_on      TEXT,           -- level dossier (Hồ sơ đề xuất cấp độ) approved
  protection_deployed_on TEXT,           -- protection plan for the level fully deployed
  monitored_since        TEXT,           -- under cybersecurity monitoring since
  connects_population_db INTEGER NOT NULL DEFAULT 0,  -- 1: connected to the national population database
  created_on             TEXT,           -- in operation since (NULL: before records began)
  stopped_on             TEXT            -- taken out of operation (NULL: still running)
);
CREATE INDEX information_system_by_agency ON information_system(agency_id);

-- People of an agency's specialised cybersecurity unit.
CREATE TABLE security_staff (
  id         INTEGER PRIMARY KEY,
  agency_id  TEXT NOT NULL,
  role       TEXT NOT NULL,  -- 'security_specialist' | 'incident_responder' | 'manager' | 'support'
  employment TEXT NOT NULL,  -- 'civil_servant' | 'contract' | 'hired_expert'
  joined_on  TEXT,
  left_on    TEXT
);
CREATE INDEX security_staff_by_agency ON security_staff(agency_id);

-- Any deliverable an agency owes: a plan issued, a drill held, a report sent.
CREATE TABLE task (
  id            INTEGER PRIMARY KEY,
  agency_id     TEXT NOT NULL,
  obligation_id TEXT NOT NULL,  -- the rule it serves (rules/*.yaml id), or an internal label
  period        TEXT,           -- '2022', '2023-09', ... for periodic duties
  title         TEXT NOT NULL,
  started_on    TEXT,
  progress      REAL,           -- 0..1 as last reported
  completed_on  TEXT,
  evidence      TEXT,           -- e.g. the issued document's number, '1092/QĐ-BTTTT'
  -- Optional (databases made before them work without): the task's own plan.
  planned_start_on TEXT,        -- the day the agency plans to start it by
  planned_days     INTEGER      -- days of work it needs (counted as its rule's lead_time)
);
-- Optional column: recorded_on TEXT, the day the task was put on record; a
-- task does not exist before it (without the column, every task has existed
-- since before records began). ALTER TABLE task ADD COLUMN recorded_on TEXT;
CREATE INDEX task_by_agency_obligation ON task(agency_id, obligation_id);

-- task_id cannot finish before depends_on; across agencies too.
CREATE TABLE task_dependency (
  task_id    INTEGER NOT NULL,
  depends_on INTEGER NOT NULL,
  PRIMARY KEY (task_id, depends_on)
);

-- Indicator values over time (Strategy 411 targets, online public services).
CREATE TABLE measurement (
  indicator_id TEXT NOT NULL,
  agency_id    TEXT,           -- NULL: a national figure
  as_of        TEXT NOT NULL,
  value        REAL NOT NULL,  -- shares as fractions: 14.96% is 0.1496
  source       TEXT
);
CREATE INDEX measurement_by_indicator ON measurement(indicator_id, agency_id, as_of);

-- Extensions and waivers of a duty granted by a document (issue 15):
-- `extension` moves the due date to new_due, `waiver` exempts the agency.
-- period NULL: every period. expires_on NULL: does not expire.
CREATE TABLE exception (
  id              INTEGER PRIMARY KEY,
  obligation_id   TEXT NOT NULL,  -- rules/*.yaml id
  agency_id       TEXT NOT NULL,
  period          TEXT,
  kind            TEXT NOT NULL CHECK (kind IN ('extension','waiver')),
  new_due         TEXT,           -- extension: the new due date
  document_number TEXT NOT NULL,  -- e.g. '123/BCĐ-BTTTT'
  document_date   TEXT NOT NULL,
  granted_by      TEXT NOT NULL,
  reason          TEXT,
  expires_on      TEXT
);

-- One row per `dxcomply import` that wrote: who ran it, when, on which file
-- (its SHA-256), and how many rows it added, changed and left alone per
-- table (JSON: {"task": {"added": 3, "changed": 1, "unchanged": 40}}).
-- `dxcomply import` creates it in a database that lacks it.
CREATE TABLE import_log (
  id          INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,  -- UTC, ISO 8601 'YYYY-MM-DDTHH:MM:SSZ'
  os_user     TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,  -- of the file's bytes, hex
  agency_id   TEXT,           -- the workbook's agency, if any
  counts      TEXT NOT NULL   -- JSON, see above
);
