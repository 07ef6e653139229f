//! `cargo xtask man [DIR]`: the man pages of `factdiff` and of each subcommand, made
//! from the command line's definition (clap_mangen), into `target/man/` by default.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::util::root;

pub fn run(args: &[String]) -> Result<()> {
    let dir = match args.first() {
        Some(dir) => PathBuf::from(dir),
        None => root().join("target/man"),
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let cli = factdiff::Cli::command();
    let main = dir.join("factdiff.1");
    std::fs::write(&main, factdiff::man_page()?)
        .with_context(|| format!("writing {}", main.display()))?;
    println!("{}", main.display());
    for sub in cli.get_subcommands() {
        let name = format!("factdiff-{}", sub.get_name());
        let mut out = Vec::new();
        clap_mangen::Man::new(sub.clone())
            .title(name.clone())
            .render(&mut out)?;
        let path = dir.join(format!("{name}.1"));
        std::fs::write(&path, out).with_context(|| format!("writing {}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(())
}
