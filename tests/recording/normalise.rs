//! The random parts of an output replaced by stable placeholders, numbered in order of first
//! appearance, and nothing else touched. Ids and hashes keep their length, so table columns
//! keep their widths.

use std::collections::{HashMap, HashSet};

/// Characters of a ULID (Crockford's base 32, upper case).
fn is_ulid_char(b: u8) -> bool {
    b.is_ascii_digit() || (b.is_ascii_uppercase() && !matches!(b, b'I' | b'L' | b'O' | b'U'))
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

const ULID_LEN: usize = 26;
const HASH_LEN: usize = 64;
/// `2026-04-15T10:30:00Z`
const TIME_LEN: usize = 20;

/// Remembers every id, hash and directory it has replaced, so one value gets one placeholder
/// across a whole session.
pub struct Normaliser {
    dir: String,
    ids: HashMap<String, String>,
    counts: HashMap<String, usize>,
    hashes: HashMap<String, String>,
    /// Literal texts (the server's addresses) and what they read as.
    literals: Vec<(String, String)>,
    /// When the session began on the real clock: timestamps from then until now were not
    /// pinned (the server's, or those of a failure reported before the clock is read) and read
    /// `<time>`. The pinned instants are years away from any real run.
    started: String,
    /// Ids and hashes left as they are: those a committed ledger file holds are fixed.
    kept: HashSet<String>,
}

impl Normaliser {
    pub fn new(dir: &str) -> Normaliser {
        Normaliser {
            dir: dir.to_owned(),
            ids: HashMap::new(),
            counts: HashMap::new(),
            hashes: HashMap::new(),
            literals: Vec::new(),
            started: real_now(-1),
            kept: HashSet::new(),
        }
    }

    /// Leaves these ids and hashes as they are.
    pub fn keep(&mut self, values: impl IntoIterator<Item = String>) {
        self.kept.extend(values);
    }

    /// Every later `text` reads as `placeholder`.
    pub fn literal(&mut self, text: &str, placeholder: &str) {
        self.literals.push((text.to_owned(), placeholder.to_owned()));
    }

    /// `text` with the temporary folder, minted ids, token secrets, hashes and real-clock
    /// timestamps replaced.
    pub fn apply(&mut self, text: &str) -> String {
        let mut text = text.replace(&self.dir, "<dir>");
        for (literal, placeholder) in &self.literals {
            text = text.replace(literal, placeholder);
        }
        let now = real_now(1);
        let bytes = text.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let starts_word = i == 0 || !is_word(bytes[i - 1]);
            let replaced = if starts_word {
                self.replace_at(bytes, i, &now)
            } else {
                None
            };
            match replaced {
                Some((placeholder, len)) => {
                    out.extend_from_slice(placeholder.as_bytes());
                    i += len;
                }
                None => {
                    out.push(bytes[i]);
                    i += 1;
                }
            }
        }
        String::from_utf8(out).expect("only ASCII was replaced")
    }

    /// The placeholder for what starts at `i`, and the length it replaces.
    fn replace_at(&mut self, bytes: &[u8], i: usize, now: &str) -> Option<(String, usize)> {
        let rest = &bytes[i..];
        if let Some((len, id, beancount)) = minted_id(rest) {
            if self.kept.contains(&id) {
                return None;
            }
            let mut placeholder = self.id(&id);
            if beancount {
                placeholder = beancount_form(&placeholder);
            }
            let mut len = len;
            // A token's full text, `tok_….<secret>`: the secret is random and shown once.
            if id.starts_with("tok_") && rest.get(len) == Some(&b'.') && hex_run(&rest[len + 1..]) == HASH_LEN {
                placeholder.push_str(".<secret>");
                len += 1 + HASH_LEN;
            }
            return Some((placeholder, len));
        }
        // An all-zero hash is the chain's genesis or typed by hand, not random.
        let random = rest.get(..HASH_LEN).is_some_and(|h| h.iter().any(|b| *b != b'0'));
        if random && hex_run(rest) == HASH_LEN && rest.get(HASH_LEN).is_none_or(|b| !is_word(*b)) {
            let hash = std::str::from_utf8(&rest[..HASH_LEN]).expect("ASCII");
            if self.kept.contains(hash) {
                return None;
            }
            return Some((self.hash(hash), HASH_LEN));
        }
        real_time(rest, &self.started, now)
    }

    /// `txn_#0000000000000000000000001` for the first transaction id seen, and so on per prefix:
    /// as long as the id, and never a ULID, so it cannot be taken for an id printed as is.
    fn id(&mut self, id: &str) -> String {
        if let Some(known) = self.ids.get(id) {
            return known.clone();
        }
        let prefix = &id[..id.len() - ULID_LEN];
        let count = self.counts.entry(prefix.to_owned()).or_insert(0);
        *count += 1;
        let placeholder = format!("{prefix}#{count:0>width$}", width = ULID_LEN - 1);
        self.ids.insert(id.to_owned(), placeholder.clone());
        placeholder
    }

    /// `<hash#1>` padded with `_` to the 64 characters of the hash it replaces.
    fn hash(&mut self, hash: &str) -> String {
        let next = self.hashes.len() + 1;
        self.hashes
            .entry(hash.to_owned())
            .or_insert_with(|| format!("{:_<HASH_LEN$}", format!("<hash#{next}>")))
            .clone()
    }
}

