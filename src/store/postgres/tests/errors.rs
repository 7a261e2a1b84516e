use std::net::TcpListener;

use super::{init, TestDatabase};
use crate::error::{Error, ErrorKind};
use crate::store::location::DbLocation;
use crate::store::postgres::PgStore;
use crate::store::StoreError;

/// A real error of the server with the SQLSTATE `code`.
fn raised(client: &mut ::postgres::Client, code: &str) -> ::postgres::Error {
    let sql = format!("DO $$ BEGIN RAISE EXCEPTION 'raised for a test' USING ERRCODE = '{code}'; END $$");
    client.batch_execute(&sql).expect_err("raised")
}

#[test]
fn a_serialization_failure_a_deadlock_or_a_concurrent_duplicate_is_retryable_and_answered_as_busy() {
    let Some(db) = TestDatabase::create() else { return };
    let mut client = db.client();
    for code in ["40001", "40P01", "23505"] {
        let failure = StoreError::from(raised(&mut client, code));
        assert!(failure.retryable(), "{code}");
        let error = Error::from(failure);
        assert_eq!(
            error,
            Error::Retry {
                sqlstate: code.to_owned()
            }
        );
        assert!(error.retryable());
        assert_eq!((error.kind(), error.code()), (ErrorKind::Busy, "ledger_busy"));
    }
    for code in ["55P03", "23503", "XX000"] {
        let failure = StoreError::from(raised(&mut client, code));
        assert!(!failure.retryable(), "{code}");
        assert!(!Error::from(failure).retryable(), "{code}");
    }
}

#[test]
fn a_lock_wait_past_the_lock_timeout_is_busy_as_sqlites_busy_is() {
    let Some(db) = TestDatabase::create() else { return };
    let mut client = db.client();
    let anywhere = Error::from(raised(&mut client, "55P03"));
    assert_eq!(anywhere, Error::LedgerBusy { lock_timeout_ms: None });
    let locking = Error::from(StoreError::PostgresLock {
        lock_timeout_ms: 250,
        source: raised(&mut client, "55P03"),
    });
    assert_eq!(
        locking,
        Error::LedgerBusy {
            lock_timeout_ms: Some(250)
        }
    );
    let other = Error::from(raised(&mut client, "XX000"));
    assert_eq!(other, Error::internal("storage: raised for a test (SQLSTATE XX000)"));
}

#[test]
fn a_broken_guard_says_which_guard_and_why() {
    let Some(db) = TestDatabase::create() else { return };
    let mut store = init(&db);
    let e = store
        .client
        .get_mut()
        .batch_execute("TRUNCATE audit_events")
        .unwrap_err();
    assert_eq!(
        Error::from(e).to_string(),
        "internal error: storage: audit_events is append-only (SQLSTATE 23000)"
    );
}

#[test]
fn a_server_that_refuses_the_connection_is_named_by_host_port_and_database_without_the_password() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let secret = "pw-that-must-not-show";
    let url = format!("postgres://alice:{secret}@127.0.0.1:{port}/books");
    let Ok(DbLocation::Postgres { config, shown }) = DbLocation::parse(&url) else {
        panic!("{url} is a PostgreSQL URL")
    };
    let refused = PgStore::open(&config, &shown, 100).err().unwrap();
    let message = refused.to_string();
    let expected = format!("invalid db: cannot connect to postgres://alice@127.0.0.1:{port}/books: ");
    assert!(message.starts_with(&expected), "{message}");
    assert!(message.contains("onnection refused"), "{message}");
    assert!(!message.contains(secret) && !format!("{refused:?}").contains(secret));
}
