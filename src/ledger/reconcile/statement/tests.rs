use super::*;

fn cny() -> Currency {
    Currency::CNY
}

fn line(n: u64, amount: i64, reference: &str) -> StatementLine {
    StatementLine {
        line: n,
        date: NaiveDate::from_ymd_opt(2026, 4, 15).unwrap(),
        amount,
        reference: reference.into(),
    }
}

fn item(id: &str, amount: i64, reference: Option<&str>) -> LedgerItem {
    LedgerItem {
        id: id.into(),
        kind: TxType::Deposit,
        user_id: "usr_1".into(),
        date: NaiveDate::from_ymd_opt(2026, 4, 15).unwrap(),
        amount,
        reference: reference.map(str::to_owned),
    }
}

#[test]
fn a_line_reads_a_date_or_a_time_a_signed_strict_amount_and_a_trimmed_reference() {
    let read = StatementLine::parse(2, "2026-04-15", "-50.5", " dep-1 ", cny()).unwrap();
    assert_eq!(read, line(2, -5_050, "dep-1"));
    let timed = StatementLine::parse(3, "2026-04-15T23:30:00-02:00", "7", "x", cny()).unwrap();
    assert_eq!(
        timed.date,
        NaiveDate::from_ymd_opt(2026, 4, 16).unwrap(),
        "its UTC date"
    );
    assert_eq!(timed.amount, 700);
}

#[test]
fn a_bad_cell_is_refused_with_its_line_named_and_no_amount_is_rounded() {
    for (date, amount) in [
        ("2026-4-15", "1.00"),
        ("15/04/2026", "1.00"),
        ("2026-04-15", "1.001"),
        ("2026-04-15", "+1.00"),
        ("2026-04-15", "--1"),
        ("2026-04-15", "1e3"),
        ("2026-04-15", "0"),
        ("2026-04-15", "-0"),
        ("2026-04-15", ""),
        ("2026-04-15", "1,00"),
    ] {
        let e = StatementLine::parse(7, date, amount, "r", cny()).unwrap_err();
        assert_eq!(e.code(), "invalid_request", "{date} {amount}");
        assert!(e.to_string().contains("line 7"), "{e}");
    }
}

#[test]
fn lines_pair_with_items_by_reference_in_order_and_the_rest_is_missing_on_its_side() {
    let rows = pair(
        vec![
            line(2, 1_000, "a"),
            line(3, -500, "b"),
            line(4, 200, "a"),
            line(5, 300, "nowhere"),
            line(6, 100, ""),
        ],
        vec![
            item("txn_1", 1_000, Some("a")),
            item("txn_2", -400, Some("b")),
            item("txn_3", 900, None),
            item("txn_4", 50, Some("c")),
        ],
    );
    let verdicts: Vec<(Verdict, Option<u64>, Option<&str>)> = rows
        .iter()
        .map(|r| {
            (
                r.verdict,
                r.line.as_ref().map(|l| l.line),
                r.item.as_ref().map(|i| i.id.as_str()),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            (Verdict::Matched, Some(2), Some("txn_1")),
            (Verdict::AmountMismatch, Some(3), Some("txn_2")),
            (Verdict::MissingInLedger, Some(4), None),
            (Verdict::MissingInLedger, Some(5), None),
            (Verdict::MissingInLedger, Some(6), None),
            (Verdict::MissingInStatement, None, Some("txn_3")),
            (Verdict::MissingInStatement, None, Some("txn_4")),
        ]
    );
}
