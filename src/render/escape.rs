//! Escaping user text for the Markdown document, one function per context:
//!
//! - [`inline`]: plain text on one line (headings, list items, link text): every Markdown
//!   character (`\ ` * _ [ ] < > | ~ #`, an `&` that could start an entity) is backslash-escaped,
//!   a line-start marker (`-`, `+`, `=`, `1.`) is neutralised, and all whitespace, newlines
//!   included, collapses to single spaces.
//! - [`prose`]: plain text as paragraphs: like [`inline`] for each paragraph; blank lines in the
//!   text still separate paragraphs, single newlines become spaces.
//! - [`cell`]: plain text in a GFM table cell: [`inline`] (so `|` is `\|` and there is no newline).
//! - [`markdown`]: Markdown the user wrote on purpose (`description`, `foreword`): passed through,
//!   with trailing spaces removed and its headings demoted below the heading it sits under.
//! - [`markdown_cell`]: such Markdown inside a table cell: flattened to one line (newlines become
//!   spaces; raw HTML is not used in these documents, so no `<br>`), unescaped `|` escaped.
//! - [`yaml_scalar`]: a front-matter value.
//! - [`mermaid_text`]: a label inside a Mermaid block, kept as written: the characters Mermaid
//!   reads as syntax (`: ; # , [ ] { } " \``) as Mermaid entity codes (`#58;`), newlines spaces.

/// Characters that are backslash-escaped wherever they occur in plain text.
fn is_special(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#'
    )
}

/// Whether [`inline`] would change `text` (false for most names and codes, which then need no
/// copy).
pub fn inline_is_identity(text: &str) -> bool {
    let bytes = text.as_bytes();
    match bytes.first() {
        None => return true,
        Some(b) if b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'=' | b' ') => return false,
        _ => {}
    }
    if bytes.last() == Some(&b' ') {
        return false;
    }
    let mut previous_space = false;
    for &b in bytes {
        match b {
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'|' | b'~' | b'#' | b'&' => {
                return false;
            }
            b' ' => {
                if previous_space {
                    return false;
                }
                previous_space = true;
                continue;
            }
            b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => return false,
            // Control characters (from YAML escapes such as `\e`) are dropped.
            0x00..=0x1f | 0x7f => return false,
            // Non-ASCII whitespace (e.g. a no-break space) takes the careful path.
            0xc2 | 0xe1 | 0xe2 | 0xe3 => return false,
            _ => {}
        }
        previous_space = false;
    }
    true
}

/// Escape plain text as one line of inline Markdown.
pub fn inline(text: &str) -> String {
    if inline_is_identity(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.split_whitespace().flat_map(|w| {
        // Re-join the words with single spaces.
        std::iter::once(' ').chain(w.chars())
    });
    // Skip the leading space produced by the first word.
    chars.next();
    let collapsed: Vec<char> = chars.collect();
    // Line-start markers: a list bullet, a setext underline, an ordered-list number.
    let mut start = 0;
    if let Some(&first) = collapsed.first() {
        if matches!(first, '-' | '+' | '=') {
            out.push('\\');
            out.push(first);
            start = 1;
        } else if first.is_ascii_digit() {
            let digits = collapsed.iter().take_while(|c| c.is_ascii_digit()).count();
            let after = collapsed.get(digits).copied();
            let next = collapsed.get(digits + 1).copied();
            if digits <= 9
                && matches!(after, Some('.') | Some(')'))
                && matches!(next, None | Some(' '))
            {
                out.extend(collapsed.iter().take(digits));
                out.push('\\');
                if let Some(a) = after {
                    out.push(a);
                }
                start = digits + 1;
            }
        }
    }
    let rest = collapsed.get(start..).unwrap_or(&[]);
    for (i, &c) in rest.iter().enumerate() {
        if is_special(c) {
            out.push('\\');
            out.push(c);
        } else if c.is_control() {
            // A terminal escape or bell from a YAML escape never reaches the document.
        } else if c == '&' {
            let next = rest.get(i + 1).copied();
            if next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#') {
                out.push('\\');
            }
            out.push('&');
        } else {
            out.push(c);
        }
    }
    out
}

/// Escape plain text as one or more paragraphs (separated by a blank line).
pub fn prose(text: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.trim().is_empty() {
                paragraphs.push(inline(&current));
            }
            current.clear();
        } else {
            current.push(' ');
            current.push_str(line);
        }
    }
    if !current.trim().is_empty() {
        paragraphs.push(inline(&current));
    }
    paragraphs.join("\n\n")
}

