//! HTML: the visible text, with a map from every text offset back to the file.
//!
//! Written by hand: the HTML crates (html5ever, scraper, tl) give the text of nodes but
//! not the byte offsets of each character in the file, which every location needs.
//! This is a tolerant tokenizer for reading articles, not a validating parser: tags
//! and comments are dropped, `script`, `style`, `noscript`, `template` and `svg` are
//! skipped whole, block elements end a paragraph, entities are decoded, and runs of
//! white space become one space. `<title>` (or the first `<h1>`) is the title, and the
//! head's first publication-date `<meta>` (`article:published_time`, `date`,
//! `DC.date.issued`, ...: [`DATE_META`]) gives the date as written, else the first
//! `datePublished` of the page's schema.org JSON-LD (`<script
//! type="application/ld+json">`, read with serde_json), which many news pages give
//! without such a meta.

/// Visible text and the checkpoints that map it back to the source.
pub(crate) struct Extracted {
    pub text: String,
    /// `(text_offset, source_offset)`, sorted by text offset.
    pub shifts: Vec<(u32, u32)>,
    pub title: Option<String>,
    /// The `content` of the head's first publication-date `<meta>` ([`DATE_META`]), as
    /// written.
    pub date: Option<String>,
}

/// The `name`, `property` or `itemprop` values (any case) of a `<meta>` that gives a
/// page's publication date: Open Graph's article, Dublin Core, schema.org and the
/// plain names news sites use.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
];

const SKIP: &[&str] = &["script", "style", "noscript", "template", "svg", "head"];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "hr",
    "main",
    "dd",
    "dt",
    "dl",
    "body",
    "html",
    "form",
    "address",
    "details",
    "summary",
    "caption",
];

pub(crate) fn extract(source: &str) -> Extracted {
    let bytes = source.as_bytes();
    let mut out = Extracted {
        text: String::with_capacity(source.len() / 2),
        shifts: vec![(0, 0)],
        title: None,
        date: None,
    };
    let mut h1: Option<String> = None;
    let mut pos = 0usize;
    let mut pending_space = false;
    let mut pending_break = false;
    while pos < bytes.len() {
        if bytes[pos] == b'<' {
            if source[pos..].starts_with("<!--") {
                pos = source[pos + 4..]
                    .find("-->")
                    .map_or(bytes.len(), |i| pos + 4 + i + 3);
                continue;
            }
            let Some(tag_end) = tag_end(bytes, pos) else {
                // A lone '<': text.
                push_text(
                    &mut out,
                    source,
                    pos,
                    pos + 1,
                    &mut pending_space,
                    &mut pending_break,
                );
                pos += 1;
                continue;
            };
            let (name, closing) = tag_name(&source[pos + 1..tag_end]);
            let after = tag_end + 1;
            if !closing && SKIP.contains(&name.as_str()) {
                // Skip to the matching close tag; `<title>` inside `<head>` is read.
                let close = format!("</{name}");
                let end = find_ci(source, after, &close).unwrap_or(bytes.len());
                if name == "head" {
                    out.date = meta_date(&source[after..end]);
                    if let Some(t) = find_ci(&source[..end], after, "<title") {
                        let t_open = tag_end_from(bytes, t).map_or(end, |e| e + 1);
                        let t_close = find_ci(source, t_open, "</title").unwrap_or(end).min(end);
                        // A `<title` whose tag runs past the head's end has no text.
                        if t_open <= t_close {
                            out.title = Some(decode_inline(&source[t_open..t_close]));
                        }
                    }
                }
                pos = tag_end_from(bytes, end).map_or(bytes.len(), |e| e + 1);
                pending_break = true;
                continue;
            }
            if !closing && name == "title" {
                let close = find_ci(source, after, "</title").unwrap_or(bytes.len());
                out.title = Some(decode_inline(&source[after..close]));
                pos = tag_end_from(bytes, close).map_or(bytes.len(), |e| e + 1);
                continue;
            }
            if !closing && name == "h1" && h1.is_none() {
                let close = find_ci(source, after, "</h1").unwrap_or(bytes.len());
                h1 = Some(decode_inline(&strip_tags(&source[after..close])));
            }
            if BLOCK.contains(&name.as_str()) {
                pending_break = true;
            }
            pos = after;
            continue;
        }
        let next = memchr::memchr(b'<', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
        push_text(
            &mut out,
            source,
            pos,
            next,
            &mut pending_space,
            &mut pending_break,
        );
        pos = next;
    }
    if out.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        out.title = h1;
    }
    if out.date.is_none() {
        out.date = json_ld_date(source);
    }
    out
}