/// A minted id (`wlt_`, `txn_`, `frz_`, `tok_` and a ULID) at the start of `s`, or its
/// beancount account form (`Wlt-U` and the ULID): the length it takes, the id, and which form.
fn minted_id(s: &[u8]) -> Option<(usize, String, bool)> {
    let (prefix_len, beancount) = match s {
        [a, b, c, b'_', ..] if [a, b, c].iter().all(|x| x.is_ascii_lowercase()) => (4, false),
        [a, b, c, b'-', b'U', ..] if a.is_ascii_uppercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase() => {
            (5, true)
        }
        _ => return None,
    };
    let len = prefix_len + ULID_LEN;
    let ulid = s.get(prefix_len..len)?;
    let whole = ulid.iter().all(|b| is_ulid_char(*b)) && s.get(len).is_none_or(|b| !is_word(*b));
    // A ULID whose time is the epoch was written by hand (an example in the OpenAPI document,
    // or a placeholder already): only minted ids are random.
    if !whole || ulid.starts_with(b"0000000000") {
        return None;
    }
    let text = std::str::from_utf8(&s[..len]).expect("ASCII");
    let id = format!("{}_{}", text[..3].to_ascii_lowercase(), &text[prefix_len..]);
    Some((len, id, beancount))
}

/// `wlt_…` as beancount spells it in an account name: `Wlt-U…`.
fn beancount_form(id: &str) -> String {
    let (prefix, rest) = id.split_at(3);
    let mut capital = prefix.to_owned();
    capital[..1].make_ascii_uppercase();
    format!("{capital}-U{}", &rest[1..])
}

/// How many lower-case hex digits start `s`.
fn hex_run(s: &[u8]) -> usize {
    s.iter()
        .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
        .count()
}

/// `<time>` for a timestamp at the start of `s` between `started` and `now` (real-clock time).
fn real_time(s: &[u8], started: &str, now: &str) -> Option<(String, usize)> {
    let time = timestamp(s)?;
    (started <= time && time <= now).then(|| ("<time>".to_owned(), TIME_LEN))
}

/// An RFC 3339 UTC timestamp in whole seconds at the start of `s`.
fn timestamp(s: &[u8]) -> Option<&str> {
    let candidate = s.get(..TIME_LEN)?;
    let shaped = candidate.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        10 => *c == b'T',
        13 | 16 => *c == b':',
        19 => *c == b'Z',
        _ => c.is_ascii_digit(),
    });
    shaped.then(|| std::str::from_utf8(candidate).expect("ASCII"))
}

/// The real time, `seconds` away, as the ledger prints times.
fn real_now(seconds: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::seconds(seconds))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::Normaliser;

    const TXN: &str = "txn_01M8GK1TXKX0AZD2DKZ3W9J1XJ";
    const WLT: &str = "wlt_01M8GK1TX72SK8RG57M6FHJ26X";
    const HASH: &str = "9edd6aa723b43fcc4e3b48e381ebcb69309e39273040c8566eb2dab89c15b111";

    #[test]
    fn ids_become_same_width_placeholders_numbered_in_order_of_first_appearance() {
        let mut n = Normaliser::new("/tmp/x");
        let text = format!("{WLT} {TXN} {WLT} Wlt-U{} /tmp/x/ledger.db", &WLT[4..]);
        let out = n.apply(&text);
        assert_eq!(
            out,
            "wlt_#0000000000000000000000001 txn_#0000000000000000000000001 \
             wlt_#0000000000000000000000001 Wlt-U#0000000000000000000000001 <dir>/ledger.db"
        );
        assert_eq!(n.apply(TXN).len(), TXN.len());
    }

    #[test]
    fn secrets_and_hashes_are_replaced_but_hand_written_ids_and_zero_hashes_are_not() {
        let mut n = Normaliser::new("/tmp/x");
        let token = format!("tok_01M8GK1V27MCJBX5CCT55PC7CK.{HASH}");
        assert_eq!(n.apply(&token), "tok_#0000000000000000000000001.<secret>");
        let head = n.apply(&format!("4:{HASH}"));
        assert_eq!(head.len(), 2 + HASH.len());
        assert!(head.starts_with("4:<hash#1>_"), "{head}");
        let by_hand = format!("txn_00000000000000000000000003 3:{}", "0".repeat(64));
        assert_eq!(n.apply(&by_hand), by_hand);
        assert_eq!(n.apply(&format!("x{TXN}")), format!("x{TXN}"), "only whole words");
    }

    #[test]
    fn kept_ids_and_hashes_are_left_as_they_are() {
        let mut n = Normaliser::new("/tmp/x");
        n.keep([TXN.to_owned(), HASH.to_owned()]);
        let text = format!("{TXN} {HASH} {WLT}");
        assert_eq!(n.apply(&text), format!("{TXN} {HASH} wlt_#0000000000000000000000001"));
    }
}
