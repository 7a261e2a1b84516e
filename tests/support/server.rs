//! A running `ledgerctl serve` on ephemeral loopback ports, and an HTTP client for it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::Value;

use super::Ledger;

/// One server process over a test's ledger; killed when dropped.
pub struct Server {
    child: Option<Child>,
    /// `127.0.0.1:PORT` of the public listener.
    pub public: String,
    /// `127.0.0.1:PORT` of the internal listener.
    pub internal: String,
    client: Client,
}

/// An HTTP client of one server's listeners, to share between threads; it outlives
/// [`Server::stop`], so a request after the stop reports the refused connection.
#[derive(Clone)]
pub struct Client {
    pub public: String,
    pub internal: String,
    agent: ureq::Agent,
}

/// What one request got back.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    /// The body exactly as sent, for byte-for-byte comparisons.
    pub body: String,
    pub json: Value,
    pub www_authenticate: Option<String>,
}

impl Server {
    /// Starts `ledgerctl serve` on ports 0 and reads the bound addresses from its first line.
    pub fn start(ledger: &Ledger) -> Server {
        Server::start_with(ledger, &[])
    }

    /// As [`Server::start`], with extra `serve` arguments (e.g. `--commit-group-max 1`).
    pub fn start_with(ledger: &Ledger, extra: &[&str]) -> Server {
        let mut quiet = vec!["--quiet"];
        quiet.extend_from_slice(extra);
        Server::launch(ledger, &quiet)
    }

    /// As [`Server::start`], with the access log on: [`Server::stop`] returns it.
    pub fn start_logging(ledger: &Ledger) -> Server {
        Server::launch(ledger, &[])
    }

    fn launch(ledger: &Ledger, args: &[&str]) -> Server {
        let (child, started) = spawn(ledger, args);
        // Connections are kept alive and reused, as real clients do: every answer, an early 401
        // included, must leave its connection clean for the next request.
        let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build();
        let public = started["data"]["listen"].as_str().expect("listen").to_owned();
        let internal = started["data"]["internal_listen"]
            .as_str()
            .expect("internal_listen")
            .to_owned();
        Server {
            client: Client {
                public: public.clone(),
                internal: internal.clone(),
                agent,
            },
            public,
            internal,
            child: Some(child),
        }
    }

