//! The `snapshots` check: every stored snapshot's balances equal the journal's postings up to
//! its instant, and its recorded last entry is the wallet's last entry by then. Fed the same
//! journal stream as the [`super::Verifier`], it keeps per snapshot only the sums of the
//! entries that fall between it and the wallet's snapshot before, so the journal is read once
//! however many days each wallet was snapshotted.

use std::collections::HashMap;

use super::report::Check;
use crate::ledger::ids::WalletId;
use crate::ledger::model::JournalRow;
use crate::ledger::reconcile::format_minor;
use crate::ledger::snapshot::{date_text, LastEntry, WalletSnapshot};
use crate::ledger::time::Timestamp;

pub const SNAPSHOTS_CHECK: &str = "snapshots";
const SNAPSHOTS_DESCRIPTION: &str =
    "each stored snapshot's balances equal the journal's postings up to its day's end, and its last entry is the wallet's last entry by then";

/// What the entries between a snapshot's instant and the one before it added.
#[derive(Debug, Clone, Default)]
struct Bucket {
    available: i128,
    frozen: i128,
    last: Option<LastEntry>,
}

/// One wallet's snapshots, in the order of their instants.
#[derive(Debug)]
struct Track {
    available: String,
    frozen: String,
    /// `(snapshot_at, index into rows)`, sorted by instant.
    ends: Vec<(Timestamp, usize)>,
    buckets: Vec<Bucket>,
}

/// Feed [`Snapshots::entry`] every journal row, then [`Snapshots::finish`].
#[derive(Debug)]
pub struct Snapshots {
    rows: Vec<WalletSnapshot>,
    tracks: HashMap<WalletId, Track>,
}

impl Snapshots {
    pub fn new(rows: Vec<WalletSnapshot>) -> Snapshots {
        let mut tracks: HashMap<WalletId, Track> = HashMap::new();
        for (index, row) in rows.iter().enumerate() {
            let track = tracks.entry(row.wallet_id.clone()).or_insert_with(|| Track {
                available: format!("liabilities:wallet:{}:available", row.wallet_id),
                frozen: format!("liabilities:wallet:{}:frozen", row.wallet_id),
                ends: Vec::new(),
                buckets: Vec::new(),
            });
            track.ends.push((row.snapshot_at, index));
            track.buckets.push(Bucket::default());
        }
        for track in tracks.values_mut() {
            track.ends.sort();
        }
        Snapshots { rows, tracks }
    }

    /// An entry counts toward every snapshot of its wallet taken at an instant after it: it
    /// is added to the first of them, and [`Snapshots::finish`] carries it to the later ones.
    pub fn entry(&mut self, row: &JournalRow) {
        let Some(track) = self.tracks.get_mut(&row.entry.wallet_id) else {
            return;
        };
        let created_at = row.entry.created_at;
        let first = track.ends.partition_point(|(end, _)| *end <= created_at);
        let Some(bucket) = track.buckets.get_mut(first) else {
            return;
        };
        for posting in &row.entry.postings {
            // Liabilities: a credit (negative posting) is what the wallet holds.
            if posting.account == track.available {
                bucket.available -= i128::from(posting.amount);
            } else if posting.account == track.frozen {
                bucket.frozen -= i128::from(posting.amount);
            }
        }
        if bucket.last.as_ref().is_none_or(|last| last.wallet_seq < row.wallet_seq) {
            bucket.last = Some(LastEntry {
                wallet_seq: row.wallet_seq,
                transaction_id: row.entry.id.clone(),
                hash: row.hash.clone(),
            });
        }
    }

    pub fn finish(self) -> Check {
        let mut check = Check::new(SNAPSHOTS_CHECK, SNAPSHOTS_DESCRIPTION);
        check.checked = self.rows.len() as u64;
        let mut wallets: Vec<&Track> = self.tracks.values().collect();
        wallets.sort_by_key(|t| t.ends.first().map(|(_, index)| *index));
        for track in wallets {
            let mut held = Bucket::default();
            for ((_, index), bucket) in track.ends.iter().zip(&track.buckets) {
                held.available += bucket.available;
                held.frozen += bucket.frozen;
                if bucket.last.is_some() {
                    held.last.clone_from(&bucket.last);
                }
                if let Some(problem) = disagreement(&self.rows[*index], &held) {
                    check.fail(problem);
                }
            }
        }
        check
    }
}

/// What a stored snapshot gets wrong against `journal`, the sums up to its instant.
fn disagreement(row: &WalletSnapshot, journal: &Bucket) -> Option<String> {
    let money = |minor: i128| format_minor(row.currency, minor);
    let name = format!(
        "the snapshot of wallet {} ({}) on {}",
        row.wallet_id,
        row.user_id,
        date_text(row.date)
    );
    let stored = [
        ("available", row.available, journal.available),
        ("frozen", row.frozen, journal.frozen),
        ("balance", row.balance, journal.available + journal.frozen),
    ];
    for (what, stored, postings) in stored {
        if i128::from(stored) != postings {
            let (stored, postings) = (money(stored.into()), money(postings));
            return Some(format!(
                "{name} stores {what} {stored}; the journal's postings up to {} give {postings}",
                row.snapshot_at
            ));
        }
    }
    if row.last != journal.last {
        let shown = |last: &Option<LastEntry>| match last {
            Some(l) => format!("{} (wallet_seq {}, hash {})", l.transaction_id, l.wallet_seq, l.hash),
            None => "no entry".to_owned(),
        };
        return Some(format!(
            "{name} records its last entry as {}; the journal's is {}",
            shown(&row.last),
            shown(&journal.last)
        ));
    }
    None
}
