//! The one test builder: a fresh ledger file in a temporary folder, driven through the built
//! `ledgerctl` binary, with helpers that assert envelopes, exit codes and an unchanged ledger.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use ledgerctl::store::postgres::testing::TestDatabase;

pub mod scoped;
pub mod server;
use serde_json::Value;

/// A ledger of its own, removed when the test ends: a file in a temporary folder, or (from
/// [`Ledger::postgres`]) a new PostgreSQL database, with the folder still there for input files.
pub struct Ledger {
    _dir: tempfile::TempDir,
    pub db: PathBuf,
    /// The PostgreSQL database the ledger is in, instead of the file `db`.
    pub postgres: Option<TestDatabase>,
    /// The instant later commands run at (`LEDGERCTL_FAKE_NOW`); the system clock when unset.
    clock: std::sync::Mutex<Option<String>>,
}

/// A write lock another session holds (see [`Ledger::hold_write_lock`]).
pub enum WriteLock {
    Sqlite(rusqlite::Connection),
    Postgres(postgres::Client),
}

impl WriteLock {
    /// Ends the holding transaction, writing nothing.
    pub fn release(self) {
        match self {
            WriteLock::Sqlite(conn) => conn.execute_batch("ROLLBACK").expect("release the write lock"),
            WriteLock::Postgres(mut client) => client.batch_execute("ROLLBACK").expect("release the lock"),
        }
    }
}

/// What one `ledgerctl -o json …` run printed and how it exited.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub json: Value,
    pub stderr: String,
}

impl Ledger {
    /// A new, initialised, empty ledger.
    pub fn new() -> Ledger {
        let ledger = Ledger::uninitialised();
        ledger.ok(&["init"]);
        ledger
    }

    /// Where no ledger exists yet: a path in a temporary folder, or, when
    /// `LEDGERCTL_TEST_BACKEND=postgres` runs the suites on PostgreSQL, an empty database.
    pub fn uninitialised() -> Ledger {
        if on_postgres() {
            return Ledger::postgres_uninitialised().expect(
                "LEDGERCTL_TEST_BACKEND=postgres needs LEDGERCTL_TEST_POSTGRES (bash .ci/postgres-tests sets it)",
            );
        }
        Ledger::file_uninitialised()
    }

    /// A new, initialised, empty ledger file, whichever backend the suites run on: for the tests
    /// whose subject is the file itself (editing it by hand, its locks, its journal mode).
    pub fn file() -> Ledger {
        let ledger = Ledger::file_uninitialised();
        ledger.ok(&["init"]);
        ledger
    }

    /// A path in a temporary folder where no ledger file exists yet, whichever backend the
    /// suites run on.
    pub fn file_uninitialised() -> Ledger {
        let dir = tempfile::tempdir().expect("temporary folder");
        let db = dir.path().join("ledger.db");
        Ledger {
            _dir: dir,
            db,
            postgres: None,
            clock: std::sync::Mutex::new(None),
        }
    }

    /// An empty PostgreSQL database where no ledger exists yet, or `None` when the test must
    /// skip (no server configured, and none required: see `store::postgres::testing`).
    pub fn postgres_uninitialised() -> Option<Ledger> {
        let database = TestDatabase::create()?;
        Some(Ledger {
            postgres: Some(database),
            ..Ledger::file_uninitialised()
        })
    }

    /// What `--db` names: the file's path, or the database's URL.
    pub fn db_arg(&self) -> String {
        match &self.postgres {
            Some(database) => database.url().to_owned(),
            None => self.db.to_string_lossy().into_owned(),
        }
    }

    /// A new, initialised ledger whose commands run at `instant` until [`Ledger::set_clock`]
    /// moves it: point-in-time tests choose their instants instead of sleeping between them.
    pub fn at(instant: &str) -> Ledger {
        let ledger = Ledger::uninitialised();
        ledger.set_clock(instant);
        ledger.ok(&["init"]);
        ledger
    }

    /// Pins the clock of every later command to `instant` (RFC 3339).
    pub fn set_clock(&self, instant: &str) {
        *self.clock.lock().expect("clock") = Some(instant.to_owned());
    }

