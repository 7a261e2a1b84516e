//! The dependency rule written at the top of `mod.rs`, checked on the source: every
//! `super::…` and `crate::http::…` path in `src/http` names its own module, a module on an
//! earlier line of the rule, or (from a submodule) its parent; never a sibling submodule, and
//! never the server in `mod.rs` (whose re-exports are for the rest of the crate).

use std::collections::BTreeMap;
use std::path::Path;

/// A source file: its name under `src/http`, its module path under `http` (`routes/writes.rs`
/// is `["routes", "writes"]`, `mod.rs` is `[]`) and its text.
struct Source {
    file: String,
    module: Vec<String>,
    text: String,
}

impl Source {
    fn new(file: &str, text: String) -> Source {
        let mut module: Vec<String> = file.trim_end_matches(".rs").split('/').map(str::to_owned).collect();
        if module.last().is_some_and(|last| last == "mod") {
            module.pop();
        }
        Source {
            file: file.to_owned(),
            module,
            text,
        }
    }
}

/// The server (`mod.rs`): above every line of the rule.
const SERVER: &str = "mod.rs";

/// The rule's lines (``//! 3. `state`: what it is``), as each module's line number.
fn ranks(doc: &str) -> BTreeMap<String, u32> {
    let mut ranks = BTreeMap::from([(SERVER.to_owned(), u32::MAX)]);
    for line in doc.lines() {
        let Some((number, item)) = line.strip_prefix("//! ").and_then(|l| l.split_once(". ")) else {
            continue;
        };
        let Ok(rank) = number.parse::<u32>() else { continue };
        let names = item.split(':').next().unwrap_or_default();
        for name in names.split('`').skip(1).step_by(2) {
            ranks.insert(name.to_owned(), rank);
        }
    }
    ranks
}

#[derive(Debug, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Other,
}

/// The tokens that paths are made of, each with its line; comments, strings and characters
/// are skipped, so a path quoted in them is not an import.
fn tokens(text: &str) -> Vec<(usize, Tok)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        let start = i;
        i = match (c, next) {
            ('/', Some('/')) => chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |n| i + n),
            ('/', Some('*')) => end_of(&chars, i + 2, "*/"),
            ('"', _) => end_of_string(&chars, i + 1),
            ('\'', Some('\\')) => end_of(&chars, i + 3, "'"),
            ('\'', _) if chars.get(i + 2) == Some(&'\'') => i + 3,
            (':', Some(':')) => {
                out.push((line, Tok::PathSep));
                i + 2
            }
            _ if c.is_alphabetic() || c == '_' => {
                let end = chars[i..]
                    .iter()
                    .position(|&c| !(c.is_alphanumeric() || c == '_'))
                    .map_or(chars.len(), |n| i + n);
                let word: String = chars[i..end].iter().collect();
                match raw_string(&chars, &word, end) {
                    Some(after) => after,
                    None => {
                        out.push((line, Tok::Ident(word)));
                        end
                    }
                }
            }
            _ => {
                let tok = match c {
                    '{' => Tok::Open,
                    '}' => Tok::Close,
                    ',' => Tok::Comma,
                    _ => Tok::Other,
                };
                if !c.is_whitespace() {
                    out.push((line, tok));
                }
                i + 1
            }
        };
        line += chars[start..i.min(chars.len())].iter().filter(|&&c| c == '\n').count();
    }
    out
}

/// Just past the first `close` at or after `from`.
fn end_of(chars: &[char], from: usize, close: &str) -> usize {
    let close: Vec<char> = close.chars().collect();
    (from..chars.len())
        .find(|&i| chars[i..].starts_with(&close))
        .map_or(chars.len(), |i| i + close.len())
}

/// Just past the `"` that ends a string whose text starts at `from`.
fn end_of_string(chars: &[char], mut from: usize) -> usize {
    while let Some(&c) = chars.get(from) {
        match c {
            '\\' => from += 2,
            '"' => return from + 1,
            _ => from += 1,
        }
    }
    chars.len()
}

