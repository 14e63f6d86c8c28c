//! The XLSForm `umbral xlsform` writes, checked by the reference converter, and the round trip
//! through what KoboToolbox and ODK Central export from it: every example profile of every
//! shipped pack, written as the form's instance values and flattened as their exports do,
//! read back by `umbral batch` into byte-identical reports.
//!
//! A third test writes each example profile as an XML instance of the form, has Python check
//! it against the XForm pyxform makes and flatten it as Kobo's CSV export does (independently
//! of the Rust side), and scores that.
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

// ---------------------------------------------------------------------------------------------
// The round trip: example profiles, as the form's instances, as the tools export them.

use umbral::engine::{visible_questions, Locale, Pack, Profile};
use umbral::form::{Control, Form, Question};

/// Every example profile of a pack, decoded.
fn examples(id: &str) -> Vec<(String, Profile)> {
    let sources = umbral::packs::builtin();
    let ids = umbral::packs::pack_ids(&sources);
    let src = &sources[ids.iter().position(|x| x == id).unwrap()];
    umbral::packs::examples::profiles(src)
        .unwrap()
        .into_iter()
        .map(|(name, json)| {
            let profile =
                Profile::from_value(&json).unwrap_or_else(|e| panic!("{id} example '{name}': {e}"));
            (name, profile)
        })
        .collect()
}

/// The profile's answer to a question as profile JSON.
fn answer(pack: &Pack, profile: &Profile, q: &Question) -> Option<Json> {
    match q.path.strip_prefix("extra.") {
        Some(key) => profile.extra.get(key).cloned(),
        None => profile
            .get(q.field)
            .map(|v| umbral::engine::profile::encode_value(&pack.fields()[q.field].kind, v)),
    }
}

fn same(a: &Json, b: &Json) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// What the form's instance holds for one question, as the tools write it: the value (choice
/// names space-separated for a multiple choice), and for a multiple choice each choice's 0/1
/// (the reserved one last). A question the form does not ask (its `relevant` is false) is
/// blank. Fails on an answer the form could not have collected.
fn instance_value(
    pack: &Pack,
    profile: &Profile,
    visible: &[usize],
    q: &Question,
    case: &str,
) -> (String, Vec<String>) {
    let width = q.choices.len() + usize::from(q.skip.is_some());
    let blank = || {
        (
            String::new(),
            vec![
                String::new();
                if q.control == Control::SelectMultiple {
                    width
                } else {
                    0
                }
            ],
        )
    };
    let given = answer(pack, profile, q);
    if !visible.contains(&q.index) {
        // The form does not ask it, so no export carries it: the round trip shows the report
        // does not depend on it either.
        if given.is_some() {
            HIDDEN.with(|h| h.borrow_mut().insert(format!("{case}: {}", q.path)));
        }
        return blank();
    }
    let Some(given) = given else {
        return match (q.skip, q.control) {
            (Some(skip), Control::SelectMultiple) => {
                let mut ticks = vec!["0".to_string(); width];
                ticks[width - 1] = "1".into();
                (skip.to_string(), ticks)
            }
            (Some(skip), Control::SelectOne) => (skip.to_string(), vec![]),
            (Some(_), _) => blank(),
            (None, Control::SelectMultiple) => {
                panic!(
                    "{case}: {} is unanswered, which the form cannot say",
                    q.path
                )
            }
            // A required question left blank: the tools would not send it, but a blank
            // export cell reads back as unanswered.
            (None, _) => blank(),
        };
    };
    let name_of = |v: &Json| {
        q.choices
            .iter()
            .position(|c| same(&c.value, v))
            .unwrap_or_else(|| panic!("{case}: {} = {v} is not a choice of the form", q.path))
    };
    match (q.control, &given) {
        (Control::SelectMultiple, Json::Array(items)) => {
            let chosen: Vec<usize> = items.iter().map(name_of).collect();
            let names: Vec<&str> = chosen.iter().map(|&c| q.choices[c].name.as_str()).collect();
            let mut ticks: Vec<String> = (0..q.choices.len())
                .map(|c| if chosen.contains(&c) { "1" } else { "0" }.to_string())
                .collect();
            if q.skip.is_some() {
                ticks.push("0".into());
            }
            (names.join(" "), ticks)
        }
        (Control::SelectOne, v) => (q.choices[name_of(v)].name.clone(), vec![]),
        (_, Json::String(s)) => (s.clone(), vec![]),
        (_, v) => (v.to_string(), vec![]),
    }
}