    /// `ledgerctl` against this ledger, with a clean environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = command(Path::new(&self.db_arg()));
        if let Some(instant) = self.clock.lock().expect("clock").as_deref() {
            cmd.env("LEDGERCTL_FAKE_NOW", instant);
        }
        cmd
    }

    /// Runs `ledgerctl -o json ARGS` and parses the one envelope it must print.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = self
            .cmd()
            .arg("-o")
            .arg("json")
            .args(args)
            .output()
            .expect("ledgerctl runs");
        let stdout = String::from_utf8(output.stdout).expect("utf-8 stdout");
        let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
            panic!(
                "`ledgerctl {}` did not print one JSON document ({e}):\n{stdout}",
                args.join(" ")
            )
        });
        let code = output.status.code().expect("exit code");
        Run {
            code,
            json,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs a command that must succeed; returns its envelope.
    pub fn ok(&self, args: &[&str]) -> Value {
        let run = self.run(args);
        assert_eq!(run.code, 0, "`ledgerctl {}` failed: {}", args.join(" "), run.json);
        assert_eq!(run.json["code"], 200, "{}", run.json);
        run.json
    }

    /// Runs a command that must fail with `exit` and `error`, and must leave the ledger exactly
    /// as it was. Returns the error envelope.
    pub fn fails(&self, args: &[&str], exit: i32, error: &str) -> Value {
        let before = self.snapshot();
        let run = self.run(args);
        assert_eq!(run.code, exit, "`ledgerctl {}`: {}", args.join(" "), run.json);
        assert_eq!(run.json["error"], error, "`ledgerctl {}`: {}", args.join(" "), run.json);
        assert!(
            run.json.get("data").is_none(),
            "error envelopes carry no data: {}",
            run.json
        );
        assert!(run.json["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert_eq!(
            self.snapshot(),
            before,
            "`ledgerctl {}` failed but changed the ledger",
            args.join(" ")
        );
        run.json
    }

    /// Opens a wallet and deposits into it; returns the deposit's transaction id.
    pub fn funded(&self, user: &str, amount: &str) -> String {
        self.ok(&["wallet", "create", user]);
        let deposit = self.ok(&["wallet", "deposit", user, "--amount", amount]);
        deposit["data"]["transaction"]["id"]
            .as_str()
            .expect("transaction id")
            .to_owned()
    }

    /// The wallet's `data` as `wallet show` prints it.
    pub fn wallet(&self, user: &str) -> Value {
        self.ok(&["wallet", "show", user])["data"].clone()
    }

    /// `ledger verify` must pass.
    pub fn verified(&self) {
        let run = self.run(&["ledger", "verify"]);
        assert_eq!(run.code, 0, "ledger verify failed: {}", run.json);
        assert_eq!(run.json["data"]["ok"], true);
    }

    /// Every row of every table, in a fixed order: equal snapshots mean an unchanged ledger.
    pub fn snapshot(&self) -> String {
        match &self.postgres {
            Some(database) => postgres_snapshot(database),
            None => snapshot(&self.db),
        }
    }

    /// The rows of a query without parameters, each value as text (`NULL` as `None`), on
    /// whichever backend the ledger is: for tests that look inside the ledger without editing it.
    pub fn rows(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        match &self.postgres {
            Some(database) => postgres_rows(database, sql),
            None => sqlite_rows(&self.sqlite(), sql),
        }
    }

    /// Runs statements without parameters on either backend: for tests that write into the
    /// ledger behind ledgerctl's back, in SQL both backends take.
    pub fn execute(&self, sql: &str) {
        match &self.postgres {
            Some(database) => database
                .client()
                .batch_execute(sql)
                .unwrap_or_else(|e| panic!("`{sql}`: {e}")),
            None => self
                .sqlite()
                .execute_batch(sql)
                .unwrap_or_else(|e| panic!("`{sql}`: {e}")),
        }
    }

    /// Runs `sql`, which must change exactly one row, past every trigger of `table`: a careful
    /// person editing the ledger by hand. SQLite's triggers are dropped and put back as they
    /// were; PostgreSQL's are skipped for the one transaction (`session_replication_role`).
    pub fn edit_behind_the_triggers(&self, table: &str, sql: &str) {
        let changed = match &self.postgres {
            Some(database) => {
                let mut client = database.client();
                let mut tx = client.transaction().expect("begin");
                tx.batch_execute("SET LOCAL session_replication_role = replica")
                    .expect("skip triggers");
                let changed = tx
                    .execute(sql, &[])
                    .unwrap_or_else(|e| panic!("hand edit `{sql}`: {e}"));
                tx.commit().expect("commit the hand edit");
                changed as usize
            }
            None => {
                let conn = self.sqlite();
                let triggers = sqlite_rows(
                    &conn,
                    &format!("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{table}'"),
                );
                for name in triggers.iter().filter_map(|t| t[0].as_deref()) {
                    conn.execute_batch(&format!("DROP TRIGGER {name}"))
                        .expect("drop trigger");
                }
                let changed = conn
                    .execute(sql, [])
                    .unwrap_or_else(|e| panic!("hand edit `{sql}`: {e}"));
                for definition in triggers.iter().filter_map(|t| t[1].as_deref()) {
                    conn.execute_batch(definition).expect("put the trigger back");
                }
                changed
            }
        };
        assert_eq!(changed, 1, "{sql}");
    }

    /// The one integer a query without parameters answers (a count, a sum), on either backend.
    pub fn number(&self, sql: &str) -> i64 {
        let rows = self.rows(sql);
        let [row] = rows.as_slice() else {
            panic!("`{sql}` answered {} rows, not one", rows.len())
        };
        let [Some(value)] = row.as_slice() else {
            panic!("`{sql}` answered {row:?}, not one value")
        };
        value
            .parse()
            .unwrap_or_else(|e| panic!("`{sql}` answered `{value}`: {e}"))
    }

    /// Every journal entry's id by its `reference_id`, in journal order, on either backend; an
    /// entry listed twice fails the test.
    pub fn entries_by_reference(&self) -> std::collections::BTreeMap<String, Vec<String>> {
        let mut journal: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        let mut seen = std::collections::HashSet::new();
        for row in self.rows("SELECT reference_id, id FROM journal_entries WHERE reference_id IS NOT NULL ORDER BY seq")
        {
            let [Some(reference), Some(id)] = row.as_slice() else {
                panic!("{row:?}")
            };
            assert!(seen.insert(id.clone()), "entry {id} twice");
            journal.entry(reference.clone()).or_default().push(id.clone());
        }
        journal
    }

    /// The first column of every row of a query without parameters, on either backend.
    pub fn texts(&self, sql: &str) -> Vec<String> {
        self.rows(sql)
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .next()
                    .flatten()
                    .unwrap_or_else(|| panic!("`{sql}`: a NULL"))
            })
            .collect()
    }

    /// Another session holding what every write waits for, until [`WriteLock::release`]: the
    /// file's write lock on SQLite, on PostgreSQL a lock on the wallets table that conflicts with
    /// the row locks a write takes (reads go on).
    pub fn hold_write_lock(&self) -> WriteLock {
        match &self.postgres {
            Some(database) => {
                let mut client = database.client();
                client
                    .batch_execute("BEGIN; LOCK TABLE wallets IN EXCLUSIVE MODE")
                    .expect("lock the wallets");
                WriteLock::Postgres(client)
            }
            None => {
                let conn = self.sqlite();
                conn.execute_batch("BEGIN IMMEDIATE").expect("take the write lock");
                WriteLock::Sqlite(conn)
            }
        }
    }

    /// A direct connection, for tests that play a person editing the file by hand.
    pub fn sqlite(&self) -> rusqlite::Connection {
        assert!(
            self.postgres.is_none(),
            "this test edits a ledger file by hand: build its ledger with Ledger::file()"
        );
        rusqlite::Connection::open(&self.db).expect("open ledger file")
    }
}

