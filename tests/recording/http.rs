//! HTTP exchanges with a running `ledgerctl serve`, recorded into a [`Session`]: the request as
//! sent, the status, every response header but `date`, and the body.

use std::time::Duration;

use serde_json::Value;

use super::Session;
use crate::support::server::Server;

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
        let json = self.json();
        json.pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no string at {pointer} in {json}"))
            .to_owned()
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
        let mut request = self.agent.request(method, &format!("http://{addr}{path}"));
        for (header, value) in headers {
            request = request.set(header, value);
        }
        let result = match body {
            Some(body) => request.send_string(body),
            None => request.call(),
        };
        let response = match result {
            Ok(response) => response,
            Err(ureq::Error::Status(_, response)) => response,
            Err(e) => panic!("{method} {path}: {e}"),
        };
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

    /// A public request with a bearer token (and a JSON body when there is one).
    pub fn bearer(&self, session: &mut Session, token: &str, method: &str, path: &str, body: Option<&str>) -> Answer {
        let auth = format!("Bearer {token}");
        let mut headers = vec![("Authorization", auth.as_str())];
        if body.is_some() {
            headers.push(("Content-Type", "application/json"));
        }
        self.send(session, Door::Public, method, path, &headers, body)
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
