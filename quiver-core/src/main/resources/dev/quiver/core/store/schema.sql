-- Quiver index schema, version 2. Documented in docs/SCHEMA.md; keep both in step.
-- Statements are separated by lines holding only ';'.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID
;
CREATE TABLE inputs (
  id           INTEGER PRIMARY KEY,
  path         TEXT NOT NULL,
  kind         TEXT NOT NULL,
  bytes        INTEGER,
  sha256       TEXT,
  package      TEXT,
  version_code INTEGER,
  version_name TEXT,
  min_sdk      INTEGER,
  target_sdk   INTEGER
)
;
CREATE TABLE sources (
  id       INTEGER PRIMARY KEY,
  input_id INTEGER NOT NULL REFERENCES inputs(id),
  path     TEXT NOT NULL,
  bytes    INTEGER NOT NULL,
  lines    INTEGER NOT NULL
)
;
CREATE TABLE classes (
  id          INTEGER PRIMARY KEY,
  input_id    INTEGER NOT NULL REFERENCES inputs(id),
  source_id   INTEGER NOT NULL REFERENCES sources(id),
  line        INTEGER NOT NULL,
  descriptor  TEXT NOT NULL,
  flags       TEXT NOT NULL,
  superclass  TEXT,
  source_file TEXT,
  duplicate   INTEGER NOT NULL DEFAULT 0
)
;
CREATE TABLE interfaces (
  class_id   INTEGER NOT NULL REFERENCES classes(id),
  position   INTEGER NOT NULL,
  descriptor TEXT NOT NULL,
  PRIMARY KEY (class_id, position)
) WITHOUT ROWID
;
CREATE TABLE annotations (
  class_id INTEGER NOT NULL REFERENCES classes(id),
  position INTEGER NOT NULL,
  type     TEXT NOT NULL,
  PRIMARY KEY (class_id, position)
) WITHOUT ROWID
;
CREATE TABLE fields (
  id            INTEGER PRIMARY KEY,
  class_id      INTEGER NOT NULL REFERENCES classes(id),
  sig_id        INTEGER NOT NULL REFERENCES field_ids(id),
  line          INTEGER NOT NULL,
  name          TEXT NOT NULL,
  type          TEXT NOT NULL,
  flags         TEXT NOT NULL,
  initial_value TEXT
)
;
CREATE TABLE methods (
  id          INTEGER PRIMARY KEY,
  class_id    INTEGER NOT NULL REFERENCES classes(id),
  sig_id      INTEGER NOT NULL REFERENCES method_ids(id),
  first_line  INTEGER NOT NULL,
  last_line   INTEGER NOT NULL,
  name        TEXT NOT NULL,
  descriptor  TEXT NOT NULL,
  parameters  TEXT NOT NULL,
  return_type TEXT NOT NULL,
  flags       TEXT NOT NULL,
  registers   INTEGER,
  locals      INTEGER
)
;
-- Every distinct method / field identity the app defines or references, once (like DEX's method_ids
-- and field_ids sections). Instructions point here by id (narrow rows, small integer indexes), and
-- so do definitions (methods.sig_id, fields.sig_id): a call target and the methods that define it
-- share one id, which is what cross-references walk.
CREATE TABLE method_ids (
  id         INTEGER PRIMARY KEY,
  class      TEXT NOT NULL,
  name       TEXT NOT NULL,
  descriptor TEXT NOT NULL
)
;
CREATE TABLE field_ids (
  id    INTEGER PRIMARY KEY,
  class TEXT NOT NULL,
  name  TEXT NOT NULL,
  type  TEXT NOT NULL
)
;
CREATE TABLE calls (
  id        INTEGER PRIMARY KEY,
  method_id INTEGER NOT NULL REFERENCES methods(id),
  line      INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  target_id INTEGER NOT NULL REFERENCES method_ids(id),
  registers TEXT NOT NULL,
  extra     TEXT
)
;
CREATE TABLE strings (
  id        INTEGER PRIMARY KEY,
  method_id INTEGER NOT NULL REFERENCES methods(id),
  line      INTEGER NOT NULL,
  value     TEXT NOT NULL,
  jumbo     INTEGER NOT NULL
)
;
CREATE TABLE field_refs (
  id        INTEGER PRIMARY KEY,
  method_id INTEGER NOT NULL REFERENCES methods(id),
  line      INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  target_id INTEGER NOT NULL REFERENCES field_ids(id)
)
;
CREATE TABLE type_refs (
  id        INTEGER PRIMARY KEY,
  method_id INTEGER NOT NULL REFERENCES methods(id),
  line      INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  type      TEXT NOT NULL
)
;
CREATE TABLE problems (
  id        INTEGER PRIMARY KEY,
  input_id  INTEGER NOT NULL REFERENCES inputs(id),
  source_id INTEGER REFERENCES sources(id),
  path      TEXT NOT NULL,
  line      INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  message   TEXT NOT NULL
)
;
-- The manifest (docs/SCHEMA.md, "The manifest"): one row per input that has one, then its permissions,
-- components and intent filters. Booleans are 0/1, NULL when the attribute is absent or not a literal.
CREATE TABLE manifests (
  input_id                INTEGER PRIMARY KEY REFERENCES inputs(id),
  source                  TEXT NOT NULL,
  application_name        TEXT,
  application_class       TEXT,
  debuggable              INTEGER,
  allow_backup            INTEGER,
  uses_cleartext_traffic  INTEGER,
  network_security_config TEXT,
  test_only               INTEGER,
  permission              TEXT,
  process                 TEXT,
  enabled                 INTEGER,
  app_component_factory   TEXT,
  backup_agent            TEXT
)
;
CREATE TABLE permissions (
  id               INTEGER PRIMARY KEY,
  input_id         INTEGER NOT NULL REFERENCES inputs(id),
  kind             TEXT NOT NULL,
  name             TEXT,
  protection_level TEXT,
  max_sdk          INTEGER
)
;
CREATE TABLE components (
  id               INTEGER PRIMARY KEY,
  input_id         INTEGER NOT NULL REFERENCES inputs(id),
  kind             TEXT NOT NULL,
  name             TEXT,
  class            TEXT,
  exported         INTEGER,
  exported_reason  TEXT NOT NULL,
  permission       TEXT,
  read_permission  TEXT,
  write_permission TEXT,
  process          TEXT,
  enabled          INTEGER,
  authorities      TEXT,
  target_activity  TEXT
)
;
CREATE TABLE intent_filters (
  id           INTEGER PRIMARY KEY,
  component_id INTEGER NOT NULL REFERENCES components(id),
  position     INTEGER NOT NULL,
  priority     INTEGER
)
;
CREATE TABLE intent_filter_items (
  filter_id INTEGER NOT NULL REFERENCES intent_filters(id),
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (filter_id, position)
) WITHOUT ROWID
;
-- Convenience views: canonical signatures and file paths joined in.
CREATE VIEW v_methods AS
  SELECT m.id, c.descriptor || '->' || m.name || m.descriptor AS signature, m.sig_id,
         c.descriptor AS class, m.name, m.descriptor, m.parameters, m.return_type, m.flags,
         m.registers, m.locals, s.path, m.first_line, m.last_line, c.input_id
  FROM methods m JOIN classes c ON c.id = m.class_id JOIN sources s ON s.id = c.source_id
