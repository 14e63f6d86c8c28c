//! The XLSForm `umbral xlsform` writes, checked by the reference converter, and the round trip
//! through what KoboToolbox and ODK Central export from it: every example profile of every
//! shipped pack, written as the form's instance values and flattened as their exports do,
//! read back by `umbral batch` into byte-identical reports.
//!
//! The pyxform tests need python3 with pyxform (`make setup` installs it). Without python3
//! they say so loudly and pass; without pyxform they fail, saying how to install it.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value as Json;
use support::{text, umbral};

/// Every shipped pack that collects profiles.
const PACKS: &[&str] = &["mx", "cl", "bo", "example-programme"];

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("umbral-xlsform-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes each pack's workbook into `dir` with the command line, returning the paths.
fn workbooks(dir: &Path) -> Vec<PathBuf> {
    PACKS
        .iter()
        .map(|id| {
            let path = dir.join(format!("umbral-{id}.xlsx"));
            let out = umbral(&["xlsform", "--pack", id, "-o", path.to_str().unwrap()], "");
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            path
        })
        .collect()
}

/// Runs a Python script with `args`; `None` (after a loud message) when there is no python3.
/// A script that cannot import pyxform fails the test with the way to install it.
fn python(script: &str, args: &[&str]) -> Option<Json> {
    let run = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output();
    let out = match run {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "\n*** SKIPPED: python3 is not installed, so the XLSForm was NOT checked with pyxform. \
                 Install python3 and run `make setup`. ***\n"
            );
            return None;
        }
        Err(e) => panic!("cannot run python3: {e}"),
    };
    assert!(
        out.status.success(),
        "python3 failed:\n{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let json: Json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("python3 printed no JSON ({e}): {}", text(&out.stdout)));
    assert!(
        json.get("missing").is_none(),
        "pyxform is not installed: run `make setup`, or `pip3 install --user pyxform==4.5.0`"
    );
    Some(json)
}

/// Converts each workbook given with pyxform, as ODK and Kobo do, and prints, per file, the
/// warnings, any error, and the primary instance: its root's id and version, and the paths
/// of its leaves (the names an export's columns carry).
const CONVERT: &str = r#"
import json, sys
try:
    from pyxform.xls2xform import convert
except ImportError:
    print(json.dumps({"missing": True}))
    sys.exit(0)
import xml.etree.ElementTree as ET
XF = "{http://www.w3.org/2002/xforms}"
H = "{http://www.w3.org/1999/xhtml}"
out = {}
for path in sys.argv[1:]:
    warnings = []
    entry = {"warnings": warnings}
    try:
        result = convert(xlsform=path, warnings=warnings, validate=False)
        root = ET.fromstring(result.xform)
        data = list(root.find(H + "head").find(XF + "model").find(XF + "instance"))[0]
        leaves = []
        def walk(element, prefix):
            name = prefix + element.tag.split("}")[-1]
            children = list(element)
            if not children:
                leaves.append(name)
            for child in children:
                walk(child, name + "/")
        for child in data:
            walk(child, "")
        entry.update(id=data.get("id"), version=data.get("version"), leaves=leaves, xform=result.xform)
    except Exception as e:
        entry["error"] = type(e).__name__ + ": " + str(e)
    out[path] = entry
print(json.dumps(out))
"#;

#[test]
fn pyxform_converts_every_pack_without_an_error_or_a_warning() {
    let dir = scratch("pyxform");
    let paths = workbooks(&dir);
    let args: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    let Some(results) = python(CONVERT, &args) else {
        return;
    };
    for (id, path) in PACKS.iter().zip(&args) {
        let entry = &results[*path];
        assert!(
            entry.get("error").is_none(),
            "pyxform refused the {id} form: {}",
            entry["error"]
        );
        assert_eq!(
            entry["warnings"],
            Json::Array(vec![]),
            "pyxform warned about the {id} form"
        );
        assert_eq!(entry["id"], format!("umbral_{}", id.replace('-', "_")));
        assert_eq!(entry["version"], "2026.12.0");
        // The instance's leaves are exactly the columns the round trip writes, in order.
        let leaves: Vec<&str> = entry["leaves"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        let mut expected = form_columns(id);
        expected.push("meta/instanceID".into());
        assert_eq!(leaves, expected, "the {id} form's instance");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The columns of a pack's form in survey order, from the library (what the round trip and
/// the reader rely on): the metadata, `country`, then each question's `group/name`.
fn form_columns(id: &str) -> Vec<String> {
    let pack = pack(id);
    let form = umbral::form::build(&pack, &umbral::engine::Locale::ALL).unwrap();
    let mut columns: Vec<String> = ["start", "end", "country"].map(String::from).to_vec();
    columns.extend(form.questions.iter().map(|q| q.xml_path()));
    columns
}

fn pack(id: &str) -> umbral::engine::Pack {
    umbral::packs::compile(id, &umbral::packs::builtin(), None)
        .pack
        .unwrap_or_else(|| panic!("pack {id} compiles"))
}
