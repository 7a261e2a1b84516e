//! The kind table against SPEC's, and the domain's error names.

use super::*;

/// SPEC section 3, row by row: (kind, HTTP status, exit code).
#[test]
fn kinds_map_to_the_spec_table() {
    let table = [
        (ErrorKind::Internal, 500, 1),
        (ErrorKind::InvalidRequest, 400, 2),
        (ErrorKind::Unauthenticated, 401, 2),
        (ErrorKind::Forbidden, 403, 2),
        (ErrorKind::NotFound, 404, 3),
        (ErrorKind::Conflict, 409, 4),
        (ErrorKind::InvalidAmount, 422, 5),
        (ErrorKind::Busy, 503, 6),
    ];
    for (kind, status, exit) in table {
        assert_eq!(kind.http_status(), status, "{kind:?}");
        assert_eq!(kind.exit_code(), exit, "{kind:?}");
    }
    assert_eq!(ErrorKind::InvariantBroken.exit_code(), 7);
    // Outside SPEC's table: a declined confirmation has a status of its own.
    assert_eq!(ErrorKind::Cancelled.exit_code(), 8);
}

#[test]
fn conditions_fall_in_their_spec_rows() {
    let insufficient = Error::InsufficientBalance {
        wallet_id: "wlt_1".into(),
        requested: Money::new(500, Currency::CNY),
        available: Money::new(100, Currency::CNY),
    };
    assert_eq!(insufficient.kind(), ErrorKind::Conflict);
    assert_eq!(insufficient.code(), "insufficient_balance");
    let exceeds = Error::ExceedsRefundable {
        transaction_id: "txn_1".into(),
        requested: Some(Money::new(500, Currency::CNY)),
        remaining: Money::new(100, Currency::CNY),
    };
    assert_eq!(exceeds.kind().http_status(), 422);
    let busy = Error::LedgerBusy {
        lock_timeout_ms: Some(10),
    };
    assert!(busy.to_string().contains("more than 10 ms"));
    assert_eq!(busy.kind().exit_code(), 6);
}
