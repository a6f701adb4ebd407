//! Builds in every language of the privacy policy: each
//! `assets/policy/<code>.toml` becomes an entry of `LANGUAGES`, so that a
//! translation is added by adding its file, with no change to the code.

use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../../assets/policy");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut languages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("assets/policy exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .map(|path| {
            println!("cargo:rerun-if-changed={}", path.display());
            let code = path.file_stem().unwrap().to_string_lossy().into_owned();
            let absolute = path.canonicalize().expect("the language file is readable");
            (code, absolute.display().to_string())
        })
        .collect();
    languages.sort();
    let mut out = String::from(
        "/// Every language of the policy: its code and its sentences (TOML).\npub(crate) const LANGUAGES: &[(&str, &str)] = &[\n",
    );
    for (code, path) in &languages {
        out.push_str(&format!("    ({code:?}, include_str!({path:?})),\n"));
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("policy_languages.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}
