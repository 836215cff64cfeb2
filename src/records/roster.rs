//! The trainer-managed roster: who may be assessed, and how they prove it is them.
//!
//! A trainee on the roster has a stable id (a UUID; the display name may change), a PIN stored
//! only as a salted Argon2id hash, and a count of wrong PINs in a row. After [`FREE_TRIES`] wrong
//! PINs, signing in pauses for 30 s, doubling with each further wrong PIN (at most a day), so a
//! four-digit PIN cannot be guessed at a station. Practice stays open to anyone; an assessment
//! needs a roster trainee signed in with their PIN ([`sign_in`]).
//!
//! Records saved before the roster existed name their trainee only by name: the roster keeps the
//! name each trainee was added under ([`Trainee::first_name`]), and the ranking counts those
//! records as that trainee's.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use super::{Store, StoreError, clean_name, now_ms};

/// Wrong PINs in a row before signing in pauses.
pub const FREE_TRIES: u32 = 3;

/// The first pause, after [`FREE_TRIES`] wrong PINs; each further wrong PIN doubles it.
const FIRST_PAUSE_MS: i64 = 30_000;

/// The longest pause.
const LONGEST_PAUSE_MS: i64 = 24 * 3600 * 1000;

/// Shortest and longest PIN, in digits.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=12;

/// One trainee on the roster (removed ones are kept, so their records keep a name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trainee {
    /// Stable id (a UUID), stored with every assessment they play.
    pub id: String,
    /// The name shown today.
    pub name: String,
    /// The name they were added under, which records from before the roster carry.
    pub first_name: String,
    /// Unix time (ms) they were added.
    pub added_at: i64,
    /// Unix time (ms) they were removed, if they were.
    pub removed_at: Option<i64>,
    /// The PIN's Argon2id hash (a PHC string).
    pub(crate) pin_hash: String,
    /// Wrong PINs since the last right one.
    pub failed_tries: u32,
    /// No PIN is checked before this Unix time (ms).
    pub paused_until: i64,
}

impl Trainee {
    /// On the roster now (not removed).
    pub fn is_active(&self) -> bool {
        self.removed_at.is_none()
    }
}

/// A PIN as typed: 4 to 12 digits.
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pin(…)")
    }
}

/// Why a typed PIN is not a PIN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadPin {
    /// Something other than a digit.
    #[error("a PIN is digits only (0–9)")]
    NotDigits,
    /// Too few or too many digits.
    #[error("a PIN has {min} to {max} digits; this one has {found}", min = PIN_DIGITS.start(), max = PIN_DIGITS.end())]
    Length {
        /// Digits typed.
        found: usize,
    },
}

impl Pin {
    /// Read a typed PIN (surrounding spaces ignored).
    pub fn parse(typed: &str) -> Result<Pin, BadPin> {
        let pin = typed.trim();
        if !pin.chars().all(|c| c.is_ascii_digit()) {
            return Err(BadPin::NotDigits);
        }
        if !PIN_DIGITS.contains(&pin.len()) {
            return Err(BadPin::Length { found: pin.len() });
        }
        Ok(Pin(pin.to_string()))
    }

    /// A salted Argon2id hash of the PIN (a PHC string, salt from the operating system).
    fn hash(&self) -> Result<String, RosterError> {
        Argon2::default()
            .hash_password(self.0.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| RosterError::Hash(e.to_string()))
    }

    /// Whether this PIN is the one `hash` was made from.
    fn matches(&self, hash: &str) -> bool {
        Argon2::default().verify_password(self.0.as_bytes(), hash).is_ok()
    }
}