/// Escape plain text for a GFM table cell.
pub fn cell(text: &str) -> String {
    inline(text)
}

/// User Markdown, parsed on its own and re-emitted so nothing leaks past its end (see
/// [`super::user_markdown`]): what it opens is closed, raw HTML is shown as text, comments (and
/// so `pdf:` markers) are dropped, and every heading form is shifted so the highest becomes
/// level `min_level` when 1..=6 (never beyond 6): a description cannot open a new chapter in
/// the middle of another.
pub fn markdown(text: &str, min_level: usize) -> String {
    super::user_markdown::sanitize(text, min_level).0
}

/// `text` without control characters other than tab and line breaks (the last guard of the
/// rendered document: whatever a template prints, no terminal escape reaches masterplan.md).
pub fn drop_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let stray = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if text.chars().any(stray) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !stray(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// User Markdown flattened into a single table-cell line; sanitized first like [`markdown`],
/// so no raw HTML or `pdf:` marker reaches the cell.
pub fn markdown_cell(text: &str) -> String {
    let text = super::user_markdown::sanitize(text, 6).0;
    let mut out = String::with_capacity(text.len() + 8);
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // Escape every `|` that is not already escaped.
    let mut escaped = String::with_capacity(out.len() + 4);
    let mut backslashes = 0usize;
    for c in out.chars() {
        if c == '|' && backslashes.is_multiple_of(2) {
            escaped.push('\\');
        }
        if c == '\\' {
            backslashes += 1;
        } else {
            backslashes = 0;
        }
        escaped.push(c);
    }
    escaped
}

/// Track fenced code blocks. Returns true when `line` opens or closes a fence.
pub(crate) fn update_fence(line: &str, fence: &mut Option<(char, usize)>) -> bool {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return false;
    }
    let Some(c) = trimmed.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return false;
    };
    let run = trimmed.len() - trimmed.trim_start_matches(c).len();
    if run < 3 {
        return false;
    }
    match *fence {
        None => {
            // A backtick fence's info string may not contain backticks.
            let info = trimmed.get(run..).unwrap_or("");
            if c == '`' && info.contains('`') {
                return false;
            }
            *fence = Some((c, run));
            true
        }
        Some((open, len)) => {
            let rest = trimmed.get(run..).unwrap_or("");
            if c == open && run >= len && rest.trim().is_empty() {
                *fence = None;
                true
            } else {
                false
            }
        }
    }
}