/// The first `datePublished` of the page's JSON-LD blocks (`<script
/// type="application/ld+json">`), in the order they come, each read with serde_json
/// (a block that is no valid JSON is passed over): a `NewsArticle`'s own, or one in
/// its `@graph` or another nested object.
fn json_ld_date(source: &str) -> Option<String> {
    let bytes = source.as_bytes();
    let mut from = 0;
    while let Some(at) = find_ci(source, from, "<script") {
        let end = tag_end_from(bytes, at)?;
        from = end;
        let is_ld = attribute(&source[at + 7..end], "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let close = find_ci(source, end + 1, "</script").unwrap_or(bytes.len());
        from = close;
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&source[end + 1..close]) else {
            continue;
        };
        if let Some(date) = date_published(&value, 0) {
            return Some(date);
        }
    }
    None
}

/// A JSON-LD value's `datePublished` (a non-empty string), looked for in the value,
/// then in its members and items in order, a few levels deep.
fn date_published(value: &serde_json::Value, depth: usize) -> Option<String> {
    use serde_json::Value;
    if depth > 4 {
        return None;
    }
    match value {
        Value::Object(map) => map
            .get("datePublished")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned)
            .or_else(|| map.values().find_map(|v| date_published(v, depth + 1))),
        Value::Array(items) => items.iter().find_map(|v| date_published(v, depth + 1)),
        _ => None,
    }
}

/// The `content` of the first `<meta>` of `head` whose `name`, `property` or
/// `itemprop` is one of [`DATE_META`].
fn meta_date(head: &str) -> Option<String> {
    let bytes = head.as_bytes();
    let mut from = 0;
    while let Some(at) = find_ci(head, from, "<meta") {
        let end = tag_end_from(bytes, at)?;
        let inner = &head[at + 5..end];
        from = end;
        let names = ["name", "property", "itemprop"];
        let is_date = names.iter().any(|n| {
            attribute(inner, n).is_some_and(|v| DATE_META.iter().any(|d| v.eq_ignore_ascii_case(d)))
        });
        if is_date && let Some(content) = attribute(inner, "content") {
            let content = decode_inline(&content);
            if !content.is_empty() {
                return Some(content);
            }
        }
    }
    None
}

/// The value of attribute `name` (any case) in a tag's inside (`meta name="date"
/// content='2026-06-24'`): quoted with either quote, or bare up to white space.
fn attribute(inner: &str, name: &str) -> Option<String> {
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip to an attribute name.
        while i < bytes.len() && !(bytes[i].is_ascii_alphabetic()) {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || b"-_:.".contains(&bytes[i])) {
            i += 1;
        }
        let key = &inner[start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match bytes.get(i) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let close = inner[i + 1..]
                    .find(q as char)
                    .map_or(inner.len(), |c| i + 1 + c);
                let value = &inner[(i + 1).min(close)..close];
                i = close + 1;
                value
            }
            _ => {
                let close = inner[i..]
                    .find(|c: char| c.is_ascii_whitespace())
                    .map_or(inner.len(), |c| i + c);
                let value = &inner[i..close];
                i = close;
                value
            }
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value.trim_end_matches('/').to_owned());
        }
    }
    None
}

