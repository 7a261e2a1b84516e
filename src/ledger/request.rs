//! Queries: what a list or a lookup asks for (pages, filters), the same for every front door.
//! The validated money operations are in [`super::operations`].

use crate::error::{Error, Result};

/// A page of a list: 1-based, at most `PAGE_SIZE_MAX` rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub page: u32,
    pub page_size: u32,
}

impl PageRequest {
    pub fn new(page: Option<u32>, page_size: Option<u32>) -> Result<PageRequest> {
        use super::limits::{PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX};
        let page = page.unwrap_or(1);
        let page_size = page_size.unwrap_or(PAGE_SIZE_DEFAULT);
        if page == 0 {
            return Err(Error::invalid("page", "pages start at 1"));
        }
        if page_size == 0 || page_size > PAGE_SIZE_MAX {
            return Err(Error::invalid("page_size", format!("must be 1 to {PAGE_SIZE_MAX}")));
        }
        Ok(PageRequest { page, page_size })
    }

    /// Rows skipped before this page (fits SQLite's signed 64-bit integers).
    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.page_size)
    }
}

/// One page of a list and the size of the whole list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: PageRequest,
}

/// Which journal entries a list shows: by type, time and reference. `from` is inclusive and `to` exclusive, so months chain without overlap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryFilter {
    pub types: Vec<super::model::TxType>,
    pub from: Option<super::time::Timestamp>,
    pub to: Option<super::time::Timestamp>,
    pub reference_id: Option<String>,
    /// A cursor: only entries older than this transaction (`txn_…`), for stable paging while
    /// new entries arrive at the head.
    pub before: Option<super::ids::TransactionId>,
}
