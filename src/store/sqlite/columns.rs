//! How the ledger's typed values are stored in a column, and read back.

use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::ledger::ids::{FreezeId, TokenId, TransactionId, WalletId};

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

text_id_column!(WalletId, TransactionId, FreezeId, TokenId);
