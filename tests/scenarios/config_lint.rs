//! Lints the desktop shell's security configuration, so that a change that
//! weakens it fails CI (`security-and-reliability.md`, test 9):
//! a strict CSP, no global Tauri object, no `dangerous*` option, every app
//! command declared in `build.rs`, registered, and granted only to the main
//! window, no broad plugins, and `invoke` called only from `ui/src/ipc/`.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use serde_json::Value;
use steward_tests::workspace_root;

fn read(relative: &str) -> String {
    let path = workspace_root().join(relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn json(relative: &str) -> Value {
    serde_json::from_str(&read(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// The quoted strings between `start` and the next `end` in `text`.
fn quoted_strings_between(text: &str, start: &str, end: &str) -> Vec<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"));
    let rest = &text[from + start.len()..];
    let block = &rest[..rest
        .find(end)
        .unwrap_or_else(|| panic!("{end:?} not found"))];
    block
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn declared_commands() -> BTreeSet<String> {
    quoted_strings_between(
        &read("src-tauri/build.rs"),
        "const COMMANDS: &[&str] = &[",
        "];",
    )
    .into_iter()
    .collect()
}

#[test]
fn the_csp_is_strict_and_no_dangerous_option_is_set() {
    let conf = json("src-tauri/tauri.conf.json");
    let security = &conf["app"]["security"];
    let csp = security["csp"]
        .as_object()
        .expect("csp is set as an object");
    for (directive, expected) in [
        ("default-src", "'self'"),
        ("script-src", "'self'"),
        ("style-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'none'"),
        ("form-action", "'none'"),
        ("frame-ancestors", "'none'"),
    ] {
        assert_eq!(
            csp.get(directive).and_then(Value::as_str),
            Some(expected),
            "{directive}"
        );
    }
    for (directive, value) in csp {
        let value = value.as_str().unwrap_or_default();
        for weak in [
            "unsafe-inline",
            "unsafe-eval",
            "*",
            "https:",
            "http: ",
            "blob:",
        ] {
            assert!(!value.contains(weak), "{directive} allows {weak}: {value}");
        }
    }
    assert_eq!(conf["app"]["withGlobalTauri"], Value::Bool(false));
    assert_eq!(security["freezePrototype"], Value::Bool(true));

    fn no_dangerous_keys(value: &Value, path: &str) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    assert!(
                        !key.to_lowercase().starts_with("dangerous"),
                        "{path}.{key} is set"
                    );
                    no_dangerous_keys(inner, &format!("{path}.{key}"));
                }
            }
            Value::Array(items) => items.iter().for_each(|v| no_dangerous_keys(v, path)),
            _ => {}
        }
    }
    no_dangerous_keys(&conf, "tauri.conf.json");
}

#[test]
fn every_command_is_declared_registered_and_granted_to_the_main_window_only() {
    let declared = declared_commands();
    assert!(!declared.is_empty());

    let lib = read("src-tauri/src/lib.rs");
    let registered: BTreeSet<String> = {
        let from = lib
            .find("generate_handler![")
            .expect("generate_handler! in lib.rs");
        let rest = &lib[from..];
        rest[..rest.find(']').expect("end of handler list")]
            .split(',')
            .filter_map(|entry| entry.trim().rsplit("::").next())
            .filter(|name| !name.is_empty() && !name.contains('['))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        registered, declared,
        "lib.rs's handler list and build.rs's COMMANDS differ"
    );

    let mut defined = BTreeSet::new();
    for entry in fs::read_dir(workspace_root().join("src-tauri/src/commands")).unwrap() {
        let source = fs::read_to_string(entry.unwrap().path()).unwrap();
        for chunk in source.split("#[tauri::command]").skip(1) {
            let after_fn = chunk
                .split("fn ")
                .nth(1)
                .expect("a fn after #[tauri::command]");
            defined.insert(after_fn.split('(').next().unwrap().trim().to_owned());
        }
    }
    assert_eq!(
        defined, declared,
        "commands defined in src/commands/ and build.rs differ"
    );

    let capabilities: Vec<_> = fs::read_dir(workspace_root().join("src-tauri/capabilities"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        capabilities.len(),
        1,
        "one capability file, for the main window: {capabilities:?}"
    );
    let main = json("src-tauri/capabilities/main.json");
    assert_eq!(main["windows"], serde_json::json!(["main"]));
    assert!(
        main.get("remote").is_none(),
        "no remote URL may call commands"
    );
    let granted: BTreeSet<String> = main["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("permission identifiers only").to_owned())
        .collect();
    let expected: BTreeSet<String> = declared
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        // Listening to the app's own events (export progress) reads
        // nothing and changes nothing.
        .chain(["core:event:allow-listen", "core:event:allow-unlisten"].map(String::from))
        .collect();
    assert_eq!(
        granted, expected,
        "grant exactly the app's own commands and event listening"
    );
}

#[test]
fn no_broad_plugin_is_a_dependency() {
    let manifest = read("src-tauri/Cargo.toml");
    for plugin in [
        "tauri-plugin-fs",
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-opener",
    ] {
        assert!(!manifest.contains(plugin), "{plugin} must not be used");
    }
    let package = read("ui/package.json");
    for plugin in ["plugin-fs", "plugin-shell", "plugin-http", "plugin-opener"] {
        assert!(
            !package.contains(plugin),
            "@tauri-apps/{plugin} must not be used"
        );
    }
}

#[test]
fn only_the_ipc_folder_calls_invoke_and_no_code_injects_html() {
    fn walk(dir: &Path, found: &mut Vec<(String, String)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "ts" || e == "tsx") {
                found.push((
                    path.display().to_string(),
                    fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }
    let src = workspace_root().join("ui/src");
    let ipc = src.join("ipc").display().to_string();
    let mut files = vec![];
    walk(&src, &mut files);
    assert!(!files.is_empty());
    for (path, text) in &files {
        if !path.starts_with(&ipc) {
            assert!(
                !text.contains("@tauri-apps/api"),
                "{path} talks to Tauri; go through ui/src/ipc/"
            );
        }
        for injection in [
            "dangerouslySetInnerHTML",
            ".innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
        ] {
            assert!(
                !text.contains(injection),
                "{path} uses {injection}: render user text as text"
            );
        }
    }
}
