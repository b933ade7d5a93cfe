/// A named schema change of the run store. Migrations are append-only: once released, a migration's
/// name and SQL never change; a later change to the schema is a new migration at the end of the list.
struct Migration: Sendable {
    let name: String
    let sql: String

    /// Every migration, in the order they are applied.
    static let all: [Migration] = [
        Migration(
            name: "0001-create-runs",
            sql: """
                CREATE TABLE runs (
                    id            TEXT PRIMARY KEY NOT NULL,
                    study_name    TEXT NOT NULL,
                    study_path    TEXT NOT NULL,
                    started_at    TEXT NOT NULL,
                    finished_at   TEXT,
                    status        TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
                    error         TEXT,
                    tool_version  TEXT NOT NULL,
                    study_text    TEXT NOT NULL,
                    output_dir    TEXT NOT NULL
                );
                CREATE TABLE inputs (
                    run_id      TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    role        TEXT NOT NULL,
                    path        TEXT NOT NULL,
                    size_bytes  INTEGER NOT NULL,
                    sha256      TEXT NOT NULL,
                    PRIMARY KEY (run_id, role, path)
                );
                CREATE TABLE parameters (
                    run_id  TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    key     TEXT NOT NULL,
                    value   TEXT NOT NULL,
                    PRIMARY KEY (run_id, key)
                );
                CREATE TABLE area_results (
                    run_id             TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    area_id            TEXT NOT NULL,
                    name               TEXT NOT NULL,
                    locations          INTEGER NOT NULL,
                    unserved           INTEGER NOT NULL,
                    underserved        INTEGER NOT NULL,
                    served             INTEGER NOT NULL,
                    households         REAL,
                    no_internet_share  REAL,
                    median_income      REAL,
                    metrics_json       TEXT NOT NULL DEFAULT '{}',
                    PRIMARY KEY (run_id, area_id)
                );
                CREATE TABLE diagnostics (
                    id        INTEGER PRIMARY KEY,
                    run_id    TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    severity  TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
                    message   TEXT NOT NULL
                );
                CREATE INDEX diagnostics_run ON diagnostics(run_id);
                CREATE INDEX runs_started ON runs(started_at);
                """),
        Migration(
            name: "0002_business_case",
            sql: """
                CREATE TABLE scenario_results (
                    run_id                    TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    scenario                  TEXT NOT NULL,
                    position                  INTEGER NOT NULL,
                    label                     TEXT NOT NULL,
                    kind                      TEXT NOT NULL CHECK (kind IN ('retail', 'wholesale', 'subsidy')),
                    capex                     REAL NOT NULL,
                    npv                       REAL NOT NULL,
                    irr                       REAL,
                    payback_years             REAL,
                    discounted_payback_years  REAL,
                    break_even_take_rate      REAL,
                    bond_amount               REAL NOT NULL,
                    min_dscr                  REAL,
                    mc_draws                  INTEGER NOT NULL,
                    mc_seed                   TEXT NOT NULL,
                    mc_p10                    REAL NOT NULL,
                    mc_p50                    REAL NOT NULL,
                    mc_p90                    REAL NOT NULL,
                    mc_probability_negative   REAL NOT NULL,
                    PRIMARY KEY (run_id, scenario)
                );
                CREATE TABLE scenario_cash_flows (
                    run_id              TEXT NOT NULL,
                    scenario            TEXT NOT NULL,
                    year                INTEGER NOT NULL,
                    passings_in_service REAL NOT NULL,
                    subscribers         REAL NOT NULL,
                    revenue             REAL NOT NULL,
                    opex                REAL NOT NULL,
                    capex               REAL NOT NULL,
                    net_cash_flow       REAL NOT NULL,
                    debt_service        REAL NOT NULL,
                    dscr                REAL,
                    PRIMARY KEY (run_id, scenario, year),
                    FOREIGN KEY (run_id, scenario) REFERENCES scenario_results(run_id, scenario) ON DELETE CASCADE
                );
                """),
        Migration(
            name: "0003_batch_jobs",
            sql: """
                ALTER TABLE runs ADD COLUMN owner_pid INTEGER;
                CREATE TABLE location_classes (
                    run_id       TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    location_id  INTEGER NOT NULL,
                    area_id      TEXT NOT NULL,
                    class        INTEGER NOT NULL CHECK (class IN (0, 1, 2)),
                    PRIMARY KEY (run_id, location_id)
                ) WITHOUT ROWID;
                CREATE TABLE batch_jobs (
                    folder         TEXT NOT NULL,
                    out_root       TEXT NOT NULL,
                    study_path     TEXT NOT NULL,
                    status         TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
                    error          TEXT,
                    run_id         TEXT,
                    inputs_sha256  TEXT,
                    updated_at     TEXT NOT NULL,
                    owner_pid      INTEGER,
                    PRIMARY KEY (folder, out_root)
                );
                """),
        // Every location's row of locations.csv, beside its class and area (NULL in runs stored before).
        Migration(
            name: "0004_locations",
            sql: """
                ALTER TABLE location_classes RENAME TO locations;
                ALTER TABLE locations ADD COLUMN block_geoid TEXT;
                ALTER TABLE locations ADD COLUMN h3_res8_id TEXT;
                ALTER TABLE locations ADD COLUMN best_technology INTEGER;
                ALTER TABLE locations ADD COLUMN best_download_mbps REAL;
                ALTER TABLE locations ADD COLUMN best_upload_mbps REAL;
                ALTER TABLE locations ADD COLUMN providers_at_100_20 INTEGER;
                ALTER TABLE locations ADD COLUMN funded INTEGER CHECK (funded IN (0, 1));
                ALTER TABLE locations ADD COLUMN funded_program TEXT;
                ALTER TABLE locations ADD COLUMN anchor INTEGER CHECK (anchor IN (0, 1));
                ALTER TABLE locations ADD COLUMN business_residential TEXT;
                """),
    ]
}
