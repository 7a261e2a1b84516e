//! What `ledger verify` reports: each check and its problems, the whole report, and the
//! anchors an operator keeps outside the ledger.

/// How many problems each check reports by name before it only counts them.
const PROBLEMS_SHOWN_MAX: usize = 20;

/// One invariant and what checking it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub description: &'static str,
    pub checked: u64,
    pub problems: Vec<String>,
    pub problems_total: u64,
}

impl Check {
    pub(super) fn new(name: &'static str, description: &'static str) -> Check {
        Check {
            name,
            description,
            checked: 0,
            problems: Vec::new(),
            problems_total: 0,
        }
    }

    pub(super) fn fail(&mut self, problem: String) {
        self.problems_total += 1;
        if self.problems.len() < PROBLEMS_SHOWN_MAX {
            self.problems.push(problem);
        }
    }

    pub fn ok(&self) -> bool {
        self.problems_total == 0
    }
}

/// Everything `ledger verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub entries: u64,
    pub wallets: u64,
    pub checks: Vec<Check>,
    /// The last entry's place and hash: kept outside the file, it later proves (as an
    /// [`Anchor`]) that nothing up to it was removed or changed in its chain.
    pub head: Option<Anchor>,
    /// The last seal's anchor: kept outside the file, it later proves that nothing up to the
    /// heads it and the seals before it recorded was removed or changed, in any wallet.
    pub seal: Option<Anchor>,
    /// The storage itself is damaged: only the integrity check ran.
    pub damaged: bool,
}

/// A place in the ledger and its hash, recorded outside the ledger by an operator: an entry's
/// (`SEQ:HASH`, the head `ledger verify` prints) or a seal's (`seal:N:HASH`, what `ledger seal`
/// prints).
///
/// A hash chain detects an edited or removed entry *before* its last entry, but someone who
/// removes entries from the end and fixes the balances leaves a shorter, valid chain. Only a
/// head recorded elsewhere can tell that the chain used to be longer. Since every wallet has a
/// chain of its own, an entry's anchor proves its wallet's history up to it; a seal's proves
/// every wallet's history up to the heads it and the seals before it recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    Entry { seq: i64, hash: String },
    Seal { seq: i64, hash: String },
}

impl Anchor {
    /// The entry's `seq`, or the seal's.
    pub fn seq(&self) -> i64 {
        match self {
            Anchor::Entry { seq, .. } | Anchor::Seal { seq, .. } => *seq,
        }
    }

    pub fn hash(&self) -> &str {
        match self {
            Anchor::Entry { hash, .. } | Anchor::Seal { hash, .. } => hash,
        }
    }
}

impl std::fmt::Display for Anchor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Anchor::Entry { seq, hash } => write!(f, "{seq}:{hash}"),
            Anchor::Seal { seq, hash } => write!(f, "seal:{seq}:{hash}"),
        }
    }
}

impl std::str::FromStr for Anchor {
    type Err = crate::error::Error;

    /// `SEQ:HASH`, as `ledger verify` prints it, or `seal:N:HASH`, as `ledger seal` prints it.
    fn from_str(s: &str) -> crate::error::Result<Anchor> {
        let invalid = || {
            crate::error::Error::invalid(
                "anchor",
                format!("{s:?} is not SEQ:HASH or seal:N:HASH (e.g. 42:9f86d0…)"),
            )
        };
        let (sealed, rest) = match s.strip_prefix("seal:") {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (seq, hash) = rest.split_once(':').ok_or_else(invalid)?;
        let seq: i64 = seq.parse().map_err(|_| invalid())?;
        let well_formed =
            seq >= 1 && hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
        if !well_formed {
            return Err(invalid());
        }
        let hash = hash.to_owned();
        Ok(if sealed {
            Anchor::Seal { seq, hash }
        } else {
            Anchor::Entry { seq, hash }
        })
    }
}

/// The name of the check on the file's own storage (`PRAGMA integrity_check`).
pub const INTEGRITY_CHECK: &str = "sqlite_integrity";
pub const INTEGRITY_DESCRIPTION: &str = "PRAGMA integrity_check finds the file intact";

impl Report {
    /// The report on a file whose storage is damaged: the failed integrity check alone, since
    /// every other check would read pages that cannot be trusted.
    pub fn damaged(mut integrity: Check) -> Report {
        integrity.fail("the other checks were not run: they would read damaged pages".to_owned());
        Report {
            entries: 0,
            wallets: 0,
            checks: vec![integrity],
            head: None,
            seal: None,
            damaged: true,
        }
    }

    /// The report on a file that cannot be read at all, for `reason`.
    pub fn unreadable(reason: String) -> Report {
        Report::damaged(external_check(INTEGRITY_CHECK, INTEGRITY_DESCRIPTION, vec![reason]))
    }

    pub fn ok(&self) -> bool {
        self.checks.iter().all(Check::ok)
    }

    /// The report with `check`, made elsewhere (the pages check, run beside the others), in
    /// place of the check named `placeholder`.
    pub fn with_check_in_place_of(mut self, placeholder: &str, check: Check) -> Report {
        if let Some(slot) = self.checks.iter_mut().find(|c| c.name == placeholder) {
            *slot = check;
        }
        self
    }

    /// One line per broken invariant, naming it and its first problem.
    pub fn broken(&self) -> Vec<String> {
        self.checks
            .iter()
            .filter(|c| !c.ok())
            .map(|c| format!("{} ({} problem(s), first: {})", c.name, c.problems_total, c.problems[0]))
            .collect()
    }
}

/// A check made outside the journal (the database's own integrity check, the triggers).
pub fn external_check(name: &'static str, description: &'static str, problems: Vec<String>) -> Check {
    let mut check = Check::new(name, description);
    check.checked = 1;
    for p in problems {
        check.fail(p);
    }
    check
}
