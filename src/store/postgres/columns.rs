//! How the ledger's typed values are read back from a column. They are stored as the text
//! SQLite stores, so both backends hold the same bytes (the hashes cover them), and bound as
//! that text (`as_str()`, `to_string()`): `ToSql` would need the `bytes` crate by name, a
//! dependency of its own, for what a `&str` already does.

use std::error::Error as StdError;

use ::postgres::types::{FromSql, Type};

use crate::ledger::ids::{FreezeId, TokenId, TransactionId, WalletId, WithdrawalRequestId};
use crate::ledger::time::Timestamp;

type Boxed = Box<dyn StdError + Sync + Send>;

/// An id is read back as it is: a stored id was checked when the ledger minted it or the
/// caller named it.
macro_rules! text_id_column {
    ($($name:ident),*) => {$(
        impl<'a> FromSql<'a> for $name {
            fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<$name, Boxed> {
                <&str as FromSql>::from_sql(ty, raw).map($name::new)
            }

            fn accepts(ty: &Type) -> bool {
                <&str as FromSql>::accepts(ty)
            }
        }
    )*};
}

text_id_column!(WalletId, TransactionId, FreezeId, TokenId, WithdrawalRequestId);

/// A stored text the ledger would not have written fails the read rather than be rewritten
/// under its hash (the schema's CHECK refuses most such texts already).
impl<'a> FromSql<'a> for Timestamp {
    fn from_sql(ty: &Type, raw: &'a [u8]) -> Result<Timestamp, Boxed> {
        let text = <&str as FromSql>::from_sql(ty, raw)?;
        Ok(Timestamp::parse(text)?)
    }

    fn accepts(ty: &Type) -> bool {
        <&str as FromSql>::accepts(ty)
    }
}
