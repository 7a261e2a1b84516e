//! The `captures` check: each capture ends an active freeze of its wallet with postings that
//! split the held amount, and each captured freeze record has exactly that one capture.

use super::*;

impl Book {
    /// Captures `amount` (`None`: all) of freeze `freeze_id` of wallet `w`, to the settlement
    /// or to `counterparty`.
    fn capture(&mut self, w: usize, freeze_id: &str, amount: Option<&str>, counterparty: Option<&str>) -> String {
        let record = self.freezes.iter().find(|f| f.id == freeze_id).unwrap().clone();
        let request = crate::ledger::operations::capture::Request::new(
            freeze_id,
            amount,
            counterparty,
            counterparty.is_some(),
            None,
            None,
        )
        .unwrap();
        self.apply(w, Operation::Capture(request), Referent::Freeze(record))
    }
}

/// Wallet 0 funded with 100.00 holds 50.00 and captures 30.00 of it to a counterparty
/// (available 70.00, nothing frozen); a second hold of 20.00 is captured whole.
fn captured() -> (Book, String, String) {
    let mut book = Book::new(&["u"]);
    book.deposit(0, "100");
    let part = book.freeze(0, "50");
    let capture = book.capture(0, &part, Some("30"), Some("mch_1"));
    let whole = book.freeze(0, "20");
    book.capture(0, &whole, None, None);
    (book, part, capture)
}

#[test]
fn captures_whole_and_part_pass_every_check_and_are_counted() {
    let (mut book, _, capture) = captured();
    let r = book.report();
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!(check(&r, "captures").checked, 2);
    assert_eq!((book.wallets[0].available, book.wallets[0].frozen), (5_000, 0));
    assert_eq!(book.entry(&capture).postings.len(), 3);
    // A capture is refundable up to what it captured, back to available.
    book.refund(0, &capture, Some("30"));
    let r = book.report();
    assert!(r.ok(), "{:?}", r.broken());
    assert_eq!(book.wallets[0].available, 8_000);
}

#[test]
fn a_freeze_record_disagreeing_with_its_capture_fails_captures_alone() {
    let (mut book, part, capture) = captured();
    let at = book.freeze_record(&part).captured.unwrap().at;
    book.freeze_record(&part).captured = Some(crate::ledger::model::Captured {
        amount: Amount::from_stored(2_000).unwrap(),
        at,
    });
    assert_problems(
        &book.report(),
        "captures",
        &[&format!(
            "freeze {part} records 2000 minor units captured, its capture {capture} 3000"
        )],
    );
}

#[test]
fn a_capture_naming_another_freeze_fails_captures_alone() {
    let (mut book, part, capture) = captured();
    book.entry(&capture).freeze_id = Some("frz_elsewhere".into());
    book.rehash();
    assert_problems(
        &book.report(),
        "captures",
        &[
            &format!("capture {capture} names freeze frz_elsewhere, which is not an earlier freeze of its wallet"),
            &format!("freeze {part} is captured but no capture names it"),
            &format!("capture {capture} names freeze frz_elsewhere, which has no record"),
        ],
    );
}

#[test]
fn a_capture_paying_another_wallet_fails_captures_alone() {
    let (mut book, part, capture) = captured();
    // Still balanced and the same for this wallet, but the captured money never left the
    // wallets: it was credited to another wallet's account.
    book.entry(&capture).postings[1].account = "liabilities:wallet:wlt_x:available".into();
    book.rehash();
    assert_problems(
        &book.report(),
        "captures",
        &[&format!(
            "capture {capture}'s postings do not move freeze {part}'s held 5000 out of frozen as its captured 3000 and the released rest"
        )],
    );
}

#[test]
fn an_unfreeze_of_a_captured_freeze_fails_captures_and_freezes() {
    let (mut book, part, _) = captured();
    let other = book.freeze(0, "10");
    let unfreeze = book.unfreeze(0, &other);
    book.entry(&unfreeze).freeze_id = Some(part.clone().into());
    book.rehash();
    let r = book.report();
    assert_eq!(broken(&r), ["freezes", "captures"], "{:?}", r.broken());
    assert_eq!(
        check(&r, "captures").problems,
        [format!(
            "unfreeze {unfreeze} releases freeze {part}, which a capture ended"
        )]
    );
}
