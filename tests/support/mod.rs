//! The one test builder: a fresh ledger file in a temporary folder, driven through the built
//! `ledgerctl` binary, with helpers that assert envelopes, exit codes and an unchanged ledger.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use ledgerctl::store::postgres::testing::TestDatabase;

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

    /// A path where no ledger exists yet.
    pub fn uninitialised() -> Ledger {
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
            ..Ledger::uninitialised()
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

    /// A direct connection, for tests that play a person editing the file by hand.
    pub fn sqlite(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).expect("open ledger file")
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
const SNAPSHOT_TABLES: [(&str, &str); 8] = [
    ("wallets", "id"),
    ("journal_entries", "seq"),
    ("postings", "entry_seq, idx"),
    ("freezes", "id"),
    ("wallet_status_changes", "seq"),
    ("idempotency_keys", "tenant_id, application_id, owner, key"),
    ("seals", "seq"),
    ("seal_heads", "seal_seq, wallet_id"),
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
