//! Errors in rule files: each names the file, line, column and key.

use std::fmt;

/// A rule file that cannot be used: bad TOML, an unknown key or kind, a value of the
/// wrong type. The CLI reports it as a usage error (exit 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleError {
    /// The file, as the user named it (relative, `/` separators).
    pub file: String,
    /// 1-based line of the offending key or value.
    pub line: u32,
    /// 1-based column (Unicode scalar values).
    pub column: u32,
    /// The dotted key at fault (`params.min-words`), when there is one.
    pub key: Option<String>,
    /// What is wrong, lower-case, no trailing period; names the key in backticks.
    pub message: String,
}

impl RuleError {
    /// An error at byte `offset` of `text`.
    pub(crate) fn at(
        file: &str,
        text: &str,
        offset: usize,
        key: Option<&str>,
        message: impl Into<String>,
    ) -> RuleError {
        let (line, column) = line_col(text, offset);
        RuleError {
            file: file.to_owned(),
            line,
            column,
            key: key.map(str::to_owned),
            message: message.into(),
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for RuleError {}

/// 1-based line and column (in chars) of a byte offset: the workspace's one helper.
pub(crate) fn line_col(text: &str, offset: usize) -> (u32, u32) {
    factdiff_corpus::line_column_of(text, offset)
}

/// The candidate closest to `given` by edit distance, if it is close enough to be a
/// likely misspelling.
pub(crate) fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let given_l = given.to_lowercase().replace('_', "-");
    let mut best: Option<(usize, &str)> = None;
    for cand in candidates {
        let d = crate::text::edit_distance(&given_l, cand);
        let limit = (cand.chars().count() / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, bc)| (d, cand) < (bd, bc)) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c)
}

/// ` (did you mean `x`?)` or `; expected one of `a`, `b`` when nothing is close.
pub(crate) fn suggestion(given: &str, candidates: &[&str]) -> String {
    match did_you_mean(given, candidates.iter().copied()) {
        Some(best) => format!("; did you mean `{best}`?"),
        None => {
            let list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
            format!("; expected one of {}", list.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["id", "kind", "severity", "message", "params"];
        assert_eq!(did_you_mean("serverity", keys), Some("severity"));
        assert_eq!(did_you_mean("param", keys), Some("params"));
        assert_eq!(did_you_mean("colour", keys), None);
        assert_eq!(suggestion("kindd", &keys), "; did you mean `kind`?");
        assert!(suggestion("zzz", &keys).starts_with("; expected one of `id`"));
    }

    #[test]
    fn line_col_counts_chars() {
        assert_eq!(line_col("a\nbé c", 6), (2, 4));
        assert_eq!(line_col("", 0), (1, 1));
    }
}