fn push_text(
    out: &mut Extracted,
    source: &str,
    start: usize,
    end: usize,
    pending_space: &mut bool,
    pending_break: &mut bool,
) {
    let run = &source[start..end];
    let mut idx = 0usize;
    while idx < run.len() {
        let rest = &run[idx..];
        let c = rest.chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            *pending_space = true;
            idx += c.len_utf8();
            continue;
        }
        if !out.text.is_empty() {
            if *pending_break {
                out.text.push_str("\n\n");
            } else if *pending_space {
                out.text.push(' ');
            }
        }
        *pending_space = false;
        *pending_break = false;
        let src = start + idx;
        if c == '&'
            && let Some(len) = entity_len(rest)
        {
            out.shifts.push((out.text.len() as u32, src as u32));
            let decoded = html_escape::decode_html_entities(&rest[..len]);
            out.text.push_str(&decoded);
            idx += len;
            out.shifts.push((out.text.len() as u32, (src + len) as u32));
            continue;
        }
        // Copy the run of ordinary characters up to white space or an entity.
        let word_len = rest
            .find(|ch: char| ch.is_whitespace() || ch == '&')
            .unwrap_or(rest.len())
            .max(c.len_utf8());
        out.shifts.push((out.text.len() as u32, src as u32));
        out.text.push_str(&rest[..word_len]);
        idx += word_len;
    }
}

/// The length of an entity such as `&amp;`, `&#8217;` or `&#x2019;` at the start of
/// `s`, if it is one.
fn entity_len(s: &str) -> Option<usize> {
    // Bytes, not `str`: the 34th byte may fall inside a character.
    let semi = s.as_bytes()[..s.len().min(34)]
        .iter()
        .position(|&b| b == b';')?;
    let body = &s[1..semi];
    let ok = if let Some(num) = body.strip_prefix('#') {
        let digits = num.strip_prefix(['x', 'X']).unwrap_or(num);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_hexdigit())
    } else {
        !body.is_empty() && body.chars().all(|c| c.is_ascii_alphanumeric())
    };
    ok.then_some(semi + 1)
}

fn tag_end(bytes: &[u8], lt: usize) -> Option<usize> {
    let next = *bytes.get(lt + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
        return None;
    }
    tag_end_from(bytes, lt)
}

