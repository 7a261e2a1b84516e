//! How the ledger's typed values are stored in a column, and read back.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::ledger::chain::ChainVersion;
use crate::ledger::ids::{FreezeId, TokenId, TransactionId, WalletId, WithdrawalRequestId};
use crate::ledger::time::Timestamp;

/// An id is stored as its text, and read back as it is: a stored id was checked when the
/// ledger minted it or the caller named it.
macro_rules! text_id_column {
    ($($name:ident),*) => {$(
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<$name> {
                String::column_result(value).map($name::new)
            }
        }
    )*};
}

text_id_column!(WalletId, TransactionId, FreezeId, TokenId, WithdrawalRequestId);

/// A time is stored as the ledger writes it; a stored text it would not have written (a file
/// edited by hand) fails the read rather than be rewritten under its hash.
impl ToSql for Timestamp {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Timestamp {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Timestamp> {
        let text = String::column_result(value)?;
        Timestamp::parse(&text).map_err(|reason| FromSqlError::Other(reason.into()))
    }
}

/// Which chain an entry extends is stored as its number; any other number is a file edited by
/// hand.
impl ToSql for ChainVersion {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.number()))
    }
}

impl FromSql for ChainVersion {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<ChainVersion> {
        let n = i64::column_result(value)?;
        ChainVersion::from_number(n).ok_or(FromSqlError::OutOfRange(n))
    }
}
