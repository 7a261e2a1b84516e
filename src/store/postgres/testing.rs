//! For tests, here and in `tests/`: a fresh, empty PostgreSQL database per test, created on the
//! server `LEDGERCTL_TEST_POSTGRES` names and dropped when the test is done with it.
//!
//! Without that variable (a plain `cargo test` on a laptop) a PostgreSQL test skips, saying so
//! on stderr, as the tests of outside tools do. `bash .ci/postgres-tests` starts a throwaway
//! server and sets it; `.ci/run` also sets `LEDGERCTL_REQUIRE_POSTGRES`, under which a test
//! that cannot reach its server fails instead of skipping.

use std::sync::atomic::{AtomicU64, Ordering};

use ::postgres::{Client, Config, NoTls};

use crate::store::error::cause_of;
use crate::store::location::{DbLocation, UrlParts};

/// The URL of a database on the server to test against (any database: it is only connected to
/// in order to create and drop the tests' own).
pub const SERVER_VARIABLE: &str = "LEDGERCTL_TEST_POSTGRES";
/// Set (by `.ci/run`): a PostgreSQL test that cannot reach its server fails.
pub const REQUIRE_VARIABLE: &str = "LEDGERCTL_REQUIRE_POSTGRES";

/// Numbers this process's databases, so tests running at once never share one.
static CREATED: AtomicU64 = AtomicU64::new(0);

/// An empty database `lt_<pid>_<n>`, dropped (with any session still connected to it) on drop.
pub struct TestDatabase {
    server: Config,
    name: String,
    url: String,
    config: Config,
}

impl TestDatabase {
    /// A new empty database, or `None` when no server is configured or reachable and none is
    /// required: the calling test then returns at once, having said that it skipped.
    pub fn create() -> Option<TestDatabase> {
        let Ok(server_url) = std::env::var(SERVER_VARIABLE) else {
            return skip(&format!("{SERVER_VARIABLE} is not set"));
        };
        let shown = DbLocation::parse(&server_url).map(|location| location.shown());
        let (server, shown) = match (server_url.parse::<Config>(), shown) {
            (Ok(server), Ok(shown)) => (server, shown),
            _ => panic!("{SERVER_VARIABLE} is not a postgres:// URL"),
        };
        let mut admin = match server.connect(NoTls) {
            Ok(admin) => admin,
            Err(e) => return skip(&format!("cannot connect to {shown}: {}", cause_of(&e))),
        };
        let name = format!("lt_{}_{}", std::process::id(), CREATED.fetch_add(1, Ordering::Relaxed));
        if let Err(e) = admin.batch_execute(&format!("CREATE DATABASE {name}")) {
            panic!("cannot create the test database {name} on {shown}: {}", cause_of(&e));
        }
        let mut parts = UrlParts::split(&server_url);
        let path = format!("/{name}");
        parts.path = &path;
        let url = parts.join();
        let mut config = server.clone();
        config.dbname(&name);
        Some(TestDatabase {
            server,
            name,
            url,
            config,
        })
    }

    /// The database's URL, as `--db` takes it.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The database's connection settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The database's name (`lt_<pid>_<n>`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A new session on the database, to set up or inspect what a test needs.
    pub fn client(&self) -> Client {
        self.config
            .connect(NoTls)
            .unwrap_or_else(|e| panic!("cannot connect to {}: {}", self.name, cause_of(&e)))
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let dropped = self
            .server
            .connect(NoTls)
            .and_then(|mut admin| admin.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)));
        if let Err(e) = dropped {
            // Never a panic in drop: the throwaway server goes away with its databases anyway.
            let _ = std::io::Write::write_all(
                &mut std::io::stderr(),
                format!("cannot drop the test database {}: {}\n", self.name, cause_of(&e)).as_bytes(),
            );
        }
    }
}

/// Skips the calling test, saying so past the harness's capture; fails it instead when a
/// server is required.
fn skip(reason: &str) -> Option<TestDatabase> {
    assert!(
        std::env::var_os(REQUIRE_VARIABLE).is_none(),
        "PostgreSQL is required ({REQUIRE_VARIABLE} is set), but {reason}"
    );
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("skipped: {test}: {reason} (bash .ci/postgres-tests runs it on a throwaway server)\n").as_bytes(),
    );
    None
}