    /// A client of this server's listeners, for other threads.
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// A request to the public listener. `headers` are (name, value) pairs.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Answer {
        self.client.request(method, path, headers, body)
    }

    /// A request to the internal listener.
    pub fn internal(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Answer {
        self.client.internal(method, path, headers, body)
    }

    /// `GET path` with a bearer token.
    pub fn get(&self, token: &str, path: &str) -> Answer {
        self.client.get(token, path)
    }

    /// `POST path` with a bearer token and a JSON body.
    pub fn post(&self, token: &str, path: &str, body: &str) -> Answer {
        self.client.post(token, path, body)
    }

    /// `POST path` with a bearer token, a JSON body and an `Idempotency-Key`.
    pub fn post_keyed(&self, token: &str, key: &str, path: &str, body: &str) -> Answer {
        self.client.post_keyed(token, key, path, body)
    }

    /// `POST /internal/wallet/refund` on the internal listener with an `X-API-Key` and a JSON body.
    pub fn internal_refund(&self, key: &str, body: &str) -> Answer {
        self.client.internal(
            "POST",
            "/internal/wallet/refund",
            &[("X-API-Key", key), ("Content-Type", "application/json")],
            Some(body),
        )
    }

    /// Sends `head` and `body` to the public listener byte for byte (see [`raw`]).
    pub fn raw(&self, head: &str, body: Vec<u8>) -> Answer {
        raw(&self.public, head, body)
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("a running server").id()
    }

    /// Sends SIGTERM and returns at once; [`Server::stop`] then waits for the exit.
    pub fn terminate(&self) {
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
    }

    /// SIGTERM, then waits for a clean exit; returns the exit code and stderr.
    pub fn stop(mut self) -> (i32, String) {
        let child = self.child.take().expect("a running server");
        let killed = std::process::Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let output = child.wait_with_output().expect("serve exits");
        (
            output.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }
}

impl Client {
    /// A request to the public listener. `headers` are (name, value) pairs.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Answer {
        self.send(&self.public, method, path, headers, body)
    }

    /// A request to the internal listener.
    pub fn internal(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Answer {
        self.send(&self.internal, method, path, headers, body)
    }

    /// `GET path` with a bearer token.
    pub fn get(&self, token: &str, path: &str) -> Answer {
        let auth = format!("Bearer {token}");
        self.request("GET", path, &[("Authorization", &auth)], None)
    }

    /// `POST path` with a bearer token and a JSON body.
    pub fn post(&self, token: &str, path: &str, body: &str) -> Answer {
        let auth = format!("Bearer {token}");
        self.request(
            "POST",
            path,
            &[("Authorization", &auth), ("Content-Type", "application/json")],
            Some(body),
        )
    }

    /// `POST path` with a bearer token, a JSON body and an `Idempotency-Key`.
    pub fn post_keyed(&self, token: &str, key: &str, path: &str, body: &str) -> Answer {
        let auth = format!("Bearer {token}");
        self.request(
            "POST",
            path,
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
                ("Idempotency-Key", key),
            ],
            Some(body),
        )
    }

    /// As [`Client::post_keyed`], but a failed connection is an `Err` instead of a panic.
    pub fn try_post_keyed(&self, token: &str, key: &str, path: &str, body: &str) -> Result<Answer, String> {
        let auth = format!("Bearer {token}");
        let headers = [
            ("Authorization", auth.as_str()),
            ("Content-Type", "application/json"),
            ("Idempotency-Key", key),
        ];
        self.try_send(&self.public, "POST", path, &headers, Some(body))
    }

    /// As [`Client::post`], but a failed connection is an `Err` instead of a panic.
    pub fn try_post(&self, token: &str, path: &str, body: &str) -> Result<Answer, String> {
        let auth = format!("Bearer {token}");
        self.try_send(
            &self.public,
            "POST",
            path,
            &[("Authorization", &auth), ("Content-Type", "application/json")],
            Some(body),
        )
    }

    fn send(&self, addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Answer {
        self.try_send(addr, method, path, headers, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    fn try_send(
        &self,
        addr: &str,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<Answer, String> {
        let response = exchange(&self.agent, addr, method, path, headers, body)?;
        let status = response.status();
        let www_authenticate = response.header("WWW-Authenticate").map(str::to_owned);
        let body = response.into_string().expect("a text body");
        let json = serde_json::from_str(&body).unwrap_or(Value::Null);
        Ok(Answer {
            status,
            body,
            json,
            www_authenticate,
        })
    }
}

/// Sends one request and returns the server's response, whatever its status; `Err` only when
/// no response came (the connection failed).
pub fn exchange(
    agent: &ureq::Agent,
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<ureq::Response, String> {
    let mut request = agent.request(method, &format!("http://{addr}{path}"));
    for (name, value) in headers {
        request = request.set(name, value);
    }
    let result = match body {
        Some(body) => request.send_string(body),
        None => request.call(),
    };
    match result {
        Ok(response) => Ok(response),
        Err(ureq::Error::Status(_, response)) => Ok(response),
        Err(e) => Err(e.to_string()),
    }
}

/// Starts `ledgerctl -o json serve` on ports 0 with `args`, stdout read up to its first line
/// (where it listens, returned), stderr piped.
pub fn spawn(ledger: &Ledger, args: &[&str]) -> (Child, Value) {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("ledgerctl"));
    for var in super::CALLER_ENV {
        cmd.env_remove(var);
    }
    cmd.env("LEDGERCTL_DB", ledger.db_arg())
        .args([
            "-o",
            "json",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--internal-listen",
            "127.0.0.1:0",
        ])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("ledgerctl serve starts");
    let stdout = child.stdout.take().expect("serve's stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("serve prints where it listens");
    let started: Value = serde_json::from_str(&first)
        .unwrap_or_else(|e| panic!("serve's first line is not an envelope ({e}): {first:?}"));
    assert_eq!(started["message"], "listening", "{started}");
    (child, started)
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Ledger {
    /// Runs `ARGS` (a `token create …` command line, global flags included) and returns the
    /// secret it printed.
    pub fn token(&self, args: &[&str]) -> String {
        let created = self.ok(args);
        created["data"]["secret"].as_str().expect("a secret").to_owned()
    }
}

/// The id of a token (`tok_…`) from its full text `tok_….<secret>`.
pub fn token_id(secret: &str) -> &str {
    secret.split_once('.').expect("a token's text").0
}

impl Ledger {
    /// Journal entries in the file.
    pub fn entries(&self) -> i64 {
        self.number("SELECT COUNT(*) FROM journal_entries")
    }

    /// Sends a request that must be refused with `status` and `error` and must leave the ledger
    /// exactly as it was. Returns the answer.
    pub fn refused(&self, status: u16, error: &str, send: impl FnOnce() -> Answer) -> Answer {
        let before = self.snapshot();
        let answer = send();
        answer.is_error(status, error);
        assert_eq!(
            self.snapshot(),
            before,
            "a request refused with {status} changed the ledger: {}",
            answer.body
        );
        answer
    }
}

impl Answer {
    /// A 200 with the seeds' envelope; returns its `data`.
    pub fn ok(&self) -> &Value {
        assert_eq!(self.status, 200, "{}", self.body);
        assert_eq!(self.json["code"], 200, "{}", self.body);
        assert!(
            self.json["timestamp"].as_str().is_some_and(is_rfc3339_utc),
            "{}",
            self.body
        );
        &self.json["data"]
    }

    /// The error envelope `{code, message, error, timestamp}`, nothing else, with `code` equal
    /// to the HTTP status; and a `WWW-Authenticate` challenge on a 401.
    pub fn is_error(&self, status: u16, error: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        let object = self
            .json
            .as_object()
            .unwrap_or_else(|| panic!("an error body is a JSON object: {:?}", self.body));
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["code", "error", "message", "timestamp"], "{}", self.body);
        assert_eq!(self.json["code"], u64::from(status), "{}", self.body);
        assert_eq!(self.json["error"], error, "{}", self.body);
        assert!(
            self.json["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{}",
            self.body
        );
        assert!(
            self.json["timestamp"].as_str().is_some_and(is_rfc3339_utc),
            "{}",
            self.body
        );
        if status == 401 {
            assert!(
                self.www_authenticate.as_deref().is_some_and(|c| !c.is_empty()),
                "a 401 carries a WWW-Authenticate challenge: {self:?}"
            );
        }
    }
}

/// `2026-04-15T10:30:00Z`: RFC 3339, UTC, whole seconds.
pub fn is_rfc3339_utc(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

/// Sends `head` (the request line and headers, without the blank line that ends them) and then
/// `body` over a new connection, exactly as given, and reads the answer. The body is written
/// from another thread while the answer is read, so a server that answers before reading the
/// whole body (a 413) is heard even though it stops reading.
pub fn raw(addr: &str, head: &str, body: Vec<u8>) -> Answer {
    let stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("read timeout");
    let mut writer = stream.try_clone().expect("a second handle");
    let head = format!("{head}\r\n\r\n").into_bytes();
    let sending = std::thread::spawn(move || {
        // The server may close the connection before it has read everything: not an error here.
        let _ = writer.write_all(&head);
        for chunk in body.chunks(64 * 1024) {
            if writer.write_all(chunk).is_err() {
                return;
            }
        }
        let _ = writer.flush();
    });
    let mut received = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let mut reader = &stream;
    loop {
        if let Some(answer) = parse_answer(&received) {
            let _ = stream.shutdown(Shutdown::Both);
            let _ = sending.join();
            return answer;
        }
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => received.extend_from_slice(&buf[..n]),
        }
    }
    let _ = sending.join();
    parse_answer(&received).unwrap_or_else(|| panic!("no complete answer: {:?}", String::from_utf8_lossy(&received)))
}

/// A complete response with a Content-Length body, if `bytes` hold one.
fn parse_answer(bytes: &[u8]) -> Option<Answer> {
    let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&bytes[..end]).expect("an ASCII head");
    let mut lines = head.split("\r\n");
    let status: u16 = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let mut length = 0;
    let mut www_authenticate = None;
    for line in lines {
        let (name, value) = line.split_once(':')?;
        if name.eq_ignore_ascii_case("content-length") {
            length = value.trim().parse().ok()?;
        } else if name.eq_ignore_ascii_case("www-authenticate") {
            www_authenticate = Some(value.trim().to_owned());
        }
    }
    let body = bytes.get(end + 4..end + 4 + length)?;
    let body = String::from_utf8(body.to_vec()).expect("a UTF-8 body");
    let json = serde_json::from_str(&body).unwrap_or(Value::Null);
    Some(Answer {
        status,
        body,
        json,
        www_authenticate,
    })
}