;
CREATE VIEW v_fields AS
  SELECT f.id, c.descriptor || '->' || f.name || ':' || f.type AS signature, f.sig_id,
         c.descriptor AS class, f.name, f.type, f.flags, f.initial_value, s.path, f.line, c.input_id
  FROM fields f JOIN classes c ON c.id = f.class_id JOIN sources s ON s.id = c.source_id
;
CREATE VIEW v_calls AS
  SELECT k.id, c.descriptor || '->' || m.name || m.descriptor AS caller,
         t.class || '->' || t.name || t.descriptor AS callee,
         k.kind, t.class AS target_class, t.name AS target_name, t.descriptor AS target_descriptor,
         k.registers, k.extra, s.path, k.line, k.method_id, k.target_id, c.input_id
  FROM calls k JOIN method_ids t ON t.id = k.target_id JOIN methods m ON m.id = k.method_id
  JOIN classes c ON c.id = m.class_id JOIN sources s ON s.id = c.source_id
;
CREATE VIEW v_strings AS
  SELECT t.id, t.value, t.jumbo, c.descriptor || '->' || m.name || m.descriptor AS method,
         s.path, t.line, t.method_id, c.input_id
  FROM strings t JOIN methods m ON m.id = t.method_id JOIN classes c ON c.id = m.class_id
  JOIN sources s ON s.id = c.source_id
;
CREATE VIEW v_field_refs AS
  SELECT r.id, r.kind, t.class || '->' || t.name || ':' || t.type AS field,
         t.class AS target_class, t.name AS target_name, t.type AS target_type,
         c.descriptor || '->' || m.name || m.descriptor AS method, s.path, r.line, r.method_id, r.target_id,
         c.input_id
  FROM field_refs r JOIN field_ids t ON t.id = r.target_id JOIN methods m ON m.id = r.method_id
  JOIN classes c ON c.id = m.class_id JOIN sources s ON s.id = c.source_id
;
CREATE VIEW v_type_refs AS
  SELECT r.id, r.kind, r.type, c.descriptor || '->' || m.name || m.descriptor AS method,
         s.path, r.line, r.method_id, c.input_id
  FROM type_refs r JOIN methods m ON m.id = r.method_id JOIN classes c ON c.id = m.class_id
  JOIN sources s ON s.id = c.source_id
;
