//! Localisation: the languages the product speaks, the interface's messages (Fluent), and the
//! translations of scenario and rulebook text (gettext PO files, see [`po`] and [`content`]).
//!
//! Two kinds of text, two formats, one rule: every string a trainee or manager reads is looked
//! up by a stable id, and a missing translation falls back to English, never to an id.
//!
//! - The interface (buttons, headings, the debrief's sentences, reports) lives in
//!   `assets/locales/<lang>/rehearse.ftl`, compiled into the binary. [`Messages`] formats one
//!   message with its arguments: plural forms per language (CLDR), decimal commas in ro/bg/bs.
//! - Scenario and rulebook text lives in `scenarios/locales/<lang>/<file>.po`, one file per
//!   scenario and one for the rulebook; [`content`] extracts the units to translate and swaps
//!   them into a copy of the validated model, so a translation can never change the graph.

pub mod check;
pub mod content;
pub mod po;
pub mod remembered;

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Lang {
    /// English, the source language of every text.
    #[default]
    En,
    /// Romanian.
    Ro,
    /// Bulgarian.
    Bg,
    /// Bosnian (Latin script).
    Bs,
    /// Chinese (Simplified).
    Zh,
}

impl Lang {
    /// Every language, English first, then in the order the sign-in screen offers them.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Ro, Lang::Bg, Lang::Bs, Lang::Zh];

    /// The languages translated from English.
    pub const TRANSLATED: [Lang; 4] = [Lang::Ro, Lang::Bg, Lang::Bs, Lang::Zh];

    /// The BCP 47 code stored in records, folder names and `--lang`: `en`, `ro`, `bg`, `bs`, `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ro => "ro",
            Lang::Bg => "bg",
            Lang::Bs => "bs",
            Lang::Zh => "zh",
        }
    }

    /// The RFC 5646 tag of the variety spoken where the trainees are, for xAPI language maps:
    /// `en-US`, `ro-RO`, `bg-BG`, `bs-BA`, `zh-CN`.
    pub fn xapi_tag(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::Ro => "ro-RO",
            Lang::Bg => "bg-BG",
            Lang::Bs => "bs-BA",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language named in itself, as the language switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ro => "Română",
            Lang::Bg => "Български",
            Lang::Bs => "Bosanski",
            Lang::Zh => "中文",
        }
    }

    /// The language of a locale tag as the operating system or a user writes it: `ro`, `ro-RO`,
    /// `bg_BG.UTF-8`, `bs-Latn-BA`, `zh-Hans-CN`, `ZH`. `None` for a language not offered.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_', '.', '@']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first offered language among the operating system's preferred locales, else English.
    pub fn from_system() -> Lang {
        sys_locale::get_locales().find_map(|tag| Lang::from_tag(&tag)).unwrap_or_default()
    }

    /// The language asked for by `REHEARSE_LANG` or the command line (`value`), else the
    /// operating system's. An unknown value is an error naming the offered codes.
    pub fn choose(value: Option<&str>) -> Result<Lang, UnknownLang> {
        match value.map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) => Lang::from_tag(v).ok_or_else(|| UnknownLang(v.to_string())),
            None => Ok(Lang::from_system()),
        }
    }

    /// The Unicode language identifier Fluent's plural rules use.
    fn langid(self) -> LanguageIdentifier {
        // The codes are valid language subtags, so parsing cannot fail; English is a safe default.
        self.code().parse().unwrap_or_default()
    }

    /// Whether numbers take a decimal comma (`78,5`).
    pub fn decimal_comma(self) -> bool {
        matches!(self, Lang::Ro | Lang::Bg | Lang::Bs)
    }

    /// A date in the order and punctuation a reader of this language expects.
    pub fn date(self, year: i32, month: u32, day: u32) -> String {
        match self {
            Lang::En => format!("{year:04}-{month:02}-{day:02}"),
            Lang::Ro => format!("{day:02}.{month:02}.{year:04}"),
            Lang::Bg => format!("{day:02}.{month:02}.{year:04} г."),
            Lang::Bs => format!("{day:02}. {month:02}. {year:04}."),
            Lang::Zh => format!("{year}年{month}月{day}日"),
        }
    }

    /// A number with `decimals` digits after the separator this language uses.
    pub fn number(self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        if self.decimal_comma() { text.replace('.', ",") } else { text }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code the product does not offer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no language `{0}`: choose one of en, ro, bg, bs, zh")]
pub struct UnknownLang(pub String);

/// The interface's Fluent sources, compiled in: (language, text).
const INTERFACE: [(Lang, &str); 5] = [
    (Lang::En, include_str!("../../assets/locales/en/rehearse.ftl")),
    (Lang::Ro, include_str!("../../assets/locales/ro/rehearse.ftl")),
    (Lang::Bg, include_str!("../../assets/locales/bg/rehearse.ftl")),
    (Lang::Bs, include_str!("../../assets/locales/bs/rehearse.ftl")),
    (Lang::Zh, include_str!("../../assets/locales/zh/rehearse.ftl")),
];

/// The Fluent source of a language's interface messages.
pub fn interface_source(lang: Lang) -> &'static str {
    INTERFACE.iter().find(|(l, _)| *l == lang).map_or("", |(_, text)| text)
}