/// Why a roster change or a sign-in was refused.
#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The name is empty once control characters and spaces are removed.
    #[error("a trainee needs a name")]
    EmptyName,
    /// Someone on the roster already has that name (case ignored).
    #[error("{name} is already on the roster")]
    Taken {
        /// The name.
        name: String,
    },
    /// No trainee on the roster has that name or id.
    #[error("{name} is not on the roster; a trainer adds trainees with `rehearse trainees add`")]
    NotOnRoster {
        /// The name or id asked for.
        name: String,
    },
    /// The PIN is malformed.
    #[error(transparent)]
    BadPin(#[from] BadPin),
    /// The PIN is wrong.
    #[error("wrong PIN{}", match .tries_left { 0 => String::new(), n => format!(" ({n} more before a pause)") })]
    WrongPin {
        /// Wrong PINs still allowed before signing in pauses.
        tries_left: u32,
    },
    /// Too many wrong PINs: signing in is paused.
    #[error("too many wrong PINs: signing in as {name} is paused for {} more", wait(*.until - now_ms()))]
    Paused {
        /// Who.
        name: String,
        /// Unix time (ms) the pause ends.
        until: i64,
    },
    /// The hash could not be made (the operating system gave no random salt).
    #[error("cannot hash the PIN: {0}")]
    Hash(String),
}

/// "40 s", "2 min", "3 h".
fn wait(ms: i64) -> String {
    let s = (ms.max(0) + 999) / 1000;
    match s {
        0..=90 => format!("{s} s"),
        91..=5400 => format!("{} min", (s + 59) / 60),
        _ => format!("{} h", (s + 3599) / 3600),
    }
}

/// How long signing in pauses after `failed` wrong PINs in a row (0 before [`FREE_TRIES`]).
pub fn pause_after(failed: u32) -> i64 {
    match failed.checked_sub(FREE_TRIES) {
        None => 0,
        Some(extra) => FIRST_PAUSE_MS.saturating_mul(1i64 << extra.min(20)).min(LONGEST_PAUSE_MS),
    }
}

/// The active trainee called `who` (a name, case ignored, or an id).
pub fn find<'a>(roster: &'a [Trainee], who: &str) -> Option<&'a Trainee> {
    let who = who.trim();
    let folded = who.to_lowercase();
    roster.iter().filter(|t| t.is_active()).find(|t| t.id == who || t.name.to_lowercase() == folded)
}

/// Add a trainee with a PIN. Returns them, with their new id.
pub fn add(store: &mut Store, name: &str, pin: &Pin) -> Result<Trainee, RosterError> {
    let name = clean_name(name);
    if name.is_empty() {
        return Err(RosterError::EmptyName);
    }
    if find(&store.roster()?, &name).is_some() {
        return Err(RosterError::Taken { name });
    }
    let trainee = Trainee {
        id: uuid::Uuid::new_v4().to_string(),
        first_name: name.clone(),
        name,
        added_at: now_ms(),
        removed_at: None,
        pin_hash: pin.hash()?,
        failed_tries: 0,
        paused_until: 0,
    };
    store.add_trainee(&trainee)?;
    Ok(trainee)
}

/// Take a trainee off the roster (their records stay, under their name).
pub fn remove(store: &mut Store, who: &str) -> Result<Trainee, RosterError> {
    let mut t = active(store, who)?;
    t.removed_at = Some(now_ms());
    store.update_trainee(&t)?;
    Ok(t)
}

/// Give a trainee a new PIN (and clear any pause).
pub fn reset_pin(store: &mut Store, who: &str, pin: &Pin) -> Result<Trainee, RosterError> {
    let mut t = active(store, who)?;
    t.pin_hash = pin.hash()?;
    t.failed_tries = 0;
    t.paused_until = 0;
    store.update_trainee(&t)?;
    Ok(t)
}

/// Change the name a trainee is shown under; their id, PIN and records stay.
pub fn rename(store: &mut Store, who: &str, new_name: &str) -> Result<Trainee, RosterError> {
    let mut t = active(store, who)?;
    let name = clean_name(new_name);
    if name.is_empty() {
        return Err(RosterError::EmptyName);
    }
    if find(&store.roster()?, &name).is_some_and(|other| other.id != t.id) {
        return Err(RosterError::Taken { name });
    }
    t.name = name;
    store.update_trainee(&t)?;
    Ok(t)
}

