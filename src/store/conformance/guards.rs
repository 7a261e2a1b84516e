//! What only the database can check: its own storage, and the guards that keep the journal
//! append-only. A new ledger passes both.

use crate::store::{Queries, Storage};

pub(super) fn a_new_ledger_passes_its_storage_check_and_misses_no_guard<S: Storage>(mut store: S) {
    store
        .read(|tx| {
            assert!(tx.storage_check()?.ok());
            assert_eq!(tx.missing_guards()?, Vec::<String>::new());
            Ok(())
        })
        .unwrap();
}
