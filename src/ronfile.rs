//! Reading RON files into raw serde types, with parse errors turned into diagnostics.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Position};

/// Parse `text` as RON into `T`, with `Option` fields written without `Some(..)`.
pub(crate) fn parse<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, Diagnostic> {
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options.from_str(text).map_err(|e| {
        let position = Position { line: e.span.start.line.max(1), column: e.span.start.col.max(1) };
        Diagnostic::error(file, Some(position), describe(&e.code))
    })
}

/// Word the parser's error for a trainer, adding what to do where the bare message is terse.
fn describe(code: &ron::Error) -> String {
    let message = code.to_string();
    match code {
        ron::Error::NoSuchStructField { .. } => {
            format!("{message} (check the spelling; the authoring guide lists every field)")
        }
        _ => message,
    }
}
