//! A running `ledgerctl serve` on ephemeral loopback ports, and an HTTP client for it.

use std::io::{BufRead, BufReader};
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
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("ledgerctl"));
        for var in [
            "LEDGERCTL_TENANT",
            "LEDGERCTL_APP",
            "LEDGERCTL_OUTPUT",
            "RUST_BACKTRACE",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("LEDGERCTL_DB", &ledger.db)
            .args([
                "-o",
                "json",
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--internal-listen",
                "127.0.0.1:0",
                "--quiet",
            ])
            .args(extra)
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
        let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(30)).build();
        Server {
            public: started["data"]["listen"].as_str().expect("listen").to_owned(),
            internal: started["data"]["internal_listen"]
                .as_str()
                .expect("internal_listen")
                .to_owned(),
            child: Some(child),
            agent,
        }
    }

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

    fn send(&self, addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&str>) -> Answer {
        let mut request = self.agent.request(method, &format!("http://{addr}{path}"));
        for (name, value) in headers {
            request = request.set(name, value);
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
        let www_authenticate = response.header("WWW-Authenticate").map(str::to_owned);
        let body = response.into_string().expect("a text body");
        let json = serde_json::from_str(&body).unwrap_or(Value::Null);
        Answer {
            status,
            body,
            json,
            www_authenticate,
        }
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