/// A YAML scalar for the front matter: plain when that is unambiguous, else double-quoted.
pub fn yaml_scalar(text: &str) -> String {
    let plain_char = |c: char| {
        c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '–' | '\'')
    };
    let looks_special = {
        let lower = text.to_ascii_lowercase();
        matches!(
            lower.as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | "y" | "n"
        ) || text.parse::<f64>().is_ok()
    };
    let plain = !text.is_empty()
        && !looks_special
        && text.chars().next().is_some_and(char::is_alphanumeric)
        && !text.ends_with(' ')
        && text.chars().all(plain_char);
    if plain {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text safe inside a Mermaid line (task names, section and axis labels, titles), kept as the
/// user wrote it: the characters Mermaid reads as syntax are written as Mermaid entity codes,
/// which every Mermaid renderer (and the PDF typesetter) shows as the character itself: `:`
/// `#58;`, `;` `#59;`, `#` `#35;`, `,` `#44;`, brackets and braces `#91;` `#93;` `#123;` `#125;`,
/// `"` `#quot;`, `` ` `` `#96;`. Line breaks and other controls become spaces.
pub fn mermaid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.trim().chars() {
        match c {
            ':' => out.push_str("#58;"),
            ';' => out.push_str("#59;"),
            '#' => out.push_str("#35;"),
            ',' => out.push_str("#44;"),
            '[' => out.push_str("#91;"),
            ']' => out.push_str("#93;"),
            '{' => out.push_str("#123;"),
            '}' => out.push_str("#125;"),
            '"' => out.push_str("#quot;"),
            '`' => out.push_str("#96;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_markdown_characters() {
        assert_eq!(inline("a|b"), "a\\|b");
        assert_eq!(inline("*bold* and _it_"), "\\*bold\\* and \\_it\\_");
        assert_eq!(inline("<script>"), "\\<script\\>");
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(
            inline("[link](x) `code` ~x~"),
            "\\[link\\](x) \\`code\\` \\~x\\~"
        );
        assert_eq!(inline("back\\slash"), "back\\\\slash");
        assert_eq!(inline("P&K &amp; R & D"), "P\\&K \\&amp; R & D");
        assert_eq!(inline("line1\nline2\r\n  line3"), "line1 line2 line3");
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("2023. Tahun"), "2023\\. Tahun");
        assert_eq!(inline("1) satu"), "1\\) satu");
        assert_eq!(inline("1.000 UKM"), "1.000 UKM");
        assert_eq!(inline("-5 derajat"), "\\-5 derajat");
        assert_eq!(inline("  "), "");
        assert_eq!(inline("a\u{1b}[31mb\u{7}\u{0}"), "a\\[31mb");
        assert_eq!(drop_controls("x\u{1b}y\nz"), "xy\nz");
        for s in [
            "Smart Governance",
            "GOV-01",
            "a  b",
            " a",
            "a ",
            "2023",
            "a\u{a0}b",
            "x_y",
            "é ü",
        ] {
            let slow = {
                let words: Vec<&str> = s.split_whitespace().collect();
                words.join(" ") == s
                    && !s.starts_with(|c: char| c.is_ascii_digit() || "-+=".contains(c))
                    && !s.contains(|c: char| "\\`*_[]<>|~#&".contains(c))
            };
            assert_eq!(inline_is_identity(s), slow, "{s:?}");
        }
    }

    #[test]
    fn prose_keeps_paragraphs() {
        assert_eq!(prose("satu\ndua\n\n\ntiga *x*"), "satu dua\n\ntiga \\*x\\*");
        assert_eq!(prose(""), "");
    }

    #[test]
    fn cell_never_breaks_a_table() {
        let c = cell("a | b\nc\n\nd _e_ #f <g>");
        assert_eq!(c, "a \\| b c d \\_e\\_ \\#f \\<g\\>");
        assert!(!c.contains('\n'));
        let m = markdown_cell("**Tebal** | x\n\n- satu\n- dua \\| tiga");
        assert_eq!(m, "**Tebal** \\| x - satu - dua \\| tiga");
        assert!(!m.contains('\n'));
        assert_eq!(markdown_cell("a <!-- pdf:skip --> b"), "a b");
    }

    #[test]
    fn markdown_passes_through_and_demotes_headings() {
        let src = "\n# Judul\n\nTeks **tebal**  \n\n## Sub\n```\n# kode\n```\n\n";
        assert_eq!(
            markdown(src, 4),
            "#### Judul\n\nTeks **tebal**\n\n##### Sub\n\n```\n# kode\n```"
        );
        assert_eq!(markdown("# A\n###### B", 3), "### A\n\n###### B");
        assert_eq!(markdown("#### A", 2), "#### A");
        assert_eq!(markdown("#hashtag", 4), "\\#hashtag");
        assert_eq!(markdown("Judul\n===", 4), "#### Judul");
        assert_eq!(markdown("<!-- pdf:skip -->\n\n```\nx", 4), "```\nx\n```");
        assert_eq!(markdown("", 4), "");
    }

    #[test]
    fn yaml_and_mermaid() {
        assert_eq!(yaml_scalar("Kabupaten Banggai"), "Kabupaten Banggai");
        assert_eq!(yaml_scalar("2023–2032"), "2023–2032");
        assert_eq!(yaml_scalar("a: b"), "\"a: b\"");
        assert_eq!(yaml_scalar("2023"), "\"2023\"");
        assert_eq!(yaml_scalar("yes"), "\"yes\"");
        assert_eq!(yaml_scalar("Say \"hi\""), "\"Say \\\"hi\\\"\"");
        assert_eq!(yaml_scalar(""), "\"\"");
        assert_eq!(
            mermaid_text("Layanan: \"Satu\"; #1,\n baru"),
            "Layanan#58; #quot;Satu#quot;#59; #35;1#44;  baru"
        );
        assert_eq!(mermaid_text("\"Lapor Buton\""), "#quot;Lapor Buton#quot;");
        assert_eq!(mermaid_text("10:30"), "10#58;30");
        // The chart reads the codes back: the text as written.
        for text in [
            "Layanan: \"Satu\"; #1, [a] {b}",
            "\"Lapor Buton\"",
            "a – b: c",
        ] {
            assert_eq!(crate::typeset::chart::clean(&mermaid_text(text)), text);
        }
    }
}
