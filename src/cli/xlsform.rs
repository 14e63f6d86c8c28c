//! `umbral xlsform`: writes a pack's questionnaire as an XLSForm workbook (`.xlsx`) for ODK
//! and KoboToolbox. The rows come from [`crate::form::build`]; this shell only lays them into
//! sheets with `rust_xlsxwriter` and writes the file.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::{write_error, Failure, Library};
use crate::engine::Locale;
use crate::form::{self, Form};

/// Writes `pack`'s form in `languages` to `out_path` ('-': standard output) and says what it
/// wrote on `out` (unless the workbook itself went there).
pub fn run(
    pack: &str,
    languages: &[Locale],
    out_path: Option<&Path>,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let mut library = Library::new(Some(pack))?;
    let pack = library.fixed()?;
    let form = form::build(&pack, languages).map_err(|e| {
        Failure::invalid(format!(
            "pack '{}' cannot be written as an XLSForm:\n  - {}",
            pack.data.id,
            e.0.join("\n  - ")
        ))
    })?;
    let bytes =
        workbook(&form).map_err(|e| Failure::io(format!("cannot build the workbook: {e}")))?;
    let default_name = format!("umbral-{}.xlsx", pack.data.id);
    let path = out_path.unwrap_or(Path::new(&default_name));
    if path == Path::new("-") {
        out.write_all(&bytes).map_err(write_error)?;
        return Ok(0);
    }
    std::fs::write(path, &bytes)
        .map_err(|e| Failure::io(format!("cannot write {}: {e}", path.display())))?;
    let survey_rows = form.survey().len() - 1;
    let choice_rows = form.choices().len() - 1;
    writeln!(
        out,
        "{} ({} bytes): form {} version {}, {} questions, {survey_rows} survey rows, {choice_rows} choices, languages {}",
        path.display(),
        bytes.len(),
        form.id,
        form.version,
        form.questions.len(),
        form.languages
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(", ")
    )
    .map_err(write_error)?;
    Ok(0)
}

/// The form's three sheets as an `.xlsx` file. Every cell is text, as XLSForm reads it. The
/// document's dates are fixed, so the same pack always gives the same bytes.
fn workbook(form: &Form) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2026, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(&form.titles[0])
            .set_creation_datetime(&fixed),
    );
    let bold = Format::new().set_bold();
    for (name, rows) in form.sheets() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                if r == 0 {
                    sheet.write_string_with_format(r as u32, c as u16, cell, &bold)?;
                } else {
                    sheet.write_string(r as u32, c as u16, cell)?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        // Readable widths: names narrow, texts wide.
        if let Some(header) = rows.first() {
            for (c, title) in header.iter().enumerate() {
                let width = if title.starts_with("label") || title.starts_with("hint") {
                    48
                } else if title == "relevant" || title == "constraint" || title == "type" {
                    32
                } else {
                    18
                };
                sheet.set_column_width(c as u16, width)?;
            }
        }
    }
    workbook.save_to_buffer()
}
