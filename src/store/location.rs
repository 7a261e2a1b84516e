//! Where a ledger is, as `--db` (or `LEDGERCTL_DB`) names it: a SQLite file, or a PostgreSQL
//! database given by its URL.
//!
//! A URL may carry a password (`postgres://user:secret@host/db`, or `?password=secret`). It is
//! kept only inside the connection settings; everything a person or a log may read (errors,
//! outputs, `Debug`) uses `shown`, the URL with every password taken out.

use std::fmt;
use std::path::PathBuf;

use crate::error::Error;
use crate::ledger::limits::CONNECT_TIMEOUT_MS;
use crate::store::error::cause_of;

/// The URL prefixes that select PostgreSQL; any other text is a file's path.
const POSTGRES_SCHEMES: [&str; 2] = ["postgres://", "postgresql://"];

/// A ledger's location, read once from `--db`'s text.
#[derive(Clone, Debug)]
pub enum DbLocation {
    /// A SQLite ledger file.
    Path(PathBuf),
    /// A PostgreSQL database. `config`'s `Debug` prints its password as `_`; it is boxed
    /// because it is many times the size of a path.
    Postgres {
        config: Box<postgres::Config>,
        /// The URL as given, without its password: what messages and outputs print.
        shown: String,
    },
}

impl DbLocation {
    /// Reads `--db`'s text: a `postgres://` or `postgresql://` URL, or else a path.
    pub fn parse(text: &str) -> Result<DbLocation, Error> {
        if !POSTGRES_SCHEMES.iter().any(|scheme| text.starts_with(scheme)) {
            return Ok(DbLocation::Path(PathBuf::from(text)));
        }
        let shown = without_password(text);
        // The parser's own errors name an option or a byte offset, never a value, so quoting
        // them cannot reveal the password; the URL quoted beside them is `shown`.
        let mut config: postgres::Config = text
            .parse()
            .map_err(|e| Error::invalid("db", format!("{shown} is not a PostgreSQL URL: {}", cause_of(&e))))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(std::time::Duration::from_millis(CONNECT_TIMEOUT_MS));
        }
        if config.get_ssl_mode() == postgres::config::SslMode::Require {
            return Err(Error::invalid(
                "db",
                format!(
                    "{shown} asks for sslmode=require, and this ledgerctl connects without TLS: reach the \
                     server over a unix socket, the loopback or a TLS proxy"
                ),
            ));
        }
        Ok(DbLocation::Postgres {
            config: Box::new(config),
            shown,
        })
    }

    /// What to print for this location: the path, or the URL without its password.
    pub fn shown(&self) -> String {
        match self {
            DbLocation::Path(path) => path.display().to_string(),
            DbLocation::Postgres { shown, .. } => shown.clone(),
        }
    }
}

impl fmt::Display for DbLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown())
    }
}

/// A PostgreSQL URL cut into its parts the way the `postgres` crate cuts it: the credentials are
/// everything before the first `@`, the host runs to the first `/` or `?`, the database name to
/// the `?` that starts the parameters.
pub(crate) struct UrlParts<'a> {
    pub scheme: &'a str,
    pub credentials: Option<&'a str>,
    pub host: &'a str,
    /// The database name with its leading `/`, or empty.
    pub path: &'a str,
    pub query: Option<&'a str>,
}

impl<'a> UrlParts<'a> {
    pub fn split(url: &'a str) -> UrlParts<'a> {
        let scheme_len = POSTGRES_SCHEMES
            .iter()
            .find(|scheme| url.starts_with(*scheme))
            .map_or(0, |scheme| scheme.len());
        let (scheme, rest) = url.split_at(scheme_len);
        let (credentials, rest) = match rest.split_once('@') {
            Some((credentials, rest)) => (Some(credentials), rest),
            None => (None, rest),
        };
        let (host, rest) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
        let (path, query) = match rest.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (rest, None),
        };
        UrlParts {
            scheme,
            credentials,
            host,
            path,
            query,
        }
    }

    /// The URL again, from its parts.
    pub fn join(&self) -> String {
        let mut url = String::from(self.scheme);
        if let Some(credentials) = self.credentials {
            url.push_str(credentials);
            url.push('@');
        }
        url.push_str(self.host);
        url.push_str(self.path);
        if let Some(query) = self.query {
            url.push('?');
            url.push_str(query);
        }
        url
    }
}

