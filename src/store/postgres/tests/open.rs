use std::sync::Barrier;

use super::{init, stored_version, tables, TestDatabase, LOCK_TIMEOUT_MS};
use crate::error::Error;
use crate::store::postgres::schema::SCHEMA_TABLE;
use crate::store::postgres::{append_only_triggers, PgStore, LATEST_VERSION};

#[test]
fn init_creates_the_latest_schema_with_every_append_only_trigger_in_an_empty_database() {
    let Some(db) = TestDatabase::create() else { return };
    let mut store = init(&db);
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let present: Vec<String> = db
        .client()
        .query("SELECT tgname::text FROM pg_trigger WHERE NOT tgisinternal", &[])
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    for trigger in append_only_triggers() {
        assert!(present.iter().any(|p| p == trigger), "{trigger} is missing");
    }
    assert_eq!(present.len(), append_only_triggers().count(), "{present:?}");
}

#[test]
fn init_refuses_a_database_that_holds_a_ledger_as_sqlite_refuses_an_existing_file() {
    let Some(db) = TestDatabase::create() else { return };
    init(&db);
    let again = PgStore::create(db.config(), db.url(), LOCK_TIMEOUT_MS).err();
    assert_eq!(again, Some(Error::LedgerExists { path: db.url().into() }));
    assert_eq!(
        again.unwrap().to_string(),
        format!("a ledger already exists at {}", db.url())
    );
}

#[test]
fn of_two_inits_at_once_one_creates_the_ledger_and_the_other_finds_it_there() {
    let Some(db) = TestDatabase::create() else { return };
    let start = Barrier::new(2);
    let mut created: Vec<Result<(), Error>> = std::thread::scope(|scope| {
        let racing: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    start.wait();
                    PgStore::create(db.config(), db.url(), LOCK_TIMEOUT_MS).map(|_| ())
                })
            })
            .collect();
        racing.into_iter().map(|t| t.join().unwrap()).collect()
    });
    created.sort_by_key(Result::is_err);
    assert_eq!(created, [Ok(()), Err(Error::LedgerExists { path: db.url().into() })]);
    assert_eq!(stored_version(&db), LATEST_VERSION);
}

#[test]
fn init_refuses_a_database_with_other_tables_and_leaves_it_as_it_was() {
    let Some(db) = TestDatabase::create() else { return };
    db.client().batch_execute("CREATE TABLE invoices (id BIGINT)").unwrap();
    let refused = PgStore::create(db.config(), db.url(), LOCK_TIMEOUT_MS).err().unwrap();
    assert_eq!(
        refused.to_string(),
        format!(
            "invalid db: {} already holds tables that are not a ledgerctl ledger (invoices): init creates a ledger \
             only in an empty database",
            db.url()
        )
    );
    assert_eq!(tables(&db), ["invoices"]);
}

#[test]
fn opening_a_database_without_a_ledger_is_refused_and_creates_nothing() {
    let Some(db) = TestDatabase::create() else { return };
    let empty = PgStore::open(db.config(), db.url(), LOCK_TIMEOUT_MS).err();
    assert_eq!(empty, Some(Error::LedgerNotFound { path: db.url().into() }));
    db.client().batch_execute("CREATE TABLE invoices (id BIGINT)").unwrap();
    for opened in [
        PgStore::open(db.config(), db.url(), LOCK_TIMEOUT_MS),
        PgStore::open_read_only(db.config(), db.url(), LOCK_TIMEOUT_MS),
    ] {
        let refused = opened.err().unwrap().to_string();
        assert!(refused.contains("is not a ledgerctl ledger"), "{refused}");
    }
    assert_eq!(tables(&db), ["invoices"]);
}

#[test]
fn processes_opening_an_old_ledger_at_once_migrate_it_once() {
    let Some(db) = TestDatabase::create() else { return };
    // Version 0: the version row and nothing else, so every migration is still to run (and
    // would fail if run twice: its tables would already exist).
    db.client().batch_execute(SCHEMA_TABLE).unwrap();
    let openers = 4;
    let start = Barrier::new(openers);
    let versions: Vec<i64> = std::thread::scope(|scope| {
        let opening: Vec<_> = (0..openers)
            .map(|_| {
                scope.spawn(|| {
                    start.wait();
                    let mut store = PgStore::open(db.config(), db.url(), LOCK_TIMEOUT_MS).expect("opens");
                    store.schema_version().unwrap()
                })
            })
            .collect();
        opening.into_iter().map(|t| t.join().unwrap()).collect()
    });
    assert_eq!(versions, vec![LATEST_VERSION; openers]);
    assert_eq!(stored_version(&db), LATEST_VERSION);
}

#[test]
fn a_migration_waits_for_the_version_row_at_most_the_lock_timeout() {
    let Some(db) = TestDatabase::create() else { return };
    db.client().batch_execute(SCHEMA_TABLE).unwrap();
    let mut holder = db.client();
    let mut holding = holder.transaction().unwrap();
    holding
        .query("SELECT version FROM ledgerctl_schema WHERE id = 1 FOR UPDATE", &[])
        .unwrap();
    let busy = PgStore::open(db.config(), db.url(), 100).err();
    assert_eq!(
        busy,
        Some(Error::LedgerBusy {
            lock_timeout_ms: Some(100)
        })
    );
    holding.rollback().unwrap();
    assert_eq!(stored_version(&db), 0);
}