/// After a `b`, `r` or `br` prefix ending at `at`: just past the (byte, raw) string it starts.
fn raw_string(chars: &[char], prefix: &str, at: usize) -> Option<usize> {
    let hashes = chars[at..].iter().take_while(|&&c| c == '#').count();
    match (prefix, chars.get(at + hashes)) {
        ("b", Some('"')) if hashes == 0 => Some(end_of_string(chars, at + 1)),
        ("b", Some('\'')) if hashes == 0 => {
            let escaped = chars.get(at + 1) == Some(&'\\');
            Some(end_of(chars, at + if escaped { 3 } else { 2 }, "'"))
        }
        ("r" | "br", Some('"')) => Some(end_of(chars, at + hashes + 1, &format!("\"{}", "#".repeat(hashes)))),
        _ => None,
    }
}

/// The paths named from token `i` on: `a::b::c` is one, `a::{b, c::d}` one per item.
fn paths_at(toks: &[(usize, Tok)], mut i: usize) -> Vec<Vec<String>> {
    let mut prefix = Vec::new();
    loop {
        match toks.get(i).map(|(_, t)| t) {
            Some(Tok::Ident(name)) if name == "self" => {}
            Some(Tok::Ident(name)) => prefix.push(name.clone()),
            Some(Tok::Open) => {
                return group_items(toks, i + 1)
                    .into_iter()
                    .flat_map(|item| paths_at(toks, item))
                    .map(|path| [prefix.clone(), path].concat())
                    .collect();
            }
            _ => return vec![prefix],
        }
        if toks.get(i + 1).map(|(_, t)| t) != Some(&Tok::PathSep) {
            return vec![prefix];
        }
        i += 2;
    }
}

/// Where each item of a `{…}` group opened just before `i` starts.
fn group_items(toks: &[(usize, Tok)], i: usize) -> Vec<usize> {
    let mut items = vec![i];
    let mut depth = 0;
    for (at, (_, tok)) in toks.iter().enumerate().skip(i) {
        match tok {
            Tok::Open => depth += 1,
            Tok::Close if depth == 0 => break,
            Tok::Close => depth -= 1,
            Tok::Comma if depth == 0 => items.push(at + 1),
            _ => {}
        }
    }
    // A trailing comma starts no item.
    items.retain(|&at| !matches!(toks.get(at), Some((_, Tok::Close))));
    items
}