/// The index of the `>` that closes the tag opening at `lt`, skipping quoted values.
fn tag_end_from(bytes: &[u8], lt: usize) -> Option<usize> {
    let mut quote = 0u8;
    for (i, &b) in bytes.iter().enumerate().skip(lt + 1) {
        match b {
            b'"' | b'\'' if quote == 0 => quote = b,
            q if q == quote && quote != 0 => quote = 0,
            b'>' if quote == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

fn tag_name(inner: &str) -> (String, bool) {
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (name, closing)
}

fn find_ci(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    (from..hay.len().saturating_sub(needle.len() - 1))
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn decode_inline(s: &str) -> String {
    let decoded = html_escape::decode_html_entities(s);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `corpus_html` fuzz target: an `&` followed by multi-byte text, the
    /// entity window's 34th byte inside a character.
    #[test]
    fn entity_window_inside_a_character() {
        let source = format!("<p>&{} then 15 people.</p>", "\u{e9}".repeat(20));
        let out = extract(&source);
        assert!(out.text.contains("then 15 people."), "{:?}", out.text);
        let crash: &[u8] = include_bytes!("../../tests/fuzz/html-entity-window.html");
        let _ = crate::read_file("crash.html", crash, crate::Format::Html);
    }

    /// Found by the `corpus_html` fuzz target: a `<title` in the head whose tag ends
    /// after the head's closing tag.
    #[test]
    fn a_publication_date_meta_in_the_head() {
        let date = |html: &str| extract(html).date;
        assert_eq!(
            date(r#"<html><head><title>T</title><meta charset="utf-8"><meta property="article:published_time" content="2026-06-24T08:00:00+02:00"/></head><body><p>Text.</p></body></html>"#).as_deref(),
            Some("2026-06-24T08:00:00+02:00")
        );
        assert_eq!(
            date("<head><META NAME='DC.date.issued' CONTENT='2026-11-04'></head><p>x</p>")
                .as_deref(),
            Some("2026-11-04")
        );
        assert_eq!(
            date(r#"<head><meta name=date content=2026-11-04></head><p>x</p>"#).as_deref(),
            Some("2026-11-04")
        );
        // Another meta's content, a date meta without content, a body's meta: none.
        assert_eq!(
            date(
                r#"<head><meta name="description" content="2026-11-04"><meta name="date"></head><p>x</p>"#
            ),
            None
        );
        assert_eq!(
            date(r#"<p>x</p><meta name="date" content="2026-11-04">"#),
            None
        );
    }

    #[test]
    fn a_json_ld_date_published_when_no_meta_gives_one() {
        let date = |html: &str| extract(html).date;
        let ld = |json: &str| {
            format!(
                r#"<html><head><title>T</title><script type="application/ld+json">{json}</script></head><body><p>Text.</p></body></html>"#
            )
        };
        assert_eq!(
            date(&ld(
                r#"{"@type":"NewsArticle","datePublished":"2026-12-08T21:40:00Z"}"#
            ))
            .as_deref(),
            Some("2026-12-08T21:40:00Z")
        );
        // In an `@graph`, after a block that is no JSON.
        let page = format!(
            "<script type='application/ld+json'>{{not json</script>{}",
            ld(
                r#"{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2026-12-07"}]}"#
            )
        );
        assert_eq!(date(&page).as_deref(), Some("2026-12-07"));
        // A meta comes first; another script's text is no date.
        assert_eq!(
            date(
                r#"<head><meta name="date" content="2026-11-04"><script type="application/ld+json">{"datePublished":"2026-12-08"}</script></head><p>x</p>"#
            )
            .as_deref(),
            Some("2026-11-04")
        );
        assert_eq!(
            date(r#"<script>var d = {"datePublished":"2026-12-08"};</script><p>x</p>"#),
            None
        );
    }

    #[test]
    fn title_tag_past_the_head() {
        let out = extract("<head><title x=\"</head>\">Quake</title><p>12 people.</p>");
        assert!(out.text.contains("12 people."), "{:?}", out.text);
        let crash: &[u8] = include_bytes!("../../tests/fuzz/html-title-past-head.html");
        let _ = crate::read_file("crash.html", crash, crate::Format::Html);
    }

    fn map(shifts: &[(u32, u32)], t: u32) -> u32 {
        let idx = shifts.partition_point(|&(x, _)| x <= t);
        let (t0, s0) = shifts[idx - 1];
        s0 + (t - t0)
    }

    #[test]
    fn visible_text_with_offsets() {
        let src = "<html><head><title>Floods &amp; rain</title><style>p{}</style></head>\n<body><h1>Safi floods</h1>\n<p>At least 37 people\n   died.</p><script>var x = \"<p>no</p>\";</script><p>Tom&#8217;s <b>car</b> &lt;script&gt;</p></body></html>";
        let ex = extract(src);
        assert_eq!(ex.title.as_deref(), Some("Floods & rain"));
        assert_eq!(
            ex.text,
            "Safi floods\n\nAt least 37 people died.\n\nTom\u{2019}s car <script>"
        );
        for word in ["Safi", "37", "died", "car"] {
            let t = ex.text.find(word).unwrap() as u32;
            let s = map(&ex.shifts, t) as usize;
            assert_eq!(&src[s..s + word.len()], word);
        }
        let t = ex.text.find("<script>").unwrap() as u32;
        assert_eq!(&src[map(&ex.shifts, t) as usize..][..4], "&lt;");
    }

    #[test]
    fn malformed_html_does_not_lose_text() {
        let ex = extract("a < b and <unclosed tag\n<p>c &bogus d &");
        assert_eq!(ex.text, "a < b and c &bogus d &");
        let ex = extract("x <!-- never closed");
        assert_eq!(ex.text, "x");
        let ex = extract("<p>1 &amp 2 &#xZZ; 3</p>");
        assert_eq!(ex.text, "1 &amp 2 &#xZZ; 3");
    }
}
