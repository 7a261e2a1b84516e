//! A test whose tool is not installed passes without checking anything, so it must say so where
//! a person running plain `cargo test` (output captured) sees it.

mod support;

use std::process::Command;

/// Run only by the test below, in a child process of this same test binary.
#[test]
#[ignore = "run by a_test_whose_tool_is_missing_says_skipped_in_plain_cargo_test_output"]
fn a_test_whose_tool_is_missing() {
    if !support::tool_installed("ledgerctl-no-such-tool", "LEDGERCTL_REQUIRE_NO_SUCH_TOOL") {
        return;
    }
    panic!("the tool cannot be installed");
}

#[test]
fn a_test_whose_tool_is_missing_says_skipped_in_plain_cargo_test_output() {
    // The harness as `cargo test` runs it: output captured, only failures' output shown.
    let out = Command::new(std::env::current_exe().expect("this test binary"))
        .args(["--ignored", "--exact", "a_test_whose_tool_is_missing"])
        .env_remove("LEDGERCTL_REQUIRE_NO_SUCH_TOOL")
        .env_remove("RUST_TEST_NOCAPTURE")
        .output()
        .expect("the test binary runs");
    let shown = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("1 passed"), "{shown}");
    assert!(
        shown.contains("skipped: a_test_whose_tool_is_missing: ledgerctl-no-such-tool not installed"),
        "the skip is visible:\n{shown}"
    );
}
