//! The man pages: `factdiff.1` and one per subcommand (`factdiff-check.1`,
//! `factdiff-rules-explain.1`, ...), made from the command line's definition by
//! clap_mangen, with the sections clap does not know: EXIT STATUS, ENVIRONMENT and
//! FILES. `cargo xtask man` writes them.

use clap::CommandFactory;
use roff::{Roff, bold, italic, roman};

use crate::Cli;

/// Every man page: `(file name, roff)`, `factdiff.1` first, then the subcommands
/// depth first in the order `factdiff --help` lists them.
pub fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cli = Cli::command();
    // Building gives each subcommand its display name (`factdiff-check`) and its
    // usage name (`factdiff check`), and the global options.
    cli.build();
    let mut pages = Vec::new();
    page(&cli, &mut pages)?;
    Ok(pages)
}

fn page(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone())
        .source(format!("factdiff {}", env!("CARGO_PKG_VERSION")));
    let name = cmd
        .get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_owned();
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    if cmd.get_long_about().is_some() {
        man.render_description_section(&mut out)?;
    }
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out)?;
    }
    let subs: Vec<&clap::Command> = cmd.get_subcommands().filter(|s| !s.is_hide_set()).collect();
    if !subs.is_empty() {
        man.render_subcommands_section(&mut out)?;
    }
    extra_sections(&name).to_writer(&mut out)?;
    if cmd.get_version().is_some() || cmd.get_long_version().is_some() {
        man.render_version_section(&mut out)?;
    }
    pages.push((format!("{name}.1"), out));
    for sub in subs {
        page(sub, pages)?;
    }
    Ok(())
}

/// EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO, true of the page `name`.
fn extra_sections(name: &str) -> Roff {
    let mut roff = Roff::new();
    let item = |roff: &mut Roff, tag: roff::Inline, text: &str| {
        roff.control("TP", []).text([tag]).text([roman(text)]);
    };

    roff.control("SH", ["EXIT STATUS"]);
    match name {
        "factdiff-diff" => {
            item(
                &mut roff,
                bold("0"),
                "The two texts are the same, up to white space.",
            );
            item(&mut roff, bold("1"), "They differ.");
        }
        "factdiff-check" | "factdiff-overlap" => {
            item(
                &mut roff,
                bold("0"),
                "No finding at or above the --fail-on severity (default: error; factdiff.toml's fail-on).",
            );
            item(&mut roff, bold("1"), "Findings at or above it.");
        }
        _ => item(&mut roff, bold("0"), "Success."),
    }
    item(
        &mut roff,
        bold("2"),
        "A usage, configuration or fatal error: a bad option, an unknown key in factdiff.toml (named with its file and line), a bad rule file, a missing path, an output file that cannot be written. The message on standard error says how to fix it.",
    );
    roff.control("PP", []).text([roman(
        "Input problems (a binary file, invalid UTF-8, a JSONL line that is not JSON) do not change the exit status: they are warnings on standard error and the run goes on.",
    )]);

    roff.control("SH", ["ENVIRONMENT"]);
    item(
        &mut roff,
        bold("NO_COLOR"),
        "When set to a non-empty value, the output is never coloured (as --color never), unless --color always is given.",
    );
    item(
        &mut roff,
        bold("COLUMNS"),
        "The width of the text report on standard output, in columns, when set to a positive number. Otherwise the terminal's width when standard output is a terminal, else 140 (and always 140 in a file written with --output). Long source lines are cut at words, with an ellipsis.",
    );
    item(
        &mut roff,
        bold("RAYON_NUM_THREADS"),
        "The number of worker threads when --threads is not given (default: one per core). The output never depends on it.",
    );
    roff.control("PP", []).text([roman(
        "Whether standard output and standard error are terminals decides the colour (--color auto), the elapsed time on the summary line and the progress bar; nothing else is read from the environment.",
    )]);

    roff.control("SH", ["FILES"]);
    item(
        &mut roff,
        italic("factdiff.toml"),
        "The configuration, looked for in the current folder and its parents (or given with --config): paths, rules, exclude, fail-on, ignore, per-path-ignores and the [overlap] table. Paths in it are relative to its folder.",
    );
    item(
        &mut roff,
        italic(".factdiff-baseline.json"),
        "The usual name of a baseline: written by factdiff baseline FILE, read by check --baseline FILE, which then reports only the findings not in it.",
    );
    item(
        &mut roff,
        italic("rules/*.toml, rules/facts/*.toml, rules/lexicons/*.toml"),
        "A rules folder (--rules DIR, or rules in factdiff.toml): rule files overlaying the built-in rules, fact sheets, and lexicons extending the built-in ones.",
    );
    item(
        &mut roff,
        italic(".gitignore"),
        "Honoured when folders are walked, as are the exclude globs of factdiff.toml.",
    );
    roff.control("PP", [])
        .text([roman("Input files are only read, never written.")]);

    roff.control("SH", ["SEE ALSO"]);
    let mut see: Vec<&str> = vec![
        "factdiff",
        "factdiff-check",
        "factdiff-baseline",
        "factdiff-rules",
    ];
    see.retain(|other| *other != name);
    roff.text([roman(
        see.iter()
            .map(|page| format!("{page}(1)"))
            .collect::<Vec<_>>()
            .join(", "),
    )]);
    roff
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_page_per_subcommand_with_exit_status_environment_and_files() {
        let pages = super::man_pages().unwrap();
        let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
        for name in [
            "factdiff.1",
            "factdiff-check.1",
            "factdiff-claims.1",
            "factdiff-stories.1",
            "factdiff-overlap.1",
            "factdiff-diff.1",
            "factdiff-rules.1",
            "factdiff-rules-list.1",
            "factdiff-rules-explain.1",
            "factdiff-corpus.1",
            "factdiff-baseline.1",
            "factdiff-completions.1",
        ] {
            assert!(names.contains(&name), "{name} missing from {names:?}");
        }
        assert_eq!(names[0], "factdiff.1");
        for (name, roff) in &pages {
            let roff = String::from_utf8(roff.clone()).unwrap();
            let title = name.trim_end_matches(".1");
            assert!(roff.contains(&format!(".TH {title} 1")), "{name}: {roff}");
            for section in [
                ".SH NAME",
                ".SH SYNOPSIS",
                ".SH \"EXIT STATUS\"",
                ".SH ENVIRONMENT",
                ".SH FILES",
            ] {
                assert!(roff.contains(section), "{name}: no {section}");
            }
            assert!(roff.contains("NO_COLOR"), "{name}");
            assert!(roff.contains("COLUMNS"), "{name}");
            assert!(roff.contains("factdiff.toml"), "{name}");
            assert!(roff.contains(".factdiff\\-baseline.json"), "{name}");
        }
        let check = &pages
            .iter()
            .find(|(n, _)| n == "factdiff-check.1")
            .unwrap()
            .1;
        let check = String::from_utf8_lossy(check);
        // The usage names the command as it is typed, and the global options show.
        assert!(check.contains("factdiff check"), "{check}");
        assert!(check.contains("\\-\\-fail\\-on"), "{check}");
        assert!(check.contains("\\-\\-threads"), "{check}");
        let diff = &pages
            .iter()
            .find(|(n, _)| n == "factdiff-diff.1")
            .unwrap()
            .1;
        assert!(String::from_utf8_lossy(diff).contains("They differ."));
    }
}
