//! Message templates: `{name}` placeholders filled by the rule kind; `{{` and `}}` for
//! literal braces.

/// The placeholders a template uses, in order, or the byte offset and text of a
/// malformed one.
pub(crate) fn placeholders(template: &str) -> Result<Vec<(usize, &str)>, (usize, String)> {
    let mut out = Vec::new();
    let bytes = template.as_bytes();
    let mut idx = 0;
    while idx < bytes.len() {
        match bytes[idx] {
            b'{' if bytes.get(idx + 1) == Some(&b'{') => idx += 2,
            b'}' if bytes.get(idx + 1) == Some(&b'}') => idx += 2,
            b'{' => {
                let Some(len) = template[idx + 1..].find('}') else {
                    return Err((idx, "`{` is never closed; write `{{` for a brace".into()));
                };
                let name = &template[idx + 1..idx + 1 + len];
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
                {
                    return Err((idx, format!("`{{{name}}}` is not a placeholder name")));
                }
                out.push((idx, name));
                idx += len + 2;
            }
            b'}' => return Err((idx, "`}` without `{`; write `}}` for a brace".into())),
            _ => idx += 1,
        }
    }
    Ok(out)
}

/// Fills a template validated by [`placeholders`]. Unknown names are left as written.
pub(crate) fn render(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(pos) = rest.find(['{', '}']) {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
        } else if let Some(stripped) = tail.strip_prefix('{')
            && let Some(end) = stripped.find('}')
        {
            let name = &stripped[..end];
            match values.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => out.push_str(v),
                None => out.push_str(&tail[..end + 2]),
            }
            rest = &stripped[end + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_renders() {
        let t = "{a} and {b} {{literal}}";
        let names: Vec<_> = placeholders(t).unwrap().into_iter().map(|p| p.1).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(
            render(t, &[("a", "1".into()), ("b", "2".into())]),
            "1 and 2 {literal}"
        );
        assert!(placeholders("{open").is_err());
        assert!(placeholders("close}").is_err());
        assert!(placeholders("{Bad Name}").is_err());
    }
}