/// The variable that runs the CLI and HTTP suites on PostgreSQL: `postgres`, or unset (SQLite
/// files, the default).
pub const BACKEND_VARIABLE: &str = "LEDGERCTL_TEST_BACKEND";

/// Whether this run's ledgers are PostgreSQL databases (`LEDGERCTL_TEST_BACKEND=postgres`).
pub fn on_postgres() -> bool {
    match std::env::var(BACKEND_VARIABLE).as_deref() {
        Ok("postgres") => true,
        Ok("sqlite") | Err(std::env::VarError::NotPresent) => false,
        Ok(other) => panic!("{BACKEND_VARIABLE} is `{other}`: `postgres` or `sqlite`"),
        Err(e) => panic!("{BACKEND_VARIABLE}: {e}"),
    }
}

/// `ledgerctl` with an environment that only the test controls.
/// The variables a developer's shell may hold that would change what the tests see: every
/// test process starts without them (each test sets what it needs).
pub const CALLER_ENV: &[&str] = &[
    "LEDGERCTL_TENANT",
    "LEDGERCTL_APP",
    "LEDGERCTL_OUTPUT",
    "LEDGERCTL_CURRENCY",
    "LEDGERCTL_LOCK_TIMEOUT_MS",
    "LEDGERCTL_READ_ONLY",
    "LEDGERCTL_LISTEN",
    "LEDGERCTL_INTERNAL_LISTEN",
    "RUST_BACKTRACE",
    "NO_COLOR",
    "LEDGERCTL_FAKE_NOW",
];

pub fn command(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("ledgerctl").expect("ledgerctl binary");
    for var in CALLER_ENV {
        cmd.env_remove(var);
    }
    cmd.env("LEDGERCTL_DB", db).env("USER", "tester");
    cmd
}

/// The tables a snapshot covers, each in a fixed order.
const SNAPSHOT_TABLES: [(&str, &str); 12] = [
    ("wallets", "id"),
    ("journal_entries", "seq"),
    ("postings", "entry_seq, idx"),
    ("freezes", "id"),
    ("wallet_status_changes", "seq"),
    ("idempotency_keys", "tenant_id, application_id, owner, key"),
    ("seals", "seq"),
    ("seal_heads", "seal_seq, wallet_id"),
    ("snapshots", "tenant_id, application_id, snapshot_date"),
    ("snapshot_balances", "wallet_id, snapshot_date"),
    ("policy_changes", "seq"),
    ("withdrawal_requests", "id"),
];

