//! The PostgreSQL ledger against a real server, each test on a fresh database
//! ([`TestDatabase`]): `init`, opening and migrating (`open.rs`), the guards the schema keeps
//! (`guards.rs`), what its failures become (`errors.rs`), the queries only it answers
//! (`queries.rs`), a lost connection reopened (`reconnect.rs`) and two racing decisions of a
//! withdrawal request (`review.rs`); every query the storage interface names runs in
//! `store::conformance`.

mod errors;
mod guards;
mod open;
mod queries;
mod reconnect;
mod review;

use super::testing::TestDatabase;
use super::PgStore;

/// Long enough for a slow CI machine; the tests that time out set their own.
const LOCK_TIMEOUT_MS: u64 = 10_000;

/// A ledger just created by `init` in `db`.
fn init(db: &TestDatabase) -> PgStore {
    PgStore::create(db.config(), db.url(), LOCK_TIMEOUT_MS).expect("init creates a ledger in an empty database")
}

/// The tables of the database's own schema, by name.
fn tables(db: &TestDatabase) -> Vec<String> {
    db.client()
        .query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() \
             ORDER BY 1",
            &[],
        )
        .expect("tables")
        .iter()
        .map(|row| row.get(0))
        .collect()
}

/// The version the version row holds, read past any `PgStore`.
fn stored_version(db: &TestDatabase) -> i64 {
    db.client()
        .query_one("SELECT version FROM ledgerctl_schema WHERE id = 1", &[])
        .expect("version row")
        .get(0)
}
