//! The report is byte-identical whatever the thread count and whatever order the file
//! system lists files in.

use std::path::Path;

use crate::{root, run_in};

fn copy_in_order(from: &Path, to: &Path, reverse: bool) {
    let mut names: Vec<_> = std::fs::read_dir(from)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    if reverse {
        names.reverse();
    }
    for name in names {
        std::fs::copy(from.join(&name), to.join(&name)).unwrap();
    }
}

#[test]
fn same_bytes_for_any_thread_count_and_file_order() {
    let mut outputs = Vec::new();
    for (threads, reverse) in [("1", false), ("4", true), ("2", false)] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        std::fs::create_dir(dir.path().join("fixtures")).unwrap();
        copy_in_order(&root().join("seeds"), &dir.path().join("seeds"), reverse);
        copy_in_order(
            &root().join("tests/fixtures/corpus"),
            &dir.path().join("fixtures"),
            reverse,
        );
        for format in ["json", "text"] {
            let out = run_in(
                dir.path(),
                &["--threads", threads, "check", ".", "--format", format],
            );
            outputs.push((format, out.code, out.stdout, out.stderr));
        }
    }
    for pair in outputs.chunks(2).skip(1) {
        assert_eq!(pair[0], outputs[0]);
        assert_eq!(pair[1], outputs[1]);
    }
}