/// `url` without its password: the credentials lose what follows their first `:`, and a
/// `password` parameter is dropped whole.
fn without_password(url: &str) -> String {
    let mut parts = UrlParts::split(url);
    parts.credentials = parts.credentials.map(|c| c.split(':').next().unwrap_or_default());
    let kept: Vec<&str> = parts
        .query
        .map(|q| q.split('&').filter(|param| !is_password_param(param)).collect())
        .unwrap_or_default();
    let query = kept.join("&");
    parts.query = (!query.is_empty()).then_some(query.as_str());
    parts.join()
}

/// Whether a `key=value` URL parameter is the password. Its key is percent-decoded first, as
/// the `postgres` crate decodes it (`pass%77ord` is `password`).
fn is_password_param(param: &str) -> bool {
    let key = param.split('=').next().unwrap_or_default().as_bytes();
    let mut decoded = Vec::with_capacity(key.len());
    let mut at = 0;
    while let Some(&byte) = key.get(at) {
        let escaped = key
            .get(at + 1..at + 3)
            .filter(|hex| byte == b'%' && hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escaped {
            Some(value) => {
                decoded.push(value);
                at += 3;
            }
            None => {
                decoded.push(byte);
                at += 1;
            }
        }
    }
    decoded == b"password"
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "s3cr3t-pw";

    fn postgres(text: &str) -> (postgres::Config, String) {
        match DbLocation::parse(text) {
            Ok(DbLocation::Postgres { config, shown }) => (*config, shown),
            other => panic!("{text} is not read as PostgreSQL: {other:?}"),
        }
    }

    #[test]
    fn connecting_gives_up_after_the_named_timeout_unless_the_url_sets_its_own() {
        let (config, _) = postgres("postgres://u@db.example/books");
        assert_eq!(
            config.get_connect_timeout(),
            Some(&std::time::Duration::from_millis(CONNECT_TIMEOUT_MS))
        );
        let (config, _) = postgres("postgres://u@db.example/books?connect_timeout=3");
        assert_eq!(config.get_connect_timeout(), Some(&std::time::Duration::from_secs(3)));
    }

    #[test]
    fn a_postgres_or_postgresql_url_selects_postgres_and_anything_else_is_a_path() {
        for url in [
            "postgres://u@db.example:5433/books",
            "postgresql://u@db.example:5433/books",
        ] {
            let (config, shown) = postgres(url);
            assert_eq!(shown, url);
            assert_eq!(config.get_user(), Some("u"));
            assert_eq!(config.get_dbname(), Some("books"));
            assert_eq!(config.get_ports(), [5433]);
        }
        for path in [
            "ledger.db",
            "/var/lib/ledgerctl/books.db",
            "postgres:/books",
            "./postgres://x",
            "",
        ] {
            match DbLocation::parse(path) {
                Ok(DbLocation::Path(p)) => assert_eq!(p, PathBuf::from(path)),
                other => panic!("{path:?} is not read as a path: {other:?}"),
            }
        }
    }

    #[test]
    fn the_password_is_kept_for_connecting_and_left_out_of_what_is_shown() {
        let cases = [
            (
                format!("postgres://alice:{SECRET}@db:5432/books"),
                "postgres://alice@db:5432/books",
            ),
            (
                format!("postgresql://alice:{SECRET}@db/books?application_name=x"),
                "postgresql://alice@db/books?application_name=x",
            ),
            (
                format!("postgres://alice@db/books?password={SECRET}&connect_timeout=3"),
                "postgres://alice@db/books?connect_timeout=3",
            ),
            (
                format!("postgres://alice@db/books?pass%77ord={SECRET}"),
                "postgres://alice@db/books",
            ),
            (
                format!("postgres://alice:{SECRET}:more@db/books"),
                "postgres://alice@db/books",
            ),
        ];
        for (url, expected) in cases {
            let (config, shown) = postgres(&url);
            assert_eq!(shown, expected, "{url}");
            assert!(config
                .get_password()
                .is_some_and(|pw| pw.starts_with(SECRET.as_bytes())));
            let location = DbLocation::parse(&url).unwrap();
            for printed in [format!("{location:?}"), location.to_string(), location.shown()] {
                assert!(!printed.contains(SECRET), "{printed}");
            }
        }
    }

    #[test]
    fn a_url_that_cannot_be_read_is_refused_without_its_password() {
        for url in [
            format!("postgres://alice:{SECRET}@db:notaport/books"),
            format!("postgres://alice:{SECRET}@db/books?no_such_option=1"),
            format!("postgres://alice:{SECRET}@db/books?sslmode=require"),
        ] {
            let refused = DbLocation::parse(&url).unwrap_err();
            let message = refused.to_string();
            assert!(message.starts_with("invalid db: postgres://alice@db"), "{message}");
            assert!(!message.contains(SECRET), "{message}");
            assert!(!format!("{refused:?}").contains(SECRET));
        }
    }
}
