//! The pure domain: money, wallets, journal entries and the rules of every operation.
//!
//! No I/O, no clock, no database or HTTP types: time, actor and new ids are passed in, so
//! every rule is unit-tested without a database.

pub mod batch;
pub mod chain;
pub mod entry;
pub mod ids;
pub mod limits;
pub mod model;
pub mod money;
pub mod operations;
pub mod policy;
pub mod reconcile;
pub mod request;
pub mod review;
pub mod seal;
pub mod snapshot;
pub mod time;
pub mod token;
pub mod verify;