thread_local! {
    /// Answers the examples give to questions the form would not ask them.
    static HIDDEN: std::cell::RefCell<std::collections::BTreeSet<String>> = Default::default();
}

/// How one export writes its columns.
#[derive(Clone, Copy)]
struct Layout {
    separator: char,
    /// Between a group and a name (`None`: names without their groups).
    group: Option<char>,
    /// The multiple choice's own column, and one 0/1 column per choice.
    whole: bool,
    ticks: bool,
    /// Headers are the questions' labels in this language.
    labels: Option<Locale>,
    /// ODK Central's metadata rather than KoboToolbox's.
    central: bool,
}

fn quote(cell: &str, separator: char) -> String {
    if cell.contains([separator, '"', '\n', '\r']) || cell.starts_with(' ') {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// The profiles as the export of their instances: a header and one row each.
fn export_csv(pack: &Pack, form: &Form, profiles: &[(String, Profile)], layout: Layout) -> String {
    let label = |q: &Question| -> String {
        match layout.labels {
            Some(l) => q.labels[form.languages.iter().position(|&x| x == l).unwrap()].clone(),
            None => match (&q.group, layout.group) {
                (Some(g), Some(sep)) => format!("{g}{sep}{}", q.name),
                _ => q.name.clone(),
            },
        }
    };
    let mut header: Vec<String> = if layout.central {
        vec![
            "SubmissionDate".into(),
            "start".into(),
            "end".into(),
            "country".into(),
        ]
    } else {
        vec!["start".into(), "end".into(), "country".into()]
    };
    for q in &form.questions {
        let head = label(q);
        if q.control != Control::SelectMultiple || layout.whole {
            header.push(head.clone());
        }
        if q.control == Control::SelectMultiple && layout.ticks {
            for c in &q.choices {
                let choice = match layout.labels {
                    Some(l) => {
                        c.labels[form.languages.iter().position(|&x| x == l).unwrap()].clone()
                    }
                    None => c.name.clone(),
                };
                header.push(format!("{head}/{choice}"));
            }
            if let Some(skip) = q.skip {
                header.push(format!("{head}/{skip}"));
            }
        }
    }
    if layout.central {
        header.extend(
            [
                "meta-instanceID",
                "KEY",
                "SubmitterID",
                "SubmitterName",
                "AttachmentsPresent",
                "AttachmentsExpected",
                "Status",
                "ReviewState",
                "DeviceID",
                "Edits",
                "FormVersion",
            ]
            .map(String::from),
        );
    } else {
        header.extend(
            [
                "meta/instanceID",
                "_id",
                "_uuid",
                "_submission_time",
                "_validation_status",
                "_notes",
                "_status",
                "_submitted_by",
                "__version__",
                "_tags",
                "_index",
            ]
            .map(String::from),
        );
    }
    let sep = layout.separator;
    let mut out = header
        .iter()
        .map(|h| quote(h, sep))
        .collect::<Vec<_>>()
        .join(&sep.to_string())
        + "\r\n";
    for (i, (case, profile)) in profiles.iter().enumerate() {
        let visible = visible_questions(pack, profile);
        let uuid = format!("uuid:00000000-0000-4000-8000-{:012}", i + 1);
        let mut row: Vec<String> = Vec::new();
        if layout.central {
            row.push("2026-12-02T15:04:05.000Z".into());
        }
        row.extend([
            "2026-12-02T09:00:00.000-06:00".into(),
            "2026-12-02T09:25:00.000-06:00".to_string(),
            profile.country.clone(),
        ]);
        for q in &form.questions {
            let (value, ticks) = instance_value(pack, profile, &visible, q, case);
            if q.control != Control::SelectMultiple || layout.whole {
                row.push(value);
            }
            if q.control == Control::SelectMultiple && layout.ticks {
                row.extend(ticks);
            }
        }
        if layout.central {
            row.extend([
                uuid.clone(),
                uuid.clone(),
                "7".into(),
                "Ana".into(),
                "0".into(),
                "0".into(),
                String::new(),
                String::new(),
                "collect:abc".into(),
                "0".into(),
                form.version.clone(),
            ]);
        } else {
            row.extend([
                uuid.clone(),
                (1000 + i).to_string(),
                uuid[5..].to_string(),
                "2026-12-02T15:04:05".into(),
                String::new(),
                String::new(),
                "submitted_via_web".into(),
                String::new(),
                "vAbCdEf".into(),
                String::new(),
                (i + 1).to_string(),
            ]);
        }
        out += &row
            .iter()
            .map(|c| quote(c, sep))
            .collect::<Vec<_>>()
            .join(&sep.to_string());
        out += "\r\n";
    }
    out
}

/// The profiles as Kobo's JSON (`group/field` keys, text values), or nested by group as ODK's
/// OData gives them.
fn export_json(pack: &Pack, form: &Form, profiles: &[(String, Profile)], nested: bool) -> String {
    let mut list = Vec::new();
    for (i, (case, profile)) in profiles.iter().enumerate() {
        let visible = visible_questions(pack, profile);
        let mut object = serde_json::Map::new();
        object.insert("_id".into(), Json::from(2000 + i));
        object.insert("_xform_id_string".into(), Json::from(form.id.clone()));
        object.insert("_submission_time".into(), Json::from("2026-12-02T15:04:05"));
        object.insert("_attachments".into(), Json::Array(vec![]));
        object.insert("_geolocation".into(), serde_json::json!([null, null]));
        object.insert("meta/instanceID".into(), Json::from(format!("uuid:{i}")));
        object.insert("country".into(), Json::from(profile.country.clone()));
        for q in &form.questions {
            let (value, _) = instance_value(pack, profile, &visible, q, case);
            if value.is_empty() {
                continue;
            }
            match (&q.group, nested) {
                (Some(g), true) => {
                    let group = object
                        .entry(g.clone())
                        .or_insert_with(|| Json::Object(Default::default()));
                    group
                        .as_object_mut()
                        .unwrap()
                        .insert(q.name.clone(), Json::from(value));
                }
                _ => {
                    object.insert(q.xml_path(), Json::from(value));
                }
            }
        }
        list.push(Json::Object(object));
    }
    serde_json::to_string_pretty(
        &serde_json::json!({"count": list.len(), "next": null, "previous": null, "results": list}),
    )
    .unwrap()
}

/// Runs `umbral batch` on `input` and checks its reports are byte-identical to assessing the
/// original profiles.
fn check_round_trip(
    id: &str,
    what: &str,
    file: &Path,
    input: &str,
    pack_arg: bool,
    expected: &str,
) {
    std::fs::write(file, input).unwrap();
    let mut args = vec!["batch"];
    if pack_arg {
        args.extend(["--pack", id]);
    }
    args.push(file.to_str().unwrap());
    let out = umbral(&args, "");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{id}, {what}: umbral batch failed:\n{}",
        text(&out.stderr)
    );
    let got = text(&out.stdout);
    let (g, e): (Vec<&str>, Vec<&str>) = (got.lines().collect(), expected.lines().collect());
    assert_eq!(g.len(), e.len(), "{id}, {what}: number of reports");
    for (n, (g, e)) in g.iter().zip(&e).enumerate() {
        if g != e {
            let at = g.bytes().zip(e.bytes()).take_while(|(a, b)| a == b).count();
            let around = |s: &str| {
                s.get(at.saturating_sub(100)..(at + 100).min(s.len()))
                    .unwrap_or(s)
                    .to_string()
            };
            panic!(
                "{id}, {what}: report {} differs from the original profile's at byte {at}:\n  got:      …{}…\n  expected: …{}…",
                n + 1,
                around(g),
                around(e)
            );
        }
    }
    assert_eq!(got, expected, "{id}, {what}");
}

#[test]
fn every_example_profile_round_trips_through_the_exports_of_its_form() {
    let dir = scratch("round-trip");
    let mut total = 0;
    for id in PACKS {
        let pack = pack(id);
        let form = umbral::form::build(&pack, &Locale::ALL).unwrap();
        let profiles = examples(id);
        assert!(!profiles.is_empty(), "{id} has examples");
        let expected: String = profiles
            .iter()
            .map(|(_, p)| {
                let mut bytes = Vec::new();
                umbral::engine::assess(&pack, p, Locale::Es).write_json(&mut bytes);
                String::from_utf8(bytes).unwrap() + "\n"
            })
            .collect();
        // A programme's form carries its country, not its pack: CSV needs --pack; Kobo's JSON
        // names the form.
        let programme = pack.data.layers.len() > 2;
        let kobo = Layout {
            separator: ';',
            group: Some('/'),
            whole: true,
            ticks: true,
            labels: None,
            central: false,
        };
        for (what, layout) in [
            ("Kobo CSV (; / both kinds of multiple-choice columns)", kobo),
            (
                "CSV with , and . and one column per multiple choice",
                Layout {
                    separator: ',',
                    group: Some('.'),
                    ticks: false,
                    ..kobo
                },
            ),
            (
                "Kobo CSV without groups in the headers",
                Layout {
                    group: None,
                    ..kobo
                },
            ),
            (
                "ODK Central CSV (- and 0/1 columns only)",
                Layout {
                    separator: ',',
                    group: Some('-'),
                    whole: false,
                    central: true,
                    ..kobo
                },
            ),
            (
                "CSV with Spanish labels as headers",
                Layout {
                    labels: Some(Locale::Es),
                    whole: false,
                    ..kobo
                },
            ),
            (
                "CSV with English labels as headers",
                Layout {
                    labels: Some(Locale::En),
                    separator: ',',
                    ..kobo
                },
            ),
        ] {
            let csv = export_csv(&pack, &form, &profiles, layout);
            check_round_trip(
                id,
                what,
                &dir.join(format!("{id}.csv")),
                &csv,
                programme,
                &expected,
            );
        }
        for (what, nested) in [("Kobo JSON", false), ("JSON nested by group", true)] {
            let json = export_json(&pack, &form, &profiles, nested);
            check_round_trip(
                id,
                what,
                &dir.join(format!("{id}.json")),
                &json,
                false,
                &expected,
            );
        }
        total += profiles.len();
    }
    assert_eq!(total, 36, "every example of every shipped pack");
    let hidden = HIDDEN.with(|h| h.borrow().clone());
    eprintln!(
        "{total} example profiles round-tripped through 8 kinds of export each; {} answers to questions the form would not ask them were left out, as the form leaves them, and changed no report:\n  {}",
        hidden.len(),
        hidden.into_iter().collect::<Vec<_>>().join("\n  ")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The exports the end-to-end tests import into the planner and the workspace
/// (`tests/e2e/planner.test.mjs`, `tests/e2e/taller-handoff.test.mjs`, which compare them with
/// `umbral batch`): a pack's examples as one of the tools exports them, written by the same
/// code as the round trip above, so the pages read what `umbral batch` is proven to read.
/// `UPDATE_EXPECT=1` rewrites them.
const E2E_EXPORTS: &[(&str, &str)] = &[
    ("mx", "tests/fixtures/kobo/kobo-mx.csv"),
    ("cl", "tests/fixtures/kobo/odk-central-cl.csv"),
    (
        "example-programme",
        "tests/fixtures/kobo/kobo-example-programme.json",
    ),
];

#[test]
fn the_exports_the_pages_are_tested_with_are_the_examples_as_the_tools_write_them() {
    for (id, file) in E2E_EXPORTS {
        let pack = pack(id);
        let form = umbral::form::build(&pack, &Locale::ALL).unwrap();
        let profiles = examples(id);
        let kobo = Layout {
            separator: ';',
            group: Some('/'),
            whole: true,
            ticks: true,
            labels: None,
            central: false,
        };
        let text = match file.rsplit('.').next() {
            Some("json") => export_json(&pack, &form, &profiles, false) + "\n",
            _ if file.contains("odk-central") => export_csv(
                &pack,
                &form,
                &profiles,
                Layout {
                    separator: ',',
                    group: Some('-'),
                    whole: false,
                    central: true,
                    ..kobo
                },
            ),
            _ => export_csv(&pack, &form, &profiles, kobo),
        };
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let wanted = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            wanted == text,
            "{file} is not {id}'s examples as exported today (rerun with UPDATE_EXPECT=1 to write it)"
        );
    }
}

/// Checks each XML instance against the primary instance of the XForm pyxform makes of the
/// workbook (the same elements, in the same order, nothing else), then flattens them as
/// KoboToolbox's CSV export does: one `;`-separated, fully quoted column per leaf, named by
/// its path under the root joined by `/`, with Kobo's metadata columns after.
const FLATTEN: &str = r#"
import csv, io, json, sys
try:
    from pyxform.xls2xform import convert
except ImportError:
    print(json.dumps({"missing": True}))
    sys.exit(0)
import xml.etree.ElementTree as ET
XF = "{http://www.w3.org/2002/xforms}"
H = "{http://www.w3.org/1999/xhtml}"
def leaves(element):
    out = []
    def walk(e, prefix):
        name = prefix + e.tag.split("}")[-1]
        children = list(e)
        if not children:
            out.append((name, (e.text or "").strip()))
        for c in children:
            walk(c, name + "/")
    for c in element:
        walk(c, "")
    return out
warnings = []
xform = convert(xlsform=sys.argv[1], warnings=warnings, validate=False).xform
template = list(ET.fromstring(xform).find(H + "head").find(XF + "model").find(XF + "instance"))[0]
paths = [p for p, _ in leaves(template)]
problems = []
rows = []
for i, path in enumerate(sys.argv[2:]):
    root = ET.parse(path).getroot()
    if root.tag.split("}")[-1] != template.tag.split("}")[-1] or root.get("id") != template.get("id") or root.get("version") != template.get("version"):
        problems.append(path + ": not an instance of this form")
    values = leaves(root)
    if [p for p, _ in values] != paths:
        problems.append(path + ": elements differ from the form's instance")
    rows.append([v for _, v in values] + [str(3000 + i), values[-1][1][5:], "2026-12-02T15:04:05", "", "[]", "submitted_via_web", "", "vAbCdEf", "[]", str(i + 1)])
out = io.StringIO()
writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL)
writer.writerow(paths + ["_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by", "__version__", "_tags", "_index"])
writer.writerows(rows)
print(json.dumps({"csv": out.getvalue(), "problems": problems, "warnings": warnings}))
"#;

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One profile as an XML instance of the form, as ODK Collect or Enketo would submit it.
fn instance_xml(pack: &Pack, form: &Form, profile: &Profile, case: &str, n: usize) -> String {
    let visible = visible_questions(pack, profile);
    let mut xml = format!(
        "<?xml version=\"1.0\"?>\n<data xmlns:jr=\"http://openrosa.org/javarosa\" id=\"{}\" version=\"{}\">",
        form.id, form.version
    );
    xml += "<start>2026-12-02T09:00:00.000-06:00</start><end>2026-12-02T09:25:00.000-06:00</end>";
    xml += &format!("<country>{}</country>", xml_escape(&profile.country));
    let mut open: Option<&str> = None;
    for q in &form.questions {
        if open != q.group.as_deref() {
            if let Some(group) = open {
                xml += &format!("</{group}>");
            }
            if let Some(group) = &q.group {
                xml += &format!("<{group}>");
            }
            open = q.group.as_deref();
        }
        let (value, _) = instance_value(pack, profile, &visible, q, case);
        if value.is_empty() {
            xml += &format!("<{}/>", q.name);
        } else {
            xml += &format!("<{0}>{1}</{0}>", q.name, xml_escape(&value));
        }
    }
    if let Some(group) = open {
        xml += &format!("</{group}>");
    }
    xml += &format!(
        "<meta><instanceID>uuid:00000000-0000-4000-8000-{n:012}</instanceID></meta></data>\n"
    );
    xml
}

#[test]
fn xml_instances_of_the_xform_flatten_to_an_export_that_scores_byte_identically() {
    let dir = scratch("instances");
    let paths = workbooks(&dir);
    let mut total = 0;
    for (id, xlsx) in PACKS.iter().zip(&paths) {
        let pack = pack(id);
        let form = umbral::form::build(&pack, &Locale::ALL).unwrap();
        let profiles = examples(id);
        let mut args = vec![xlsx.to_str().unwrap().to_string()];
        for (n, (case, profile)) in profiles.iter().enumerate() {
            let path = dir.join(format!("{id}-{n}.xml"));
            std::fs::write(&path, instance_xml(&pack, &form, profile, case, n + 1)).unwrap();
            args.push(path.to_str().unwrap().to_string());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let Some(result) = python(FLATTEN, &args) else {
            return;
        };
        assert_eq!(
            result["problems"],
            Json::Array(vec![]),
            "{id}: the instances"
        );
        assert_eq!(
            result["warnings"],
            Json::Array(vec![]),
            "{id}: pyxform warned"
        );
        let expected: String = profiles
            .iter()
            .map(|(_, p)| {
                let mut bytes = Vec::new();
                umbral::engine::assess(&pack, p, Locale::Es).write_json(&mut bytes);
                String::from_utf8(bytes).unwrap() + "\n"
            })
            .collect();
        let programme = pack.data.layers.len() > 2;
        check_round_trip(
            id,
            "XML instances flattened by Python as Kobo's CSV",
            &dir.join(format!("{id}-instances.csv")),
            result["csv"].as_str().unwrap(),
            programme,
            &expected,
        );
        total += profiles.len();
    }
    assert_eq!(total, 36);
    let _ = std::fs::remove_dir_all(&dir);
}
