//! `factdiff_corpus::read_file` on any bytes as a `.json` file: no panic, every span
//! on character boundaries inside its article, every location computable.
#![no_main]

use factdiff_corpus::{Format, read_file};
use libfuzzer_sys::fuzz_target;

#[path = "../common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (articles, _problems) = read_file("fuzz.json", data, Format::Json);
    for article in &articles {
        common::check_article(article);
    }
});
