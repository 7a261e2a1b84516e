//! Days and months in a policy's timezone, as instants: where a limit's count starts.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;

use crate::ledger::time::Timestamp;

/// The first instant of `date` in `tz`. Where a clock change skips midnight (a DST gap, as
/// in America/Santiago), the day starts at the first local time that exists; where midnight
/// happens twice, at the earlier one.
pub fn local_midnight(tz: Tz, date: NaiveDate) -> Timestamp {
    // A gap is at most a few hours long: the first whole minute after it is found well within a day.
    let found = (0..24 * 60).find_map(|minute| {
        let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0)?;
        tz.from_local_datetime(&date.and_time(time)).earliest()
    });
    let instant = found.map_or_else(
        || date.and_time(NaiveTime::MIN).and_utc(),
        |local| local.with_timezone(&chrono::Utc),
    );
    Timestamp::at(instant)
}

/// The start of the day holding `now` in `tz`.
pub fn day_start(tz: Tz, now: Timestamp) -> Timestamp {
    local_midnight(tz, now.instant().with_timezone(&tz).date_naive())
}

/// The start of the month holding `now` in `tz`.
pub fn month_start(tz: Tz, now: Timestamp) -> Timestamp {
    let local = now.instant().with_timezone(&tz).date_naive();
    let first = local.with_day(1).unwrap_or(local);
    local_midnight(tz, first)
}
