//! HTTP exchanges with a running `ledgerctl serve`, recorded into a [`Session`]: the request as
//! sent, the status, every response header but `date`, and the body.

use std::cell::RefCell;
use std::time::Duration;

use serde_json::Value;

use super::Session;
use crate::support::server::{exchange, Server};

/// Which listener a request goes to.
#[derive(Clone, Copy)]
pub enum Door {
    Public,
    Internal,
}

/// A server over a session's ledger and a client of both its listeners.
pub struct Http {
    pub server: Server,
    agent: ureq::Agent,
}

/// What one request got back, exactly as sent (ids not replaced).
pub struct Answer {
    pub status: u16,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// A string field of the JSON body, by JSON pointer.
    pub fn field(&self, pointer: &str) -> String {
        super::string_at(&self.json(), pointer)
    }
}

impl Http {
    /// Starts `serve --quiet` over the session's ledger.
    pub fn start(session: &Session) -> Http {
        // A client that never retries and keeps no connection: each exchange stands alone.
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(30))
            .max_idle_connections(0)
            .redirects(0)
            .build();
        Http {
            server: Server::start(&session.ledger),
            agent,
        }
    }

    /// Sends a request and records the exchange into `session`.
    pub fn send(
        &self,
        session: &mut Session,
        door: Door,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Answer {
        let (addr, name) = match door {
            Door::Public => (&self.server.public, "public"),
            Door::Internal => (&self.server.internal, "internal"),
        };
        let response =
            exchange(&self.agent, addr, method, path, headers, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status();
        let received = response_headers(&response);
        let text = response.into_string().expect("a text body");
        let mut sent: String = headers.iter().map(|(h, v)| format!("{h}: {v}\n")).collect();
        if let Some(body) = body {
            sent.push_str(&format!("\n{body}"));
        }
        session.record(
            &format!("{method} {path} ({name} listener)"),
            &[
                ("request", &sent),
                ("status", &format!("{status}\n")),
                ("headers", &received),
                ("body", &text),
            ],
        );
        Answer { status, body: text }
    }
}

/// A session and a server shared by several [`Caller`]s, so each request reads as one line.
pub struct Api<'a> {
    session: RefCell<&'a mut Session>,
    http: &'a Http,
}

/// Who sends requests: the listener and the headers every request of theirs carries.
pub struct Caller<'c, 'a> {
    api: &'c Api<'a>,
    door: Door,
    headers: Vec<(String, String)>,
    content_type: Option<String>,
}

impl<'a> Api<'a> {
    pub fn new(session: &'a mut Session, http: &'a Http) -> Api<'a> {
        Api {
            session: RefCell::new(session),
            http,
        }
    }

    /// Sends nothing but what each request says, to the public listener.
    pub fn anonymous(&self) -> Caller<'_, 'a> {
        Caller {
            api: self,
            door: Door::Public,
            headers: Vec::new(),
            content_type: Some("application/json".to_owned()),
        }
    }

    /// Sends `Authorization: Bearer TOKEN` to the public listener.
    pub fn bearer(&self, token: &str) -> Caller<'_, 'a> {
        self.anonymous().with("Authorization", &format!("Bearer {token}"))
    }

    /// Sends `X-API-Key: KEY` to the internal listener.
    pub fn api_key(&self, key: &str) -> Caller<'_, 'a> {
        self.anonymous().on(Door::Internal).with("X-API-Key", key)
    }
}

impl<'c, 'a> Caller<'c, 'a> {
    /// The same caller on another listener.
    pub fn on(mut self, door: Door) -> Caller<'c, 'a> {
        self.door = door;
        self
    }

    /// The same caller sending one more header (after the content type).
    pub fn with(mut self, name: &str, value: &str) -> Caller<'c, 'a> {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The same caller labelling its bodies with another content type, or none.
    pub fn content_type(mut self, content_type: Option<&str>) -> Caller<'c, 'a> {
        self.content_type = content_type.map(str::to_owned);
        self
    }

    /// Sends `METHOD PATH [BODY]` and records the exchange. A body's `Content-Type` follows
    /// the caller's first header (its credential), or leads when it has none.
    pub fn req(&self, line: &str) -> Answer {
        let mut parts = line.splitn(3, ' ');
        let method = parts.next().expect("a method");
        let path = parts.next().expect("a path");
        let body = parts.next();
        let mut headers: Vec<(&str, &str)> = self.headers.iter().map(|(h, v)| (h.as_str(), v.as_str())).collect();
        if let (Some(_), Some(content_type)) = (body, &self.content_type) {
            let at = headers.len().min(1);
            headers.insert(at, ("Content-Type", content_type.as_str()));
        }
        let mut session = self.api.session.borrow_mut();
        self.api
            .http
            .send(&mut session, self.door, method, path, &headers, body)
    }
}

/// Every response header but `date` (the server's clock), in the order sent, names lower-cased.
fn response_headers(response: &ureq::Response) -> String {
    let mut out = String::new();
    for name in response.headers_names() {
        if name.eq_ignore_ascii_case("date") {
            continue;
        }
        for value in response.all(&name) {
            out.push_str(&format!("{}: {value}\n", name.to_ascii_lowercase()));
        }
    }
    out
}
