//! Checks shared by the fuzz targets: what must hold of any article read from any bytes.

use factdiff_corpus::{Article, Span};
use factdiff_findings::Role;

/// A span lies inside the article's text and on character boundaries.
pub fn check_span(article: &Article, span: Span) {
    assert!(span.start <= span.end, "span {span:?} is reversed");
    assert!(
        span.end as usize <= article.text.len(),
        "span {span:?} past the text"
    );
    assert!(article.text.is_char_boundary(span.start as usize));
    assert!(article.text.is_char_boundary(span.end as usize));
}

/// Every span of the article is sound, and maps back to a location without panicking.
pub fn check_article(article: &Article) {
    check_span(article, article.body);
    for p in &article.paragraphs {
        check_span(article, p.span);
        assert!(article.body.contains(p.span), "paragraph outside the body");
    }
    for s in &article.sentences {
        check_span(article, s.span);
        let loc = article.location(s.span, Role::Primary);
        assert!(loc.line >= 1 && loc.end_line >= loc.line);
        let _ = article.quote(&loc);
    }
    let _ = article.word_count();
}
