//! The `umbral` command line: a thin shell over the engine and the packs that reads files and
//! standard input, prints reports, and turns every failure into a message and an exit code.
//!
//! Exit codes: 0 ok; 1 invalid input or pack; 2 usage or I/O error.

mod batch;
mod handoff;
pub mod text;
pub mod translation;
mod xlsform;

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine::{self, Locale, Pack, Profile};
use crate::packs::{self, Compiled, Diagnostic, Month, PackSource, SourceFile};

/// Exit code for invalid input or an invalid pack.
pub const EXIT_INVALID: u8 = 1;
/// Exit code for usage and I/O errors.
pub const EXIT_USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "umbral",
    version,
    about = "How ready a small enterprise is to sell online, and the low-cost steps that get it there.",
    after_help = "Exit codes: 0 ok, 1 invalid input or pack, 2 usage or I/O error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "parsed once from the arguments: its size costs nothing"
)]
enum Command {
    /// Score one profile and print its report.
    Assess {
        /// A pack id (mx, cl, bo, ...) or a pack folder. Default: the profile's country.
        #[arg(long)]
        pack: Option<String>,
        /// es, en, or a language the pack's translation files add
        /// (rules/<pack>/locales/<code>.toml): what is not translated yet reads in Spanish.
        #[arg(long, default_value = "es")]
        lang: String,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// The profile (JSON); '-' or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// Score many profiles: JSON Lines, CSV whose headers are dotted profile paths, a
    /// workspace hand-off file, or an export (CSV or JSON) of the form `umbral xlsform`
    /// writes, from KoboToolbox or ODK Central.
    Batch {
        #[arg(long)]
        pack: Option<String>,
        /// es, en, or a language the packs' translation files add (as for `assess`).
        #[arg(long, default_value = "es")]
        lang: String,
        /// What the input is; 'auto' looks at the file name and first characters (a
        /// workspace hand-off file is scored by each enterprise's latest visit; an export of
        /// the `umbral xlsform` form, from KoboToolbox or ODK Central, with the form's pack).
        #[arg(long, value_enum, default_value = "auto")]
        input: batch::Input,
        #[arg(long, value_enum, default_value = "jsonl")]
        output: batch::Output,
        /// Print one summary of all the profiles instead of a report per profile: stages,
        /// average scores, most common blockers by region and locality (see
        /// www/spec/summary.md).
        #[arg(long)]
        summary: bool,
        /// With --summary: a requirement a programme might set, in the condition language
        /// of rule packs (e.g. 'connectivity.internet >= mobile_data'); the summary says how
        /// many enterprises it would exclude. Repeatable.
        #[arg(long = "require", value_name = "CONDITION", requires = "summary")]
        require: Vec<String>,
        /// With --summary: what a programme could supply, as catalogue entry ids separated by
        /// commas (e.g. 'celular-usado,cfe-plan-datos'; `umbral catalog` lists them): how many
        /// enterprises need each, how many it would move up a rung and to which, where, what
        /// it costs once, a month and in a year; and what every enterprise's first steps cost.
        #[arg(long, value_name = "IDS", value_delimiter = ',', requires = "summary")]
        supply: Vec<String>,
        /// With --summary: count only enterprises in this region (e.g. MX-OAX).
        #[arg(long, requires = "summary")]
        region: Option<String>,
        /// With --summary: count only enterprises in this locality (urban, suburban, rural, remote).
        #[arg(long, requires = "summary")]
        locality: Option<String>,
        /// With --summary: count only enterprises of this sector (food, crafts, ...).
        #[arg(long, requires = "summary")]
        sector: Option<String>,
        /// With --summary: count only enterprises of hand-off files tagged with this programme
        /// (ignoring case and accents). Profiles without a hand-off file have no tags.
        #[arg(long, requires = "summary")]
        programme: Option<String>,
        /// With --summary: only enterprises tagged with this institution.
        #[arg(long, requires = "summary")]
        institution: Option<String>,
        /// With --summary: only enterprises tagged with this term (e.g. 2026-1).
        #[arg(long, requires = "summary")]
        term: Option<String>,
        /// With --summary: only enterprises tagged with this team.
        #[arg(long, requires = "summary")]
        team: Option<String>,
        /// With --summary: how to print it.
        #[arg(long, value_enum, default_value = "text", requires = "summary")]
        summary_format: batch::SummaryFormat,
        /// '-' or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// Write a pack's questionnaire as an XLSForm workbook, to publish on KoboToolbox or ODK
    /// Central; score what they export with `umbral batch`.
    Xlsform {
        /// A pack id (mx, cl, bo, a programme's) or a pack folder.
        #[arg(long)]
        pack: String,
        /// The languages of the form's labels, the default language first.
        #[arg(long, value_enum, value_delimiter = ',', default_value = "es,en")]
        lang: Vec<Lang>,
        /// Where to write the workbook; '-' writes it to standard output. Default:
        /// umbral-<pack>.xlsx.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Check rule packs and run their example profiles. Default: every pack under ./rules.
    Validate {
        /// Pack folders, or folders of pack folders.
        dirs: Vec<PathBuf>,
    },
    /// Print the translation file of a pack into another language (rules/<pack>/locales/<code>.toml),
    /// as a translator fills it in: every text of the pack's own layer with its Spanish (for the
    /// core pack also every word of the app, the engine and the consultants' pages and reports,
    /// what only consultants read last), what the file there already translates kept. `umbral
    /// validate` reports how much is done.
    Translation {
        /// A pack id (core, mx, cl, bo, a programme's) or a pack folder.
        #[arg(long)]
        pack: String,
        /// The language's ISO 639 code: nah (Náhuatl), qu (Quechua), ay (Aymara), …
        #[arg(long)]
        locale: String,
        /// Write it over rules/<pack>/locales/<code>.toml rather than print it (never
        /// redirect the printout onto that file: the shell empties it before it is read).
        #[arg(long)]
        write: bool,
    },
    /// List a pack's catalog with costs, links and the month each was checked.
    Catalog {
        #[arg(long, default_value = "mx")]
        pack: String,
        #[arg(long, value_enum, default_value = "es")]
        lang: Lang,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Print the JSON schema of the profile, the report or the hand-off file.
    Schema {
        #[arg(value_enum)]
        which: Schema,
    },
    /// Hand-off files (umbral.handoff/3, versions 2 and 1 read too): check, merge, CSV of latest reports, progress.
    Handoff {
        #[command(subcommand)]
        action: handoff::Action,
    },
    /// Write every pack, compiled: <id>.json, <id>.txt (the compact form the pages load), and <id>.es.txt and <id>.en.txt (the same in one language each, which the app loads).
    Compile {
        /// Where to write the <id>.json, <id>.txt, <id>.es.txt and <id>.en.txt files.
        #[arg(long, default_value = "dist/packs")]
        out: PathBuf,
        /// Pack folders to read instead of the built-in packs.
        dirs: Vec<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum Lang {
    Es,
    En,
}

impl From<Lang> for Locale {
    fn from(l: Lang) -> Locale {
        match l {
            Lang::Es => Locale::Es,
            Lang::En => Locale::En,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Text,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum Schema {
    Profile,
    Report,
    Handoff,
}

/// A failure with its exit code; the message is printed as `umbral: <message>`.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    fn invalid(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_INVALID,
            message: message.into(),
        }
    }

    /// A command given what it cannot do: exits as a usage error does.
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }

    fn io(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }
}

/// Runs the command line with the process's arguments.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli.command, &mut out);
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(code), Ok(())) => ExitCode::from(code),
        (Err(f), _) => {
            eprintln!("umbral: {}", f.message);
            ExitCode::from(f.code)
        }
        // A closed pipe (`umbral batch | head`) is not an error worth a message.
        (Ok(_), Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (Ok(_), Err(e)) => {
            eprintln!("umbral: cannot write the output: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn run(command: Command, out: &mut dyn Write) -> Result<u8, Failure> {
    match command {
        Command::Assess {
            pack,
            lang,
            format,
            file,
        } => assess(pack.as_deref(), &lang, format, file.as_deref(), out),
        Command::Batch {
            pack,
            lang,
            input,
            output,
            summary,
            require,
            supply,
            region,
            locality,
            sector,
            programme,
            institution,
            term,
            team,
            summary_format,
            file,
        } => {
            let mut library = Library::new(pack.as_deref())?.speaking(&lang)?;
            let locale = library.locale()?;
            let summary = if summary {
                let filter = crate::planner::Filter {
                    region,
                    locality,
                    sector,
                    cohort: crate::workspace::CohortFilter {
                        programme,
                        institution,
                        term,
                        team,
                    },
                };
                filter.check().map_err(Failure::invalid)?;
                let requirements = require
                    .iter()
                    .map(|r| crate::planner::Requirement::parse(r))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(Failure::invalid)?;
                Some(batch::SummaryOptions {
                    summary: crate::planner::Summary::new(locale, filter, requirements)
                        .with_supply(supply),
                    format: summary_format,
                })
            } else {
                None
            };
            let reader = open_input(file.as_deref())?;
            let csv_hint = file
                .as_deref()
                .is_some_and(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")));
            batch::run(
                &mut library,
                locale,
                input,
                output,
                summary,
                csv_hint,
                reader,
                out,
            )
        }
        Command::Xlsform { pack, lang, output } => {
            let languages: Vec<Locale> = lang.into_iter().map(Locale::from).collect();
            xlsform::run(&pack, &languages, output.as_deref(), out)
        }
        Command::Validate { dirs } => validate(&dirs, out),
        Command::Translation {
            pack,
            locale,
            write,
        } => translation::run(&pack, &locale, write, out),
        Command::Catalog { pack, lang, format } => {
            let mut library = Library::new(Some(&pack))?;
            let pack = library.fixed()?;
            match format {
                Format::Json => {
                    // Each entry with the currency its costs are in, as the text says them.
                    let currency = pack.data.currency.as_deref().unwrap_or("");
                    let entries: Vec<serde_json::Value> = pack
                        .data
                        .entries
                        .iter()
                        .map(|e| {
                            let mut value = serde_json::to_value(e).expect("entries serialize");
                            if let serde_json::Value::Object(map) = &mut value {
                                map.insert("currency".into(), currency.into());
                            }
                            value
                        })
                        .collect();
                    let json = serde_json::to_string_pretty(&entries).expect("entries serialize");
                    writeln!(out, "{json}").map_err(write_error)?;
                }
                Format::Text => text::catalog(&pack, lang.into(), out).map_err(write_error)?,
            }
            Ok(0)
        }
        Command::Schema { which } => {
            let text = match which {
                Schema::Profile => include_str!("../../www/spec/profile-v2.schema.json"),
                Schema::Report => include_str!("../../www/spec/report-v3.schema.json"),
                Schema::Handoff => include_str!("../../www/spec/handoff-v3.schema.json"),
            };
            out.write_all(text.as_bytes()).map_err(write_error)?;
            Ok(0)
        }
        Command::Compile { out: dir, dirs } => compile(&dir, &dirs, out),
        Command::Handoff { action } => handoff::run(action, out),
    }
}

fn write_error(e: io::Error) -> Failure {
    Failure::io(format!("cannot write the output: {e}"))
}

fn assess(
    pack: Option<&str>,
    lang: &str,
    format: Format,
    file: Option<&Path>,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let mut library = Library::new(pack)?.speaking(lang)?;
    let mut text = String::new();
    open_input(file)?
        .read_to_string(&mut text)
        .map_err(|e| Failure::io(format!("cannot read {}: {e}", describe(file))))?;
    let profile = Profile::from_json(&text).map_err(|e| {
        Failure::invalid(format!(
            "invalid profile in {}:\n{}",
            describe(file),
            bullet(e.0.iter().map(|e| e.to_string()))
        ))
    })?;
    library.for_profile(&profile)?;
    let locale = library.locale()?;
    let pack = library.for_profile(&profile)?;
    engine::check_profile(pack, &profile).map_err(|e| {
        Failure::invalid(format!(
            "invalid profile in {}:\n{}",
            describe(file),
            bullet(e.0.iter().map(|e| e.to_string()))
        ))
    })?;
    let report = engine::assess(pack, &profile, locale);
    match format {
        Format::Json => writeln!(out, "{}", report.to_json_pretty()),
        Format::Text => text::report(&report, pack, out),
    }
    .map_err(write_error)?;
    Ok(0)
}

fn bullet(lines: impl Iterator<Item = String>) -> String {
    lines
        .map(|l| format!("  - {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn describe(file: Option<&Path>) -> String {
    match file {
        None => "standard input".into(),
        Some(p) if p == Path::new("-") => "standard input".into(),
        Some(p) => p.display().to_string(),
    }
}

fn open_input(file: Option<&Path>) -> Result<Box<dyn io::BufRead>, Failure> {
    match file {
        None => Ok(Box::new(io::BufReader::new(io::stdin()))),
        Some(p) if p == Path::new("-") => Ok(Box::new(io::BufReader::new(io::stdin()))),
        Some(p) => fs::File::open(p)
            .map(|f| Box::new(io::BufReader::with_capacity(1 << 16, f)) as Box<dyn io::BufRead>)
            .map_err(|e| Failure::io(format!("cannot open {}: {e}", p.display()))),
    }
}

/// Today's month from the system clock, for the staleness warnings.
fn today() -> Option<Month> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(packs::month_from_unix(secs as i64))
}

/// Reads a pack folder from disk.
fn read_folder(dir: &Path) -> Result<PackSource, Failure> {
    Ok(PackSource {
        dir: dir.display().to_string(),
        files: toml_files(dir)?,
    })
}

/// The `*.toml` files of a folder, in name order.
fn toml_files(dir: &Path) -> Result<Vec<SourceFile>, Failure> {
    let entries = fs::read_dir(dir)
        .map_err(|e| Failure::io(format!("cannot read {}: {e}", dir.display())))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| Failure::io(format!("cannot read {}: {e}", dir.display())))?
            .path();
        if path.extension().is_some_and(|x| x == "toml") {
            let text = fs::read_to_string(&path)
                .map_err(|e| Failure::io(format!("cannot read {}: {e}", path.display())))?;
            files.push(SourceFile {
                path: path.display().to_string(),
                text,
            });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Pack folders under `dir`: the folder itself when it holds a pack.toml, else its subfolders
/// that do.
fn read_tree(dir: &Path) -> Result<Vec<PackSource>, Failure> {
    if dir.join("pack.toml").is_file() {
        return Ok(vec![read_folder(dir)?]);
    }
    let entries = fs::read_dir(dir)
        .map_err(|e| Failure::io(format!("cannot read {}: {e}", dir.display())))?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("pack.toml").is_file())
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        return Err(Failure::io(format!(
            "{} holds no pack: a pack folder has a pack.toml",
            dir.display()
        )));
    }
    dirs.iter().map(|d| read_folder(d)).collect()
}

/// Sources from disk take the place of built-in packs with the same id, so an edited copy of
/// `rules/mx` is what gets checked, while the packs it extends still resolve.
fn with_builtin(mut sources: Vec<PackSource>) -> Vec<PackSource> {
    let own = packs::pack_ids(&sources);
    for b in packs::builtin() {
        let id = packs::pack_ids(std::slice::from_ref(&b)).remove(0);
        if !own.contains(&id) {
            sources.push(b);
        }
    }
    sources
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut err = io::stderr().lock();
    for d in diagnostics {
        let _ = write!(err, "{d}");
    }
}

fn validate(dirs: &[PathBuf], out: &mut dyn Write) -> Result<u8, Failure> {
    let mut own = Vec::new();
    if dirs.is_empty() {
        own.extend(read_tree(Path::new("rules"))?);
    }
    for d in dirs {
        own.extend(read_tree(d)?);
    }
    let ids = packs::pack_ids(&own);
    let sources = with_builtin(own.clone());
    let mut translations = translation::Checker::new(translation::files(&own, &sources)?);
    let mut compile_layer = |id: &str| packs::compile(id, &sources, None).pack;
    let mut failed = false;
    for (id, src) in ids.iter().zip(&own) {
        let compiled = packs::compile(id, &sources, today());
        print_diagnostics(&compiled.diagnostics);
        let errors = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = compiled.diagnostics.len() - errors;
        let Some(pack) = compiled.pack else {
            failed = true;
            writeln!(out, "{id}: {errors} error(s), {warnings} warning(s)").map_err(write_error)?;
            continue;
        };
        let results = packs::examples::run(src, &pack);
        let mut example_errors = 0;
        for d in &results.diagnostics {
            example_errors += 1;
            print_diagnostics(std::slice::from_ref(d));
        }
        failed |= example_errors > 0;
        writeln!(
            out,
            "{id} {}: ok, {} entries, {} questions, {} example(s) passed{}{}",
            pack.data.version,
            pack.data.entries.len(),
            pack.data.questions.len(),
            results.passed,
            if example_errors > 0 {
                format!(", {example_errors} failed")
            } else {
                String::new()
            },
            if warnings > 0 {
                format!(", {warnings} warning(s)")
            } else {
                String::new()
            }
        )
        .map_err(write_error)?;
        translations.report(&pack, &mut compile_layer, out)?;
    }
    failed |= translations.failed;
    Ok(if failed { EXIT_INVALID } else { 0 })
}

fn compile(dir: &Path, dirs: &[PathBuf], out: &mut dyn Write) -> Result<u8, Failure> {
    let mut own = Vec::new();
    for d in dirs {
        own.extend(read_tree(d)?);
    }
    let sources = if own.is_empty() {
        packs::builtin()
    } else {
        with_builtin(own.clone())
    };
    fs::create_dir_all(dir)
        .map_err(|e| Failure::io(format!("cannot create {}: {e}", dir.display())))?;
    let mut translations = translation::Checker::new(translation::files(&own, &sources)?);
    let mut compile_layer = |id: &str| packs::compile(id, &sources, None).pack;
    let mut failed = false;
    for (id, compiled) in packs::compile_all(&sources, None) {
        print_diagnostics(&compiled.diagnostics);
        let Some(mut pack) = compiled.pack else {
            failed = true;
            continue;
        };
        // Only packs that can score a profile (those with a country) are useful in the app.
        if pack.data.country.is_none() {
            continue;
        }
        // In each language its reviewed translations add: Spanish with the translation in
        // place, and the app's words in it. Every form of the pack lists them.
        let languages = translations.for_the_app(&pack, &mut compile_layer);
        pack.languages = (languages.iter())
            .flat_map(|(code, name, _)| [code.clone(), name.clone()])
            .collect();
        let mut files = Vec::new();
        for (code, _, mut translated) in languages {
            translated.languages = pack.languages.clone();
            files.push((
                dir.join(format!("{id}.{code}.txt")),
                translated.to_compact_spanish(),
            ));
        }
        // JSON for scripts; the compact form for the pages; for the app, the compact form in
        // each language alone (its first load fetches only the one it shows).
        for (path, text) in [
            (dir.join(format!("{id}.json")), pack.to_json()),
            (dir.join(format!("{id}.txt")), pack.to_compact()),
            (dir.join(format!("{id}.es.txt")), pack.to_compact_spanish()),
            (dir.join(format!("{id}.en.txt")), pack.to_compact_english()),
        ]
        .into_iter()
        .chain(files)
        {
            fs::write(&path, &text)
                .map_err(|e| Failure::io(format!("cannot write {}: {e}", path.display())))?;
            writeln!(out, "{} ({} bytes)", path.display(), text.len()).map_err(write_error)?;
        }
    }
    failed |= translations.failed;
    Ok(if failed { EXIT_INVALID } else { 0 })
}

/// The packs a command may use: compiled once each, on first use.
pub(crate) struct Library {
    /// The packs read from folders (`--pack`'s), whose translations are read from disk.
    own: Vec<PackSource>,
    sources: Vec<PackSource>,
    /// The pack `--pack` named, if any: every profile is scored with it.
    fixed: Option<String>,
    compiled: Vec<(String, Pack)>,
    /// The language the reports are in when it is Spanish or English (`--lang`).
    lang: Locale,
    /// The language a translation adds that the packs are given in, if any (`--lang qu`).
    speaking: Option<translation::Speaking>,
}

impl Library {
    fn new(pack: Option<&str>) -> Result<Library, Failure> {
        let mut sources = packs::builtin();
        let mut own = Vec::new();
        let mut fixed = pack.map(str::to_string);
        if let Some(p) = pack {
            let path = Path::new(p);
            if path.join("pack.toml").is_file() {
                own = vec![read_folder(path)?];
                fixed = Some(packs::pack_ids(&own).remove(0));
                sources = with_builtin(own.clone());
            } else if path.components().count() > 1 || path.is_dir() {
                return Err(Failure::io(format!(
                    "{p} is not a pack folder: it has no pack.toml"
                )));
            }
        }
        Ok(Library {
            own,
            sources,
            fixed,
            compiled: Vec::new(),
            lang: Locale::Es,
            speaking: None,
        })
    }

    /// The library with its packs in `lang`: `es` and `en` as every pack has them, or a
    /// language their translation files add (checked to name one here, the files read when a
    /// pack is first asked for).
    fn speaking(mut self, lang: &str) -> Result<Library, Failure> {
        self.lang = match lang {
            "es" => Locale::Es,
            "en" => Locale::En,
            code => {
                let speaking = translation::Speaking::new(code, &self.own, &self.sources)?;
                self.speaking = Some(speaking);
                Locale::Es
            }
        };
        Ok(self)
    }

    /// The locale to report in. For an added language, made from the first pack translated:
    /// when none is yet, the one `--pack` named, else the core pack, whose translation holds
    /// the words every report says.
    fn locale(&mut self) -> Result<Locale, Failure> {
        if self.speaking.is_none() {
            return Ok(self.lang);
        }
        if self.compiled.is_empty() {
            let id = self.fixed.clone().unwrap_or_else(|| "core".into());
            self.get(&id)?;
        }
        let locale = self
            .speaking
            .as_ref()
            .and_then(translation::Speaking::locale);
        locale.ok_or_else(|| Failure::invalid("no pack was translated to report in"))
    }

    fn get(&mut self, id: &str) -> Result<&Pack, Failure> {
        if let Some(i) = self.compiled.iter().position(|(x, _)| x == id) {
            return Ok(&self.compiled[i].1);
        }
        let ids = packs::pack_ids(&self.sources);
        if !ids.iter().any(|x| x == id) {
            return Err(Failure::invalid(format!(
                "unknown pack '{id}'; known packs: {}",
                ids.join(", ")
            )));
        }
        let Compiled { pack, diagnostics } = packs::compile(id, &self.sources, None);
        let Some(mut pack) = pack else {
            print_diagnostics(&diagnostics);
            return Err(Failure::invalid(format!("pack '{id}' is not valid")));
        };
        if let Some(speaking) = &mut self.speaking {
            pack = speaking.translate(&pack, &self.sources)?;
        }
        self.compiled.push((id.to_string(), pack));
        Ok(&self.compiled.last().expect("just pushed").1)
    }

    fn fixed(&mut self) -> Result<Pack, Failure> {
        let id = self.fixed.clone().unwrap_or_else(|| "mx".into());
        self.get(&id).cloned()
    }

    /// The pack for a profile: the one `--pack` named, or its country's.
    pub(crate) fn for_profile(&mut self, profile: &Profile) -> Result<&Pack, Failure> {
        let id = match &self.fixed {
            Some(id) => id.clone(),
            None => profile.country.to_ascii_lowercase(),
        };
        self.get(&id)
    }
}
