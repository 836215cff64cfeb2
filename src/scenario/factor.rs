//! How a number fact is shown in a language whose amounts are in another currency.
//!
//! A scenario's number facts (a customer's budget) are drawn and compared in the scenario's own
//! units, so every language plays the same graph. A translation whose prices are in lei or yuan
//! sets a [`Factor`] for the fact: the words show the value times the factor, rounded down to
//! tens, and the conditions keep comparing the drawn value.

use std::fmt;
use std::str::FromStr;

/// What one unit of a scenario's amounts is worth in a translation's currency, in hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Factor {
    hundredths: u32,
}

/// The largest factor a translation may set (a currency a thousand times smaller).
const MAX_HUNDREDTHS: u32 = 100_000;

/// Why a translation's factor is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FactorError {
    /// Not a plain decimal number.
    #[error("`{0}` is not a number: write a plain number such as 2.5 or 3 (1 keeps the English amounts)")]
    NotANumber(String),
    /// More precision than amounts need (and `1,000` is ambiguous: one, or a thousand?).
    #[error("`{0}` has more than two decimals: write a factor such as 2.5 or 3.16")]
    TooPrecise(String),
    /// Zero, or more than a thousand.
    #[error("`{0}` is out of range: a factor is above 0 and at most 1000")]
    OutOfRange(String),
}

impl Factor {
    /// The scenario's own amounts.
    pub const ONE: Factor = Factor { hundredths: 100 };

    /// `value` as this translation shows it: times the factor, rounded down to a multiple of
    /// ten (so a threshold that converts to a round amount keeps every value on its side); the
    /// value itself when the factor is one.
    pub fn apply(self, value: i64) -> i64 {
        if self == Factor::ONE {
            return value;
        }
        let scaled = i128::from(value) * i128::from(self.hundredths);
        let tens = scaled.div_euclid(1_000);
        i64::try_from(tens * 10).unwrap_or(if value < 0 { i64::MIN } else { i64::MAX })
    }
}

impl Default for Factor {
    fn default() -> Self {
        Factor::ONE
    }
}

impl FromStr for Factor {
    type Err = FactorError;

    /// A decimal number with a point or a comma: `2.5`, `2,5`, `3`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let not_a_number = || FactorError::NotANumber(trimmed.to_string());
        let (whole, fraction) = match trimmed.split_once(['.', ',']) {
            Some((whole, fraction)) => (whole, fraction),
            None => (trimmed, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) {
            return Err(not_a_number());
        }
        if fraction.len() > 2 {
            return Err(FactorError::TooPrecise(trimmed.to_string()));
        }
        let out_of_range = || FactorError::OutOfRange(trimmed.to_string());
        let whole: u32 = whole.parse().map_err(|_| out_of_range())?;
        let fraction: u32 = format!("{fraction:0<2}").parse().map_err(|_| not_a_number())?;
        let hundredths = whole.checked_mul(100).and_then(|w| w.checked_add(fraction)).ok_or_else(out_of_range)?;
        if hundredths == 0 || hundredths > MAX_HUNDREDTHS {
            return Err(out_of_range());
        }
        Ok(Factor { hundredths })
    }
}

impl fmt::Display for Factor {
    /// The shortest decimal: `1`, `2.5`, `0.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.hundredths / 100;
        let fraction = self.hundredths % 100;
        if fraction == 0 {
            write!(f, "{whole}")
        } else {
            let digits = format!("{fraction:02}");
            write!(f, "{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Factor, FactorError};

    #[test]
    fn reads_points_and_commas_and_writes_the_shortest_form() {
        for (text, shown) in
            [("1", "1"), ("2.5", "2.5"), ("2,5", "2.5"), (" 3 ", "3"), ("0.25", "0.25"), ("4.20", "4.2")]
        {
            let factor: Factor = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(factor.to_string(), shown);
        }
    }

    #[test]
    fn refuses_what_is_not_a_usable_factor() {
        assert!(matches!("two".parse::<Factor>(), Err(FactorError::NotANumber(_))));
        assert!(matches!("".parse::<Factor>(), Err(FactorError::NotANumber(_))));
        assert!(matches!("-2".parse::<Factor>(), Err(FactorError::NotANumber(_))));
        assert!(matches!("2.5 lei".parse::<Factor>(), Err(FactorError::NotANumber(_))));
        assert!(matches!("1.234".parse::<Factor>(), Err(FactorError::TooPrecise(_))));
        assert!(matches!("1,000".parse::<Factor>(), Err(FactorError::TooPrecise(_))), "one or a thousand?");
        assert!(matches!("0".parse::<Factor>(), Err(FactorError::OutOfRange(_))));
        assert!(matches!("1001".parse::<Factor>(), Err(FactorError::OutOfRange(_))));
        assert!(matches!("99999999999".parse::<Factor>(), Err(FactorError::OutOfRange(_))));
    }

    #[test]
    fn scales_down_to_tens_and_keeps_thresholds() {
        let lei: Factor = "2.5".parse().expect("factor");
        assert_eq!(Factor::ONE.apply(437), 437);
        assert_eq!(lei.apply(437), 1090);
        // 400 is the scenario's threshold: 399 stays below its converted amount, 400 reaches it.
        assert_eq!(lei.apply(399), 990);
        assert_eq!(lei.apply(400), 1000);
        assert_eq!(lei.apply(i64::MAX), i64::MAX);
        assert_eq!(lei.apply(-5), -20);
    }
}
