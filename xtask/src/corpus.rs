//! `cargo xtask corpus reuters`: Reuters-21578 (22 SGML files, Latin-1) to one JSONL
//! corpus, `target/xtask/reuters.jsonl`: one record a story with `id` (NEWID),
//! `title`, `date` (YYYY-MM-DD), `source` and `text` (the body). Stories without a
//! body are left out.
//!
//! `cargo xtask corpus tbaq`: TempEval-3's TBAQ-cleaned (256 TimeML files: AP, NYT,
//! Xinhua, WSJ, CNN, ABC, VOA, PRI news of 1989-2000, several outlets on one event in
//! AQUAINT) to `target/xtask/tbaq.jsonl`: `id` (DOCID), `title` (AQUAINT's `<TITLE>`;
//! TimeBank has none), `date` (the creation time), `source` (DOCID's letters, upper
//! case) and `text` (`<TEXT>` with the TimeML tags taken out).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use regex::Regex;
use serde::Serialize;

use crate::util::{data_dir, out_dir};

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    title: String,
    date: String,
    source: &'static str,
    text: String,
}

/// Writes the corpus (if it is missing or older than this task) and returns its path.
pub fn reuters() -> Result<PathBuf> {
    let dir = data_dir()?.join("reuters21578");
    let out = out_dir()?.join("reuters.jsonl");
    if out.is_file() {
        eprintln!("{} is already there", out.display());
        return Ok(out);
    }
    let story = Regex::new(r#"(?s)<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>"#)?;
    let date = Regex::new(r"(?s)<DATE>\s*(\d+)-([A-Z]{3})-(\d{4})")?;
    let title = Regex::new(r"(?s)<TITLE>(.*?)</TITLE>")?;
    let body = Regex::new(r"(?s)<BODY>(.*?)</BODY>")?;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    let tmp = out.with_extension("jsonl.tmp");
    let mut writer = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
    let (mut n_stories, mut n_bytes) = (0usize, 0usize);
    for file in &files {
        let bytes = std::fs::read(file)?;
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
        for cap in story.captures_iter(&text) {
            let inner = &cap[2];
            let Some(b) = body.captures(inner) else {
                continue;
            };
            let body_text = unescape(&b[1]).replace("\u{3}", "");
            let body_text = body_text.trim_end().to_owned();
            if body_text.trim().is_empty() {
                continue;
            }
            let date = date.captures(inner).map_or_else(String::new, |d| {
                let month = match &d[2] {
                    "JAN" => 1,
                    "FEB" => 2,
                    "MAR" => 3,
                    "APR" => 4,
                    "MAY" => 5,
                    "JUN" => 6,
                    "JUL" => 7,
                    "AUG" => 8,
                    "SEP" => 9,
                    "OCT" => 10,
                    "NOV" => 11,
                    _ => 12,
                };
                format!(
                    "{}-{:02}-{:02}",
                    &d[3],
                    month,
                    d[1].parse::<u32>().unwrap_or(1)
                )
            });
            let record = Record {
                id: &cap[1],
                title: title
                    .captures(inner)
                    .map_or_else(String::new, |t| unescape(&t[1])),
                date,
                source: "Reuters",
                text: body_text,
            };
            n_bytes += record.text.len();
            n_stories += 1;
            serde_json::to_writer(&mut writer, &record)?;
            writer.write_all(b"\n")?;
        }
    }
    writer.flush()?;
    drop(writer);
    std::fs::rename(&tmp, &out)?;
    eprintln!(
        "wrote {} stories, {:.1} MB of text, to {}",
        n_stories,
        n_bytes as f64 / 1e6,
        out.display()
    );
    Ok(out)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#3;", "")
        .replace("&amp;", "&")
}

#[derive(Serialize)]
struct TbaqRecord<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    date: &'a str,
    source: String,
    text: &'a str,
}

/// TempEval-3's TBAQ-cleaned as one JSONL corpus (written if missing); returns its path.
pub fn tbaq() -> Result<PathBuf> {
    let dir = data_dir()?.join("tempeval3/TBAQ-cleaned");
    let out = out_dir()?.join("tbaq.jsonl");
    if out.is_file() {
        eprintln!("{} is already there", out.display());
        return Ok(out);
    }
    write_tbaq(&dir, &out)?;
    Ok(out)
}

fn write_tbaq(dir: &Path, out: &Path) -> Result<()> {
    let title = Regex::new(r"(?s)<TITLE>(.*?)</TITLE>")?;
    let tag = Regex::new(r"<[^>]*>")?;
    let mut files = Vec::new();
    crate::eval_timebank::tml_files(dir, &mut files)?;
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    let tmp = out.with_extension("jsonl.tmp");
    let mut writer = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
    for file in &files {
        let src =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        let id = file
            .file_stem()
            .and_then(|s| s.to_str())
            .context("a TimeML file name")?
            .to_owned();
        let doc = crate::eval_timebank::parse(id.clone(), &src)
            .with_context(|| format!("reading {}", file.display()))?;
        let source: String = id
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_uppercase();
        let title = title.captures(&src).map(|c| {
            tag.replace_all(&c[1], "")
                .replace("&amp;", "&")
                .trim()
                .to_owned()
        });
        let record = TbaqRecord {
            id: &doc.name,
            title: title.filter(|t| !t.is_empty()),
            date: &doc.dct,
            source,
            text: doc.text.trim(),
        };
        serde_json::to_writer(&mut writer, &record)?;
        writer.write_all(b"\n")?;
    }
    writer.flush()?;
    drop(writer);
    std::fs::rename(&tmp, out)?;
    eprintln!("wrote {} ({} articles)", out.display(), files.len());
    Ok(())
}
