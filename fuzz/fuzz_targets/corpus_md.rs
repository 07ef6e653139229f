//! `factdiff_corpus::read_file` on any bytes as a `.md` file: no panic, every span
//! on character boundaries inside its article, every location computable.
#![no_main]

use factdiff_corpus::{Format, read_file};
use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (articles, _problems) = read_file("fuzz.md", data, Format::Markdown);
    for article in &articles {
        common::check_article(article);
    }
});
