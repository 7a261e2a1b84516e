use std::net::TcpListener;
use std::time::{Duration, Instant};

use super::{init, TestDatabase, LOCK_TIMEOUT_MS};
use crate::error::ErrorKind;
use crate::ledger::limits::RECONNECT_BACKOFF_BASE_MS;
use crate::store::{ConnectionEvent, DbLocation, Reconnecting, Storage, Store};

/// Ends every other session on the test's database, as a restart or an operator would.
fn terminate_sessions(db: &TestDatabase) {
    db.client()
        .batch_execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> \
             pg_backend_pid()",
        )
        .unwrap();
}

fn events(reconnecting: &mut Reconnecting, now: Instant) -> Vec<String> {
    let mut seen = Vec::new();
    reconnecting.refresh(now, &mut |event| {
        seen.push(match event {
            ConnectionEvent::Unreachable(e) => format!("Unreachable({})", e.code()),
            other => format!("{other:?}"),
        })
    });
    seen
}

#[test]
fn a_session_the_server_ended_is_found_and_reopened_before_it_is_used() {
    let Some(db) = TestDatabase::create() else { return };
    drop(init(&db));
    let location = DbLocation::parse(db.url()).unwrap();
    let store = Store::open(&location, LOCK_TIMEOUT_MS).unwrap();
    let mut reconnecting = Reconnecting::new(store, location, LOCK_TIMEOUT_MS);
    assert!(
        events(&mut reconnecting, Instant::now()).is_empty(),
        "a live session is kept"
    );
    terminate_sessions(&db);
    // The client notices an ended session only by reading: past the idle bound it asks first.
    std::thread::sleep(Duration::from_millis(
        crate::ledger::limits::CONNECTION_CHECK_IDLE_MS + 100,
    ));
    assert_eq!(
        events(&mut reconnecting, Instant::now()),
        ["Lost", "Restored { failures: 0 }"]
    );
    let version = reconnecting.store().unwrap().schema_version().unwrap();
    assert_eq!(version, crate::store::postgres::LATEST_VERSION);
}

#[test]
fn a_database_that_cannot_be_reached_is_unavailable_and_tried_again_only_after_a_pause() {
    let Some(db) = TestDatabase::create() else { return };
    drop(init(&db));
    let store = Store::open(&DbLocation::parse(db.url()).unwrap(), LOCK_TIMEOUT_MS).unwrap();
    // Reopened elsewhere: a port nothing listens on, as a database that went away.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let gone = DbLocation::parse(&format!("postgres://postgres:secret@127.0.0.1:{port}/x")).unwrap();
    let mut reconnecting = Reconnecting::new(store, gone, LOCK_TIMEOUT_MS);
    terminate_sessions(&db);
    let failed = reconnecting.store().unwrap().read(|_| Ok(())).unwrap_err();
    assert_eq!(failed.code(), "database_unavailable");
    let now = Instant::now();
    assert_eq!(
        events(&mut reconnecting, now),
        ["Lost", "Unreachable(database_unavailable)"]
    );
    let answer = reconnecting.store().err().unwrap();
    assert_eq!(
        (answer.kind(), answer.code()),
        (ErrorKind::Busy, "database_unavailable")
    );
    assert!(!answer.to_string().contains("secret"), "{answer}");
    assert!(events(&mut reconnecting, now).is_empty(), "no attempt before the pause");
    let later = now + Duration::from_millis(RECONNECT_BACKOFF_BASE_MS);
    assert!(
        events(&mut reconnecting, later).is_empty(),
        "a failure is reported once an outage"
    );
    assert!(reconnecting.store().is_err());
}
