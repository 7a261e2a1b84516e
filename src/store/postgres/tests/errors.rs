use std::net::TcpListener;

use super::{init, TestDatabase};
use crate::error::{Error, ErrorKind};
use crate::store::location::DbLocation;
use crate::store::postgres::PgStore;
use crate::store::{Storage, StoreError};

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
fn a_server_that_refuses_the_connection_is_unavailable_named_by_host_port_and_database_without_the_password() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let secret = "pw-that-must-not-show";
    let url = format!("postgres://alice:{secret}@127.0.0.1:{port}/books");
    let Ok(DbLocation::Postgres { config, shown }) = DbLocation::parse(&url) else {
        panic!("{url} is a PostgreSQL URL")
    };
    let refused = PgStore::open(&config, &shown, 100).err().unwrap();
    assert_eq!(
        (refused.kind(), refused.code()),
        (ErrorKind::Busy, "database_unavailable")
    );
    let message = refused.to_string();
    let expected = format!("the database postgres://alice@127.0.0.1:{port}/books is unavailable: ");
    assert!(message.starts_with(&expected), "{message}");
    assert!(message.contains("onnection refused"), "{message}");
    assert!(message.ends_with("nothing was written, safe to retry"), "{message}");
    assert!(!message.contains(secret) && !format!("{refused:?}").contains(secret));
}

#[test]
fn an_unknown_database_or_user_is_a_wrong_db_not_an_unavailable_one() {
    let Some(db) = TestDatabase::create() else { return };
    let mut unknown_database = db.config().clone();
    unknown_database.dbname("lt_no_such_database");
    let mut unknown_user = db.config().clone();
    unknown_user.user("lt_no_such_user");
    for (config, sqlstate) in [(unknown_database, "3D000"), (unknown_user, "28000")] {
        let refused = PgStore::open(&config, "postgres://somewhere/else", 100).err().unwrap();
        assert_eq!(
            (refused.kind(), refused.code()),
            (ErrorKind::InvalidRequest, "invalid_request")
        );
        let message = refused.to_string();
        assert!(
            message.starts_with("invalid db: cannot connect to postgres://somewhere/else: "),
            "{message}"
        );
        assert!(message.contains(sqlstate), "{message}");
    }
}

#[test]
fn a_session_ended_by_the_server_is_unavailable_on_its_next_statement_and_the_store_says_so() {
    let Some(db) = TestDatabase::create() else { return };
    let mut store = init(&db);
    assert!(store.is_alive());
    db.client()
        .batch_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> \
             pg_backend_pid()",
        )
        .unwrap();
    let failed = store.read(|_| Ok(())).unwrap_err();
    assert_eq!(
        (failed.kind(), failed.code()),
        (ErrorKind::Busy, "database_unavailable")
    );
    assert!(failed.to_string().contains(store.shown()), "{failed}");
    assert!(!store.is_alive());
}

#[test]
fn the_server_s_own_shutdown_sqlstates_are_unavailable() {
    let Some(db) = TestDatabase::create() else { return };
    let mut client = db.client();
    for code in ["57P01", "57P02", "57P03", "08006", "53300"] {
        let e = Error::from(raised(&mut client, code));
        assert_eq!(
            (e.kind(), e.code()),
            (ErrorKind::Busy, "database_unavailable"),
            "{code}"
        );
    }
}

#[test]
fn a_session_lost_while_commit_runs_has_an_unknown_outcome_not_a_plain_failure() {
    let Some(db) = TestDatabase::create() else { return };
    let mut store = init(&db);
    // A check deferred to COMMIT that ends its own session: the connection is lost while the
    // COMMIT is in flight, which is what a restart or a network failure at that moment does.
    db.client()
        .batch_execute(
            "CREATE TABLE lt_commit_probe (x int);
             CREATE FUNCTION lt_end_session() RETURNS trigger LANGUAGE plpgsql AS
               $$ BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); RETURN NULL; END $$;
             CREATE CONSTRAINT TRIGGER lt_end_at_commit AFTER INSERT ON lt_commit_probe
               DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lt_end_session();",
        )
        .unwrap();
    let lost = store
        .write(|tx| tx.batch("INSERT INTO lt_commit_probe VALUES (1)"))
        .unwrap_err();
    assert_eq!(
        (lost.kind(), lost.code()),
        (ErrorKind::Internal, "commit_outcome_unknown")
    );
    let message = lost.to_string();
    // The server's FATAL 57P01 reaches the client first, or the socket closes before it does:
    // either is a session lost while COMMIT ran, and both must say so.
    assert!(
        message.contains(store.shown()) && (message.contains("57P01") || message.contains("connection closed")),
        "{message}"
    );
    assert!(!lost.retryable());
    assert!(!store.is_alive());
}
