//! Diagnostics: one problem in a pack source, with file, line, column and a caret under the
//! spot, rendered the way compilers do.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a pack's sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, as given to the loader (e.g. `rules/mx/catalog.toml`); empty when the problem
    /// is not in any one file.
    pub file: String,
    /// 1-based line and column (in characters); 0 when there is no file.
    pub line: usize,
    pub column: usize,
    /// How many characters the caret underlines (at least 1).
    pub width: usize,
    /// The source line the problem is on, for the caret.
    pub source_line: String,
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at a byte range of a file's text.
    pub fn at(
        severity: Severity,
        file: &str,
        text: &str,
        start: usize,
        end: usize,
        message: String,
    ) -> Diagnostic {
        let start = floor_char_boundary(text, start.min(text.len()));
        let end = floor_char_boundary(text, end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let width = text[start..end.min(line_end).max(start)]
            .chars()
            .count()
            .max(1);
        Diagnostic {
            severity,
            file: file.to_string(),
            line,
            column,
            width,
            source_line: text[line_start..line_end]
                .trim_end_matches('\r')
                .to_string(),
            message,
        }
    }

    /// A diagnostic about a pack as a whole or a missing file.
    pub fn general(severity: Severity, file: &str, message: String) -> Diagnostic {
        Diagnostic {
            severity,
            file: file.to_string(),
            line: 0,
            column: 0,
            width: 0,
            source_line: String::new(),
            message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        if self.line == 0 {
            if !self.file.is_empty() {
                writeln!(f, "  --> {}", self.file)?;
            }
            return Ok(());
        }
        let number = self.line.to_string();
        let pad = " ".repeat(number.len());
        writeln!(f, "{pad}--> {}:{}:{}", self.file, self.line, self.column)?;
        writeln!(f, "{pad} |")?;
        writeln!(f, "{number} | {}", self.source_line)?;
        let lead: String = self
            .source_line
            .chars()
            .take(self.column - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        writeln!(f, "{pad} | {lead}{}", "^".repeat(self.width))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_with_a_caret() {
        let text = "[pack]\nid = \"mx\"\nversión = 1\n";
        let start = text.find("versión").unwrap();
        let d = Diagnostic::at(
            Severity::Error,
            "rules/mx/pack.toml",
            text,
            start,
            start + "versión".len(),
            "unknown field 'versión'".into(),
        );
        assert_eq!(
            d.to_string(),
            "error: unknown field 'versión'\n --> rules/mx/pack.toml:3:1\n  |\n3 | versión = 1\n  | ^^^^^^^\n"
        );
    }
}