#[test]
fn a_read_only_opening_never_migrates_and_its_session_refuses_writes() {
    let Some(db) = TestDatabase::create() else { return };
    db.client().batch_execute(SCHEMA_TABLE).unwrap();
    let old = PgStore::open_read_only(db.config(), db.url(), LOCK_TIMEOUT_MS).err();
    assert!(
        matches!(&old, Some(Error::ReadOnly { reason }) if reason.contains("must be migrated first")),
        "{old:?}"
    );
    assert_eq!(stored_version(&db), 0);
    PgStore::open(db.config(), db.url(), LOCK_TIMEOUT_MS).unwrap();
    let mut reader = PgStore::open_read_only(db.config(), db.url(), LOCK_TIMEOUT_MS).unwrap();
    assert!(reader.read_only());
    assert_eq!(reader.schema_version().unwrap(), LATEST_VERSION);
    let write = reader
        .client
        .get_mut()
        .batch_execute("UPDATE ledgerctl_schema SET version = 1");
    let refused = Error::from(write.unwrap_err());
    assert!(matches!(refused, Error::ReadOnly { .. }), "{refused:?}");
    assert_eq!(stored_version(&db), LATEST_VERSION);
}

#[test]
fn a_ledger_of_a_newer_ledgerctl_is_refused_not_misread() {
    let Some(db) = TestDatabase::create() else { return };
    init(&db);
    let newer = LATEST_VERSION + 1;
    db.client()
        .execute("UPDATE ledgerctl_schema SET version = $1", &[&newer])
        .unwrap();
    for opened in [
        PgStore::open(db.config(), db.url(), LOCK_TIMEOUT_MS),
        PgStore::open_read_only(db.config(), db.url(), LOCK_TIMEOUT_MS),
    ] {
        let refused = opened.err().unwrap().to_string();
        assert!(
            refused.contains(&format!("schema version {newer}, newer than")),
            "{refused}"
        );
    }
    assert_eq!(stored_version(&db), newer);
}

#[test]
fn every_session_commits_durably_and_waits_for_a_lock_at_most_the_lock_timeout() {
    let Some(db) = TestDatabase::create() else { return };
    init(&db);
    let setting = |store: &mut PgStore, name: &str| -> String {
        let row = store
            .client
            .get_mut()
            .query_one("SELECT current_setting($1)", &[&name])
            .unwrap();
        row.get(0)
    };
    let mut store = PgStore::open(db.config(), db.url(), 1_234).unwrap();
    assert_eq!(setting(&mut store, "synchronous_commit"), "on");
    assert_eq!(setting(&mut store, "lock_timeout"), "1234ms");
    assert_eq!(setting(&mut store, "default_transaction_read_only"), "off");
    // SQLite's 0 never waits; PostgreSQL's would wait forever.
    let mut impatient = PgStore::open(db.config(), db.url(), 0).unwrap();
    assert_eq!(setting(&mut impatient, "lock_timeout"), "1ms");
}

/// A ledger of version 6 (before the `admin` scope) opens at the latest version: its tokens
/// are kept as they were, an admin token is then stored, and one bound to a user is refused
/// by the database itself.
#[test]
fn a_version_6_ledger_migrates_its_tokens_as_they_are_and_takes_admin_ones() {
    let Some(db) = TestDatabase::create() else { return };
    let token = |id: &str, user: &str, access: &str| {
        format!(
            "INSERT INTO tokens (id, kind, tenant_id, application_id, user_id, access, secret_sha256, created_at, actor) \
             VALUES ('{id}', 'bearer', 't', 'a', {user}, '{access}', repeat('0', 64), '2026-01-01T00:00:00Z', 'me')"
        )
    };
    let mut client = db.client();
    client.batch_execute(SCHEMA_TABLE).unwrap();
    client
        .batch_execute(crate::store::postgres::schema::MIGRATIONS[0])
        .unwrap();
    client.batch_execute("UPDATE ledgerctl_schema SET version = 6").unwrap();
    client.batch_execute(&token("tok_1", "'alice'", "write")).unwrap();
    let rows = "SELECT id, user_id, access, secret_sha256 FROM tokens ORDER BY id";
    let before: Vec<Vec<Option<String>>> = client
        .query(rows, &[])
        .unwrap()
        .iter()
        .map(|r| (0..4).map(|i| r.get(i)).collect())
        .collect();
    let mut store = PgStore::open(db.config(), db.url(), LOCK_TIMEOUT_MS).expect("opens");
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let after: Vec<Vec<Option<String>>> = client
        .query(rows, &[])
        .unwrap()
        .iter()
        .map(|r| (0..4).map(|i| r.get(i)).collect())
        .collect();
    assert_eq!(after, before);
    client.batch_execute(&token("tok_2", "NULL", "admin")).unwrap();
    let bound = client.batch_execute(&token("tok_3", "'alice'", "admin")).unwrap_err();
    assert!(
        bound.to_string().contains("tokens_admin_check") || format!("{bound:?}").contains("tokens_admin_check"),
        "{bound:?}"
    );
}
