//! The rows of the benchmark: each run's figure for ledgerctl and for its baseline, printed as
//! ranges over the runs with the ratio of each run.

use std::time::Duration;

/// One figure, in the row's unit.
#[derive(Clone, Copy)]
pub struct Sample(f64);

impl Sample {
    /// Operations a second, from `n` operations in `elapsed`.
    pub fn rate(elapsed: Duration, n: u32) -> Sample {
        Sample(f64::from(n) / elapsed.as_secs_f64())
    }

    /// Milliseconds per operation.
    pub fn per_op(elapsed: Duration, n: u32) -> Sample {
        Sample(elapsed.as_secs_f64() * 1e3 / f64::from(n))
    }

    pub fn seconds(elapsed: Duration) -> Sample {
        Sample(elapsed.as_secs_f64())
    }

    pub fn megabytes(kilobytes: u64) -> Sample {
        // Peak resident sizes are far below 2^52 kB: the conversion is exact.
        #[allow(clippy::cast_precision_loss)]
        Sample(kilobytes as f64 / 1024.0)
    }
}

pub struct Row {
    name: &'static str,
    baseline: &'static str,
    goal: &'static str,
    /// (ledgerctl, baseline) of each run.
    runs: Vec<(Sample, Sample)>,
}

impl Row {
    /// A row whose ratio is ledgerctl's figure over the baseline's (the goal says which way is
    /// better: more for rates, less for times and memory).
    pub fn new(name: &'static str, baseline: &'static str, goal: &'static str) -> Row {
        Row {
            name,
            baseline,
            goal,
            runs: Vec::new(),
        }
    }

    pub fn push(&mut self, ledgerctl: Sample, baseline: Sample) {
        self.runs.push((ledgerctl, baseline));
    }

    fn range(&self, of: impl Fn(&(Sample, Sample)) -> f64) -> String {
        let values: Vec<f64> = self.runs.iter().map(of).collect();
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let digits = |v: f64| {
            if v >= 100.0 {
                0
            } else if v >= 1.0 {
                2
            } else {
                3
            }
        };
        let one = |v: f64| format!("{v:.*}", digits(v));
        if one(min) == one(max) {
            one(min)
        } else {
            format!("{}-{}", one(min), one(max))
        }
    }
}

/// Prints every row: ledgerctl's range, the baseline's, the ratio's and the goal.
pub fn print(rows: &[Row]) {
    println!(
        "{:<42} {:>15} {:>15} {:>13}  goal",
        "path (unit)", "ledgerctl", "baseline", "ratio"
    );
    for row in rows {
        println!(
            "{:<42} {:>15} {:>15} {:>12}x  {}",
            row.name,
            row.range(|r| r.0 .0),
            row.range(|r| r.1 .0),
            row.range(|r| r.0 .0 / r.1 .0),
            row.goal
        );
        println!("  baseline: {}", row.baseline);
    }
}