/// Every `super::…` and `crate::http::…` path of a file, resolved from `http`, with its line.
/// Inline modules (`mod tests { … }`) count for `super`.
fn imports(source: &Source) -> Vec<(usize, Vec<String>)> {
    let toks = tokens(&source.text);
    let ident = |i: usize, word: &str| matches!(toks.get(i), Some((_, Tok::Ident(w))) if w == word);
    let sep = |i: usize| matches!(toks.get(i), Some((_, Tok::PathSep)));
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    let mut found = Vec::new();
    for (i, (line, tok)) in toks.iter().enumerate() {
        match tok {
            Tok::Open => {
                depth += 1;
                if i >= 2 && ident(i - 2, "mod") {
                    if let Some((_, Tok::Ident(name))) = toks.get(i - 1) {
                        inline.push((name.clone(), depth));
                    }
                }
            }
            Tok::Close => {
                if inline.last().is_some_and(|(_, at)| *at == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            Tok::Ident(w) if w == "crate" && sep(i + 1) && ident(i + 2, "http") && sep(i + 3) => {
                found.extend(paths_at(&toks, i + 4).into_iter().map(|path| (*line, path)));
            }
            Tok::Ident(w) if w == "super" && !(i > 0 && sep(i - 1)) => {
                let mut base: Vec<String> = source.module.clone();
                base.extend(inline.iter().map(|(name, _)| name.clone()));
                let mut at = i;
                while ident(at, "super") && sep(at + 1) {
                    if base.pop().is_none() {
                        break; // above `http`: another layer of the crate
                    }
                    at += 2;
                }
                if ident(at, "super") {
                    continue;
                }
                found.extend(
                    paths_at(&toks, at)
                        .into_iter()
                        .map(|path| (*line, [base.clone(), path].concat())),
                );
            }
            _ => {}
        }
    }
    found
}

/// Every import against the rule, as `file:line: why`.
fn violations(sources: &[Source], ranks: &BTreeMap<String, u32>) -> Vec<String> {
    let modules: Vec<&[String]> = sources.iter().map(|s| s.module.as_slice()).collect();
    let top = |path: &[String]| match path.first() {
        Some(name) if modules.iter().any(|m| m.len() == 1 && m[0] == *name) => name.clone(),
        _ => SERVER.to_owned(),
    };
    let mut found = Vec::new();
    for source in sources {
        let file = &source.file;
        let own = top(&source.module);
        let Some(&rank) = ranks.get(&own) else {
            found.push(format!("{file}: `{own}` is not on a line of the rule in mod.rs"));
            continue;
        };
        for (line, path) in imports(source) {
            let to = top(&path);
            let shared = source.module.iter().zip(&path).take_while(|(a, b)| a == b).count();
            let sibling = shared < source.module.len().min(path.len()) && modules.contains(&&path[..=shared]);
            let why = if to == own {
                sibling.then(|| format!("imports its sibling `{}`", path[..=shared].join("::")))
            } else {
                let below = ranks.get(&to).is_some_and(|&r| r < rank);
                (!below).then(|| format!("`{own}` imports `{to}`, which is not on a line above it"))
            };
            if let Some(why) = why {
                found.push(format!("{file}:{line}: {why} (`{}`)", path.join("::")));
            }
        }
    }
    found
}

/// The sources under `dir` (named from `prefix`), but this checker: it imports nothing, and
/// quotes imports.
fn read_sources(dir: &Path, prefix: &str, out: &mut Vec<Source>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = format!("{prefix}{}", path.file_name().unwrap().to_string_lossy());
        if path.is_dir() {
            read_sources(&path, &format!("{name}/"), out);
        } else if name.ends_with(".rs") && name != "layers.rs" {
            out.push(Source::new(&name, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(file: &str, text: &str) -> Source {
        Source::new(file, text.to_owned())
    }

    #[test]
    fn http_modules_import_only_downward() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/http");
        let mut sources = Vec::new();
        read_sources(&dir, "", &mut sources);
        let rule = std::fs::read_to_string(dir.join("mod.rs")).unwrap();
        assert!(sources.len() > 10, "read {} files", sources.len());
        let found = violations(&sources, &ranks(&rule));
        assert!(
            found.is_empty(),
            "imports against the rule in src/http/mod.rs:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn an_upward_a_sibling_or_a_server_import_is_found() {
        let rule = "//! 1. `log`, `state`: leaves\n//! 2. `writer`: the writer\n//! 3. `routes`: the routes\n";
        let sources = [
            source("mod.rs", "use state::State;"),
            source("log.rs", ""),
            source("state.rs", "use super::writer::Job;"),
            source("writer.rs", "use super::{log::Log, state::State};"),
            source("routes/mod.rs", "fn shared() {}"),
            source("routes/a.rs", "use super::shared;\nuse crate::http::routes::b::X;"),
            source(
                "routes/b.rs",
                "use crate::http::Config;\nuse super::super::writer::Job;",
            ),
            source("extra.rs", ""),
        ];
        let found = violations(&sources, &ranks(rule));
        assert_eq!(
            found,
            [
                "state.rs:1: `state` imports `writer`, which is not on a line above it (`writer::Job`)",
                "routes/a.rs:2: imports its sibling `routes::b` (`routes::b::X`)",
                "routes/b.rs:1: `routes` imports `mod.rs`, which is not on a line above it (`Config`)",
                "extra.rs: `extra` is not on a line of the rule in mod.rs",
            ]
        );
    }

    #[test]
    fn comments_strings_and_a_file_s_own_test_module_are_not_upward_imports() {
        let rule = "//! 1. `log`: leaves\n//! 2. `writer`: the writer\n";
        let text = r##"
            // use super::writer::Job;
            /* super::writer */
            const A: &str = "use super::writer::Job; \" super::writer";
            const B: &str = r#"super::writer "# ;
            const C: char = '"';
            fn f<'a>(x: &'a str) -> &'a str { x }
            mod tests { use super::*; use super::super::log::Log; }
        "##;
        let sources = [source("log.rs", text), source("writer.rs", "use super::log::Log;")];
        assert_eq!(violations(&sources, &ranks(rule)), Vec::<String>::new());
        let upward = [
            source("log.rs", "mod tests { use super::super::writer::Job; }"),
            source("writer.rs", ""),
        ];
        assert_eq!(violations(&upward, &ranks(rule)).len(), 1);
    }
}
