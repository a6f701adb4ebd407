//! The architecture docs stay true: every path the README's code map names
//! exists, and every crate has its invariant in "Invariants, crate by
//! crate".

use std::path::PathBuf;

use steward_tests::workspace_root;

fn readme() -> String {
    std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md")
}

/// The paths of the code map: the first word of each line that starts
/// before the descriptions' column, nested by indentation under the folder
/// (a word ending in `/`) above it.
fn code_map_paths(readme: &str) -> Vec<PathBuf> {
    let start = readme.find("### Code map").expect("a code map");
    let block = &readme[start..];
    let open = block.find("```\n").expect("the map's block") + 4;
    let close = open + block[open..].find("```").expect("the block's end");
    let mut folders: Vec<(usize, PathBuf)> = vec![];
    let mut paths = vec![];
    for line in block[open..close].lines() {
        let indent = line.len() - line.trim_start().len();
        // Descriptions continue at column 30.
        if line.trim().is_empty() || indent >= 30 {
            continue;
        }
        let word = line.split_whitespace().next().unwrap_or_default();
        folders.retain(|(at, _)| *at < indent);
        let path = folders
            .last()
            .map_or_else(|| PathBuf::from(word), |(_, folder)| folder.join(word));
        if word.contains('<') {
            // A pattern such as src/features/<area>/: its folder must exist.
            let fixed: PathBuf = path
                .components()
                .take_while(|c| !c.as_os_str().to_string_lossy().contains('<'))
                .collect();
            paths.push(fixed);
        } else {
            paths.push(path.clone());
        }
        if word.ends_with('/') {
            folders.push((indent, path));
        }
    }
    paths
}

#[test]
fn the_code_map_names_only_paths_that_exist() {
    let paths = code_map_paths(&readme());
    assert!(paths.len() > 40, "the code map has {} paths", paths.len());
    let root = workspace_root();
    let missing: Vec<_> = paths.iter().filter(|p| !root.join(p).exists()).collect();
    assert!(
        missing.is_empty(),
        "the code map names paths that do not exist: {missing:?}"
    );
    // Nested names resolve under their folder, not at the root.
    assert!(paths.contains(&PathBuf::from(
        "src-tauri/crates/steward-store/src/merge.rs"
    )));
}

#[test]
fn every_crate_has_its_invariant() {
    let readme = readme();
    let start = readme
        .find("### Invariants, crate by crate")
        .expect("the invariants");
    let end = start
        + readme[start..]
            .find("\n### Security baseline")
            .expect("the next section");
    let invariants = &readme[start..end];
    let crates = root_crates();
    assert!(crates.len() >= 6, "{crates:?}");
    for name in crates {
        assert!(
            invariants.contains(&format!("**{name}**")),
            "{name} has no invariant in the README"
        );
    }
}

fn root_crates() -> Vec<String> {
    let dir = workspace_root().join("src-tauri/crates");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("src-tauri/crates")
        .filter_map(Result::ok)
        .filter(|e| e.path().join("Cargo.toml").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
