//! Flat views as rows of named cells, for CSV: every field of the struct, in declaration order,
//! whatever its value. A field a view leaves out of its JSON when absent
//! (`skip_serializing_if`) is still a column here, with an empty cell, so every row of one
//! command has the same columns and a field added to a view lands in the CSV header by itself.

use std::fmt::Display;

use serde::ser::{self, Impossible, SerializeMap, SerializeStruct, Serializer};
use serde::Serialize;

/// One record: (column name, cell) pairs; `None` is an absent value (an empty cell).
pub type Cells = Vec<(String, Option<String>)>;

/// Why a value is not a flat record: a programmer error in a view, never user input.
#[derive(Debug)]
pub struct NotFlat(String);

impl Display for NotFlat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a flat record: {}", self.0)
    }
}

impl std::error::Error for NotFlat {}

impl ser::Error for NotFlat {
    fn custom<T: Display>(msg: T) -> NotFlat {
        NotFlat(msg.to_string())
    }
}

/// The cells of a flat struct (or map) of scalar fields.
pub fn cells<T: Serialize>(value: &T) -> Result<Cells, NotFlat> {
    value.serialize(RecordSerializer)
}

/// A CSV cell a spreadsheet cannot run as a formula (OWASP's CSV injection rule): text that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, which
/// spreadsheets read as "this is text" and do not show. A number in the amount grammar with a
/// minus sign (`-5.00`, a credit balance) is not a formula and stays a number.
pub fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_signed_decimal(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// `-` then digits, optionally a dot and digits: how ledgerctl prints a negative amount.
fn is_signed_decimal(cell: &str) -> bool {
    let Some(unsigned) = cell.strip_prefix('-') else {
        return false;
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

fn nested(what: &str) -> NotFlat {
    NotFlat(format!("a field holds {what}"))
}

struct RecordSerializer;

struct Record {
    cells: Cells,
    key: Option<String>,
}

impl SerializeStruct for Record {
    type Ok = Cells;
    type Error = NotFlat;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), NotFlat> {
        self.cells.push((key.to_owned(), value.serialize(CellSerializer)?));
        Ok(())
    }

    // serde calls this for a field its `skip_serializing_if` left out: still a column.
    fn skip_field(&mut self, key: &'static str) -> Result<(), NotFlat> {
        self.cells.push((key.to_owned(), None));
        Ok(())
    }

    fn end(self) -> Result<Cells, NotFlat> {
        Ok(self.cells)
    }
}

// `#[serde(flatten)]` turns a struct into a map: its keys are the column names.
impl SerializeMap for Record {
    type Ok = Cells;
    type Error = NotFlat;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), NotFlat> {
        self.key = Some(key.serialize(CellSerializer)?.ok_or_else(|| nested("a null key"))?);
        Ok(())
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), NotFlat> {
        let key = self.key.take().ok_or_else(|| nested("a value without a key"))?;
        self.cells.push((key, value.serialize(CellSerializer)?));
        Ok(())
    }

    fn end(self) -> Result<Cells, NotFlat> {
        Ok(self.cells)
    }
}

/// Only records are rows; anything else is a programmer error.
macro_rules! refuse {
    ($($method:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<$ok, NotFlat> {
            Err(nested(stringify!($method)))
        })*
    };
}

impl Serializer for RecordSerializer {
    type Ok = Cells;
    type Error = NotFlat;
    type SerializeSeq = Impossible<Cells, NotFlat>;
    type SerializeTuple = Impossible<Cells, NotFlat>;
    type SerializeTupleStruct = Impossible<Cells, NotFlat>;
    type SerializeTupleVariant = Impossible<Cells, NotFlat>;
    type SerializeMap = Record;
    type SerializeStruct = Record;
    type SerializeStructVariant = Impossible<Cells, NotFlat>;

    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Record, NotFlat> {
        Ok(Record {
            cells: Vec::with_capacity(len),
            key: None,
        })
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Record, NotFlat> {
        Ok(Record {
            cells: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
        })
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result<Cells, NotFlat> {
        value.serialize(self)
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Cells, NotFlat> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Cells, NotFlat> {
        Err(nested("an enum"))
    }

    refuse! {
        serialize_bool(bool) -> Cells;
        serialize_i8(i8) -> Cells;
        serialize_i16(i16) -> Cells;
        serialize_i32(i32) -> Cells;
        serialize_i64(i64) -> Cells;
        serialize_u8(u8) -> Cells;
        serialize_u16(u16) -> Cells;
        serialize_u32(u32) -> Cells;
        serialize_u64(u64) -> Cells;
        serialize_f32(f32) -> Cells;
        serialize_f64(f64) -> Cells;
        serialize_char(char) -> Cells;
        serialize_str(&str) -> Cells;
        serialize_bytes(&[u8]) -> Cells;
        serialize_none() -> Cells;
        serialize_unit() -> Cells;
        serialize_unit_struct(&'static str) -> Cells;
        serialize_unit_variant(&'static str, u32, &'static str) -> Cells;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

/// One field's value as the text of its cell.
struct CellSerializer;

type Cell = Option<String>;

impl Serializer for CellSerializer {
    type Ok = Cell;
    type Error = NotFlat;
    type SerializeSeq = Impossible<Cell, NotFlat>;
    type SerializeTuple = Impossible<Cell, NotFlat>;
    type SerializeTupleStruct = Impossible<Cell, NotFlat>;
    type SerializeTupleVariant = Impossible<Cell, NotFlat>;
    type SerializeMap = Impossible<Cell, NotFlat>;
    type SerializeStruct = Impossible<Cell, NotFlat>;
    type SerializeStructVariant = Impossible<Cell, NotFlat>;

    fn serialize_bool(self, v: bool) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_string()))
    }
    fn serialize_i8(self, v: i8) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_string()))
    }
    fn serialize_i16(self, v: i16) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_string()))
    }
    fn serialize_i32(self, v: i32) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_string()))
    }
    fn serialize_i64(self, v: i64) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_string()))
    }
    fn serialize_u8(self, v: u8) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_string()))
    }
    fn serialize_u16(self, v: u16) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_string()))
    }
    fn serialize_u32(self, v: u32) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_string()))
    }
    fn serialize_u64(self, v: u64) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_string()))
    }
    fn serialize_char(self, v: char) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Cell, NotFlat> {
        Ok(Some(v.to_owned()))
    }
    fn serialize_none(self) -> Result<Cell, NotFlat> {
        Ok(None)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Cell, NotFlat> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Cell, NotFlat> {
        Ok(None)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Cell, NotFlat> {
        Ok(None)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<Cell, NotFlat> {
        Ok(Some(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, value: &T) -> Result<Cell, NotFlat> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Cell, NotFlat> {
        Err(nested("an enum with data"))
    }

    refuse! {
        // Money is never a float: a float in a view is a bug, not a cell.
        serialize_f32(f32) -> Cell;
        serialize_f64(f64) -> Cell;
        serialize_bytes(&[u8]) -> Cell;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct View {
        id: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        refunded: Option<String>,
        note: Option<&'static str>,
        count: u32,
    }

    #[test]
    fn a_skipped_field_is_still_a_column_with_an_empty_cell() {
        let with = cells(&View {
            id: "a",
            refunded: Some("1.00".into()),
            note: None,
            count: 2,
        })
        .unwrap();
        let without = cells(&View {
            id: "b",
            refunded: None,
            note: Some("x"),
            count: 3,
        })
        .unwrap();
        let names = |c: &Cells| c.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&with), ["id", "refunded", "note", "count"]);
        assert_eq!(names(&with), names(&without));
        assert_eq!(without[1].1, None);
        assert_eq!(with[3].1.as_deref(), Some("2"));
    }

    #[test]
    fn formulas_are_neutralised_and_negative_amounts_stay_numbers() {
        for formula in [
            "=1+1", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "-", "-.5", "-5.", "--5", "-1e3",
        ] {
            assert_eq!(neutralised(formula), format!("'{formula}"), "{formula:?}");
        }
        for plain in ["-5.00", "-5", "-0.001", "5.00", "text", "", "a=b", "'=1"] {
            assert_eq!(neutralised(plain), plain, "{plain:?}");
        }
    }

    #[test]
    fn a_nested_value_is_refused_not_flattened_silently() {
        #[derive(Serialize)]
        struct Nested {
            items: Vec<u32>,
        }
        assert!(cells(&Nested { items: vec![1] }).is_err());
    }
}