/// Check a trainee's PIN. A right PIN clears the count of wrong ones; a wrong one adds to it
/// and, past [`FREE_TRIES`], pauses signing in. During a pause no PIN is checked. Input that is
/// not a PIN (empty, letters) is refused without counting.
pub fn sign_in(store: &mut Store, who: &str, typed_pin: &str) -> Result<Trainee, RosterError> {
    let mut t = active(store, who)?;
    let now = now_ms();
    if t.paused_until > now {
        return Err(RosterError::Paused { name: t.name, until: t.paused_until });
    }
    // Something that is not a PIN at all (an empty line, a stray Enter) is not a try.
    let right = Pin::parse(typed_pin)?.matches(&t.pin_hash);
    if right {
        if t.failed_tries > 0 {
            t.failed_tries = 0;
            t.paused_until = 0;
            store.set_tries(&t)?;
        }
        return Ok(t);
    }
    t.failed_tries = t.failed_tries.saturating_add(1);
    let pause = pause_after(t.failed_tries);
    t.paused_until = if pause > 0 { now + pause } else { 0 };
    store.set_tries(&t)?;
    if pause > 0 {
        return Err(RosterError::Paused { name: t.name, until: t.paused_until });
    }
    Err(RosterError::WrongPin { tries_left: FREE_TRIES - t.failed_tries })
}

fn active(store: &mut Store, who: &str) -> Result<Trainee, RosterError> {
    find(&store.roster()?, who).cloned().ok_or_else(|| RosterError::NotOnRoster { name: who.trim().to_string() })
}

/// Whose a stored session is, for the ranking and history: the roster trainee with the
/// record's id, else the one added under the record's name (records from before the roster),
/// else nobody on the roster.
pub fn owner<'a>(roster: &'a [Trainee], trainee_id: Option<&str>, name: &str) -> Option<&'a Trainee> {
    match trainee_id {
        Some(id) => roster.iter().find(|t| t.id == id),
        None => roster.iter().find(|t| t.first_name == name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_four_to_twelve_digits() {
        assert!(Pin::parse(" 0042 ").is_ok());
        assert_eq!(Pin::parse("123"), Err(BadPin::Length { found: 3 }));
        assert_eq!(Pin::parse("1234567890123"), Err(BadPin::Length { found: 13 }));
        assert_eq!(Pin::parse("12a4"), Err(BadPin::NotDigits));
        assert_eq!(Pin::parse("١٢٣٤"), Err(BadPin::NotDigits), "only ASCII digits");
    }

    #[test]
    fn a_hash_is_salted_and_checks_only_its_pin() {
        let pin = Pin::parse("2468").unwrap();
        let (a, b) = (pin.hash().unwrap(), pin.hash().unwrap());
        assert_ne!(a, b, "two hashes of one PIN differ by their salt");
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert!(!a.contains("2468"));
        assert!(pin.matches(&a) && pin.matches(&b));
        assert!(!Pin::parse("2469").unwrap().matches(&a));
        assert!(!pin.matches("not a hash"));
    }

    #[test]
    fn pauses_start_after_the_free_tries_and_double() {
        assert_eq!((0..FREE_TRIES).map(pause_after).collect::<Vec<_>>(), vec![0; FREE_TRIES as usize]);
        assert_eq!(pause_after(FREE_TRIES), 30_000);
        assert_eq!(pause_after(FREE_TRIES + 1), 60_000);
        assert_eq!(pause_after(FREE_TRIES + 3), 240_000);
        assert_eq!(pause_after(u32::MAX), LONGEST_PAUSE_MS);
        assert_eq!(wait(29_001), "30 s");
        assert_eq!(wait(240_000), "4 min");
    }
}