fn snapshot(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).expect("open ledger file");
    let mut out = String::new();
    for (table, order) in SNAPSHOT_TABLES {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY {order}"))
            .expect("snapshot query");
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).expect("snapshot rows");
        while let Some(row) = rows.next().expect("snapshot row") {
            let values: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).expect("value").as_str().ok()))
                .collect();
            let ints: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get::<_, i64>(i).ok()))
                .collect();
            out.push_str(&format!("{table}: {} {}\n", values.join(","), ints.join(",")));
        }
    }
    out
}

/// The amount string of a JSON field, for compact assertions.
pub fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("expected a string, got {v}"))
}

/// Whether `program` is installed (on PATH). When it is not, a test that needed it would pass
/// without checking anything, so this says so where a person running `cargo test` sees it: on
/// the process's real stderr, which the test harness does not capture (`eprintln!` it does).
/// Under `.ci/run` the tool's `require` variable is set and a missing tool fails the test.
pub fn tool_installed(program: &str, require: &str) -> bool {
    let found = std::process::Command::new("sh")
        .args(["-c", &format!("command -v '{program}'")])
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return true;
    }
    assert!(
        std::env::var_os(require).is_none(),
        "{program} is required ({require} is set) but not installed"
    );
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    // Written straight to the stream, not through eprintln!, so the harness does not swallow it.
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("skipped: {test}: {program} not installed (bash .ci/run installs it)\n").as_bytes(),
    );
    false
}

/// A small seeded generator (splitmix64): randomised tests need choices they can replay, not
/// cryptography.
pub struct Seeded(pub u64);

impl Seeded {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The seed of a randomised test: the environment variable `var` when set, else the clock's
/// nanoseconds. Printed with the test's name, so a failing run can be replayed.
pub fn seed(var: &str, test: &str) -> u64 {
    let seed = match std::env::var(var) {
        Ok(text) => text.parse().unwrap_or_else(|_| panic!("{var}={text:?} is not a u64")),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64),
    };
    eprintln!("{test}: {var}={seed}");
    seed
}

/// Every key a transaction object has, whatever its type (absent values are null), sorted.
pub const TRANSACTION_KEYS: [&str; 16] = [
    "amount",
    "balance_after",
    "balance_before",
    "counterparty_id",
    "created_at",
    "currency",
    "description",
    "freeze_id",
    "id",
    "original_transaction_id",
    "reason",
    "reference_id",
    "refunded_amount",
    "status",
    "type",
    "wallet_id",
];

/// [`snapshot`] of a PostgreSQL ledger: the same tables in the same order, each value as text.
fn postgres_rows(database: &TestDatabase, sql: &str) -> Vec<Vec<Option<String>>> {
    // The simple query protocol answers every value as text, whatever its type.
    let messages = database.client().simple_query(sql).unwrap_or_else(|e| {
        panic!(
            "`{sql}`: {}",
            e.as_db_error().map_or(e.to_string(), |d| d.message().to_owned())
        )
    });
    messages
        .iter()
        .filter_map(|message| match message {
            postgres::SimpleQueryMessage::Row(row) => {
                Some((0..row.len()).map(|i| row.get(i).map(str::to_owned)).collect())
            }
            _ => None,
        })
        .collect()
}

fn sqlite_rows(conn: &rusqlite::Connection, sql: &str) -> Vec<Vec<Option<String>>> {
    let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("`{sql}`: {e}"));
    let columns = stmt.column_count();
    let mut rows = stmt.query([]).unwrap_or_else(|e| panic!("`{sql}`: {e}"));
    let mut out = Vec::new();
    while let Some(row) = rows.next().unwrap_or_else(|e| panic!("`{sql}`: {e}")) {
        let values = (0..columns).map(|i| match row.get_ref(i).expect("a value") {
            rusqlite::types::ValueRef::Null => None,
            rusqlite::types::ValueRef::Integer(n) => Some(n.to_string()),
            rusqlite::types::ValueRef::Real(x) => Some(x.to_string()),
            rusqlite::types::ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
            rusqlite::types::ValueRef::Blob(b) => Some(format!("{b:?}")),
        });
        out.push(values.collect());
    }
    out
}

fn postgres_snapshot(database: &TestDatabase) -> String {
    let mut client = database.client();
    let mut out = String::new();
    for (table, order) in SNAPSHOT_TABLES {
        let sql = format!("SELECT to_jsonb(t)::text FROM (SELECT * FROM {table} ORDER BY {order}) AS t");
        for row in client.query(sql.as_str(), &[]).expect("snapshot query") {
            out.push_str(&format!("{table}: {}\n", row.get::<_, String>(0)));
        }
    }
    out
}
