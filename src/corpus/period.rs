//! Dates and periods: a document's date comes from its `date` column, else a date in its file
//! name (`2023-01-31`, `2023-01`, `2023`), else the file's modification time; a [`By`] cuts it
//! into a period.

use std::fmt;
use std::str::FromStr;

/// The length of the periods counts are grouped by.
///
/// ```
/// use tifa::corpus::By;
/// assert_eq!("month".parse::<By>(), Ok(By::Month));
/// assert_eq!(By::Month.to_string(), "month");
/// assert!("week".parse::<By>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum By {
    /// `2023-01-31`
    Day,
    /// `2023-01`
    Month,
    /// `2023`
    Year,
    /// One period, `all`, for the whole corpus.
    All,
}

impl By {
    /// Every length, shortest first.
    pub const ALL: [By; 4] = [By::Day, By::Month, By::Year, By::All];

    /// `day`, `month`, `year` or `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            By::Day => "day",
            By::Month => "month",
            By::Year => "year",
            By::All => "all",
        }
    }
}

impl fmt::Display for By {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for By {
    type Err = String;

    fn from_str(s: &str) -> Result<By, String> {
        By::ALL
            .into_iter()
            .find(|b| b.as_str() == s)
            .ok_or_else(|| format!("`{s}` is not a period length (day, month, year or all)"))
    }
}

/// Where a document's date came from (reported on standard error once per corpus).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateSource {
    /// A `date` field or column.
    Column,
    /// A date in the file name.
    FileName,
    /// The file's modification time (UTC).
    Modified,
    /// None: the document is counted in the period `undated`.
    None,
}

/// The period of a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, possibly followed by a time);
/// `undated` when there is none or it is not a date; a period longer than the date is known
/// for uses what is known (`2023` by month stays `2023`).
///
/// ```
/// use tifa::corpus::{period, By};
/// assert_eq!(period(Some("2023-01-31T08:00"), By::Month), "2023-01");
/// assert_eq!(period(Some("last spring"), By::Year), "undated");
/// ```
pub fn period(date: Option<&str>, by: By) -> String {
    if by == By::All {
        return "all".into();
    }
    let Some(d) = date.and_then(parse_date) else {
        return "undated".into();
    };
    let (y, m, day) = d;
    match (by, m, day) {
        (By::Year, _, _) | (_, None, _) => format!("{y:04}"),
        (By::Month, Some(m), _) | (By::Day, Some(m), None) => format!("{y:04}-{m:02}"),
        (By::Day, Some(m), Some(day)) => format!("{y:04}-{m:02}-{day:02}"),
        (By::All, _, _) => unreachable!(),
    }
}

/// `YYYY[-MM[-DD]]` at the start of `s`, checked (months 1–12, days 1–31, years 1000–2999).
fn parse_date(s: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let s = s.trim();
    let num = |a: usize, b: usize| -> Option<u32> {
        let part = s.get(a..b)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let y = num(0, 4)?;
    if !(1000..3000).contains(&y) {
        return None;
    }
    if s.len() == 4 {
        return Some((y, None, None));
    }
    let sep = |i: usize| matches!(s.as_bytes().get(i), Some(b'-') | Some(b'/') | Some(b'.'));
    if !sep(4) {
        return if s.as_bytes().get(4).is_some_and(|c| !c.is_ascii_digit()) {
            Some((y, None, None))
        } else {
            None
        };
    }
    let m = num(5, 7).filter(|m| (1..=12).contains(m))?;
    if s.len() == 7 || !sep(7) {
        return Some((y, Some(m), None));
    }
    let d = num(8, 10).filter(|d| (1..=31).contains(d))?;
    Some((y, Some(m), Some(d)))
}

/// The first date in a file name: `report-2023-01-31.txt` → `2023-01-31`; also `2023-01`, or a
/// year alone (`2019_plenum.txt`). Digits must not run on either side (`id12345` has none).
///
/// ```
/// assert_eq!(tifa::corpus::date_in_name("xinhua-2021-11.md").as_deref(), Some("2021-11"));
/// ```
pub fn date_in_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit());
    for i in 0..b.len() {
        if (i > 0 && digit(i - 1)) || !(0..4).all(|k| digit(i + k)) {
            continue;
        }
        for len in [10, 7, 4] {
            let Some(cand) = name.get(i..i + len) else {
                continue;
            };
            let known = parse_date(cand).map_or(0, |d| {
                1 + usize::from(d.1.is_some()) + usize::from(d.2.is_some())
            });
            if known == [4, 7, 10].iter().position(|&l| l == len).unwrap() + 1 && !digit(i + len) {
                return Some(cand.to_string());
            }
        }
    }
    None
}

/// A time in seconds since 1970-01-01 UTC (a file's modification time) as a UTC date,
/// `YYYY-MM-DD`.
///
/// ```
/// assert_eq!(tifa::corpus::date_of_unix(1_675_123_200), "2023-01-31");
/// ```
pub fn date_of_unix(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let cases = [
            (Some("2023-01-31"), By::Day, "2023-01-31"),
            (Some("2023-01-31"), By::Month, "2023-01"),
            (Some("2023-01-31T08:00:00Z"), By::Year, "2023"),
            (Some("2023/1/5"), By::Month, "undated"),
            (Some("2023-13-01"), By::Month, "undated"),
            (Some("2023"), By::Month, "2023"),
            (Some("2023-04"), By::Day, "2023-04"),
            (Some("yesterday"), By::Year, "undated"),
            (None, By::Year, "undated"),
            (Some("2023-01-31"), By::All, "all"),
        ];
        for (date, by, want) in cases {
            assert_eq!(period(date, by), want, "{date:?} by {by:?}");
        }
    }

    #[test]
    fn dates_in_file_names() {
        let cases = [
            ("report-2023-01-31.txt", Some("2023-01-31")),
            ("2019_plenum.txt", Some("2019")),
            ("xinhua-2021-11.md", Some("2021-11")),
            ("id12345.txt", None),
            ("notes.txt", None),
            ("v2.0-2022-05-04-final.txt", Some("2022-05-04")),
        ];
        for (name, want) in cases {
            assert_eq!(date_in_name(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn period_lengths_read_back() {
        for by in By::ALL {
            assert_eq!(by.as_str().parse::<By>(), Ok(by));
        }
    }

    #[test]
    fn days_to_dates() {
        let cases = [
            (0, (1970, 1, 1)),
            (19_388, (2023, 1, 31)),
            (-1, (1969, 12, 31)),
            (11_016, (2000, 2, 29)),
        ];
        for (days, want) in cases {
            assert_eq!(civil_from_days(days), want, "{days}");
        }
    }
}