/// The interface's messages in one language, with English behind every missing one.
///
/// Cheap to clone (the bundles are shared) and `Send + Sync`, so a Bevy resource or a
/// background task can hold one.
#[derive(Clone)]
pub struct Messages {
    lang: Lang,
    bundle: Arc<FluentBundle<FluentResource>>,
    english: Arc<FluentBundle<FluentResource>>,
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages").field("lang", &self.lang).finish_non_exhaustive()
    }
}

impl Messages {
    /// The interface in `lang`. Each language's bundle is built once per process and shared.
    pub fn new(lang: Lang) -> Messages {
        static BUNDLES: [OnceLock<Arc<FluentBundle<FluentResource>>>; 5] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let shared = |l: Lang| BUNDLES[l as usize].get_or_init(|| Arc::new(bundle(l))).clone();
        Messages { lang, bundle: shared(lang), english: shared(Lang::En) }
    }

    /// The interface in English.
    pub fn english() -> Messages {
        Messages::new(Lang::En)
    }

    /// The language the messages are in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` without arguments.
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with arguments: `msg.with("saved-as", &[("seq", 3.into())])`.
    pub fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.to_fluent(self.lang));
        }
        self.format(id, Some(&fluent))
    }

    /// Whether this language has its own message `id` (not English's).
    pub fn has_own(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A number in this language's notation.
    pub fn number(&self, value: f64, decimals: usize) -> String {
        self.lang.number(value, decimals)
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        for bundle in [&self.bundle, &self.english] {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                return text.into_owned();
            }
        }
        // A missing id is a programming error caught by tests/l10n.rs; show something readable.
        id.replace('-', " ")
    }
}

/// An argument to a message: a count (chooses the plural form), a decimal, or text.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A whole number; selects `[one]`/`[few]`/`[other]`.
    Count(i64),
    /// A decimal shown with a fixed number of digits, in the language's notation.
    Decimal(f64, usize),
    /// Text shown as it is.
    Text(String),
}

impl Arg {
    fn to_fluent(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Arg::Count(n) => FluentValue::from(*n),
            // Formatted here (digits and separator); Fluent would only pad the fraction.
            Arg::Decimal(value, digits) => FluentValue::String(Cow::Owned(lang.number(*value, *digits))),
            Arg::Text(text) => FluentValue::String(Cow::Owned(text.clone())),
        }
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Count(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
/// Counts from every smaller integer type.
macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(i64::from(n))
            }
        }
    )*};
}
count_from!(u32, u16, u8, i32);

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}
impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}
impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

/// One language's bundle. The shipped sources are checked by tests (`tests/l10n.rs`); a
/// message that fails to parse is left out and English shows instead.
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(if lang.decimal_comma() { decimal_comma } else { decimal_point }));
    let resource = match FluentResource::try_new(interface_source(lang).to_string()) {
        Ok(resource) => resource,
        Err((resource, _errors)) => resource,
    };
    // Duplicate ids keep the first; tests reject them in the shipped files.
    let _ = bundle.add_resource(resource);
    bundle
}

fn decimal_point<M>(_: &FluentValue, _: &M) -> Option<String> {
    None
}

fn decimal_comma<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(n.as_string().replace('.', ",")),
        _ => None,
    }
}

/// Parse problems in one language's interface file: (line, column, message). Used by tests and
/// by `rehearse validate`.
pub fn interface_problems(lang: Lang) -> Vec<(usize, usize, String)> {
    let source = interface_source(lang);
    match FluentResource::try_new(source.to_string()) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors
            .into_iter()
            .map(|e| {
                let before = &source[..e.pos.start.min(source.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line, column, e.to_string())
            })
            .collect(),
    }
}

/// The message ids of a language's interface file, in order.
pub fn interface_ids(lang: Lang) -> Vec<String> {
    let Ok(resource) = FluentResource::try_new(interface_source(lang).to_string()) else {
        return Vec::new();
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}
