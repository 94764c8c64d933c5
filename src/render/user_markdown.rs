//! User Markdown (`description`, `foreword`): parsed on its own and written out again, so that
//! nothing in it can reach past its own end into the document.
//!
//! What a user field may hold (docs/reference/input.md, "Markdown in user fields"):
//! paragraphs, `*emphasis*`, `**strong**`, `~~strikethrough~~`, `` `code` ``, links, bullet,
//! numbered and task lists, block quotes, fenced code blocks, tables and thematic breaks, and
//! headings, which are demoted below the container's level. Everything is re-emitted from the
//! parse, so whatever the field opens is closed at its end (an unclosed fence, list or quote is
//! closed), every heading form (ATX and setext) comes out as a demoted ATX heading, raw HTML is
//! shown as text (`<script>` stays visible as `<script>`), HTML comments are dropped (so no
//! `<!-- pdf:... -->` marker of the typesetter can come from a user field), images are kept as
//! their text, and containers nested deeper than [`MAX_DEPTH`] are flattened. What was
//! neutralised is reported, so check and generate can warn.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Lists and quotes nested deeper than this are flattened (the typesetter does the same).
pub const MAX_DEPTH: usize = 16;

/// What [`sanitize`] changed in a field, beyond re-spelling it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Neutralised {
    pub raw_html: bool,
    pub html_comment: bool,
    pub image: bool,
    pub unclosed_fence: bool,
    pub too_deep: bool,
    pub control: bool,
}

impl Neutralised {
    pub fn any(&self) -> bool {
        self.raw_html
            || self.html_comment
            || self.image
            || self.unclosed_fence
            || self.too_deep
            || self.control
    }

    /// The list of what was neutralised, in words.
    pub fn describe(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.raw_html {
            out.push("raw HTML (shown as text)");
        }
        if self.html_comment {
            out.push("an HTML comment (dropped)");
        }
        if self.unclosed_fence {
            out.push("an unclosed code fence (closed at the end of the field)");
        }
        if self.image {
            out.push("an image (kept as its text)");
        }
        if self.too_deep {
            out.push("lists or quotes nested deeper than 16 levels (flattened)");
        }
        if self.control {
            out.push("control characters (dropped)");
        }
        out
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// One open block container.
enum Container {
    Quote,
    /// A list item: the marker (`- `, `3. `) still to write on its first line, and the indent
    /// of its continuation lines.
    Item {
        marker: Option<String>,
        indent: usize,
    },
}

struct Writer {
    out: String,
    containers: Vec<Container>,
    /// Depth of containers opened beyond [`MAX_DEPTH`] (not written).
    flattened: usize,
    /// Per open list: the next number (None for a bullet list).
    lists: Vec<Option<u64>>,
    at_line_start: bool,
    /// Something has been written in the innermost container (so the next block needs a
    /// separator); `tight` when that was the inline text of a tight list item.
    has_content: Vec<bool>,
    tight_text: bool,
    /// Inside a table cell (code spans escape `|`).
    in_cell: bool,
    /// How many levels headings are demoted.
    shift: usize,
    in_heading: bool,
    code_info: String,
    aligns: Vec<Alignment>,
    /// The destinations of the open links.
    /// (`None` for a link inside a link's text, kept as its text: links do not nest.)
    links: Vec<Option<String>>,
    /// Inside an image: its text is kept, the image dropped.
    image: usize,
    html_block: Option<String>,
    code_block: Option<String>,
    found: Neutralised,
}

/// The highest heading level in `text` (1 for `#` and `===`), if any.
fn top_heading(text: &str) -> Option<usize> {
    Parser::new_ext(text, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level_number(level)),
            _ => None,
        })
        .min()
}

fn level_number(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Control characters other than tab and line breaks.
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Re-emit user Markdown so it stays inside its container; headings are shifted so the
/// highest becomes `min_level` (when 1..=6 and the highest is above it; never beyond 6).
pub fn sanitize(text: &str, min_level: usize) -> (String, Neutralised) {
    let mut found = Neutralised::default();
    let cleaned: String;
    let text = if text.chars().any(is_stray_control) {
        found.control = true;
        cleaned = text.chars().filter(|c| !is_stray_control(*c)).collect();
        &cleaned
    } else {
        text
    };
    let shift = match (top_heading(text), min_level) {
        (Some(t), 1..=6) if t < min_level => min_level - t,
        _ => 0,
    };
    let mut w = Writer::new(text.len() + text.len() / 8 + 16, shift, found);
    let mut fence_open = false;
    for event in Parser::new_ext(text, options()) {
        if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) = event {
            fence_open = true;
        }
        if let Event::End(TagEnd::CodeBlock) = event {
            fence_open = false;
        }
        w.event(event);
    }
    // An unclosed fence runs to the end of the field: it is closed there (by the writer); say so.
    if fence_open || unclosed_fence(text) {
        w.found.unclosed_fence = true;
    }
    let out = w.out.trim_end().to_string();
    (out, w.found)
}

/// True when a fenced code block of `text` has no closing fence.
fn unclosed_fence(text: &str) -> bool {
    let mut fence = None;
    for line in text.lines() {
        super::escape::update_fence(line, &mut fence);
    }
    fence.is_some()
}

/// Escape text so it reads as itself in inline Markdown; `line_start` when it begins a line.
fn escape_text(text: &str, line_start: bool, out: &mut String) {
    let text = if line_start { text.trim_start() } else { text };
    let mut start = 0;
    if line_start {
        let bytes = text.as_bytes();
        match bytes.first() {
            Some(b'-' | b'+' | b'=') => {
                out.push('\\');
                out.push(char::from(bytes[0]));
                start = 1;
            }
            Some(b) if b.is_ascii_digit() => {
                let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
                if matches!(bytes.get(digits), Some(b'.' | b')')) {
                    out.push_str(&text[..digits]);
                    out.push('\\');
                    start = digits;
                }
            }
            _ => {}
        }
    }
    let rest = &text[start..];
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '&' => {
                if chars
                    .peek()
                    .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#')
                {
                    out.push('\\');
                }
                out.push('&');
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// A link destination that cannot end the link early or open anything.
fn escape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            '|' => out.push_str("%7C"),
            '`' => out.push_str("%60"),
            c if c.is_control() || c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

impl Writer {
    fn depth_ok(&self) -> bool {
        self.containers.len() < MAX_DEPTH
    }

    /// The prefix of a new line: `> ` for quotes, the marker or indent of list items.
    fn prefix(&mut self) {
        let mut p = String::new();
        for c in &mut self.containers {
            match c {
                Container::Quote => p.push_str("> "),
                Container::Item { marker, indent } => match marker.take() {
                    Some(m) => p.push_str(&m),
                    None => p.push_str(&" ".repeat(*indent)),
                },
            }
        }
        self.out.push_str(&p);
    }

    fn write(&mut self, s: &str) {
        if self.at_line_start {
            self.prefix();
            self.at_line_start = false;
        }
        self.out.push_str(s);
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.at_line_start = true;
    }

    /// A blank line inside the current containers (quotes keep their `>`).
    fn blank_line(&mut self) {
        if !self.at_line_start {
            self.newline();
        }
        let mut p = String::new();
        for c in &self.containers {
            match c {
                Container::Quote => p.push_str("> "),
                Container::Item { indent, .. } => p.push_str(&" ".repeat(*indent)),
            }
        }
        self.out.push_str(p.trim_end());
        self.newline();
    }

    /// Before a block: separate it from what came before in the same container.
    fn start_block(&mut self) {
        let has = self.has_content.last().copied().unwrap_or(false);
        if has {
            if self.tight_text {
                if !self.at_line_start {
                    self.newline();
                }
            } else {
                self.blank_line();
            }
        }
        self.tight_text = false;
        if let Some(h) = self.has_content.last_mut() {
            *h = true;
        }
    }

    fn end_block(&mut self) {
        if !self.at_line_start {
            self.newline();
        }
    }

    fn text(&mut self, t: &str) {
        // Inline text straight in a list item (a tight list).
        if self.at_line_start
            && matches!(self.containers.last(), Some(Container::Item { .. }))
            && !self.has_content.last().copied().unwrap_or(true)
        {
            if let Some(h) = self.has_content.last_mut() {
                *h = true;
            }
            self.tight_text = true;
        }
        let line_start = self.at_line_start
            || self.containers.last().is_some_and(|c| {
                matches!(
                    c,
                    Container::Item {
                        marker: Some(_),
                        ..
                    }
                )
            });
        let mut s = String::with_capacity(t.len() + 8);
        escape_text(t, line_start, &mut s);
        self.write(&s);
    }

    fn code_span(&mut self, t: &str) {
        let longest = longest_run(t, '`');
        let ticks = "`".repeat(longest + 1);
        let t = t.replace(['\n', '\r'], " ");
        let t = if self.in_cell {
            t.replace('|', "\\|")
        } else {
            t
        };
        let pad = t.starts_with('`') || t.ends_with('`') || t.starts_with(' ') || t.ends_with(' ');
        self.write(&ticks);
        if pad {
            self.write(" ");
        }
        self.write(&t);
        if pad {
            self.write(" ");
        }
        self.write(&ticks);
    }

    fn html(&mut self, html: &str) {
        // Comments go entirely; other HTML is shown as the text it is.
        let mut rest = html;
        let mut shown = String::new();
        while let Some(i) = rest.find("<!--") {
            shown.push_str(&rest[..i]);
            self.found.html_comment = true;
            match rest[i + 4..].find("-->") {
                Some(j) => rest = &rest[i + 4 + j + 3..],
                None => rest = "",
            }
        }
        shown.push_str(rest);
        if !shown.trim().is_empty() {
            self.found.raw_html = true;
            self.text(&shown);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if let Some(buf) = &mut self.code_block {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let body = self.code_block.take().unwrap_or_default();
                    self.code_body(&body);
                }
                _ => {}
            }
            return;
        }
        if let Some(buf) = &mut self.html_block {
            match event {
                Event::Html(t) | Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::HtmlBlock) => {
                    let body = self.html_block.take().unwrap_or_default();
                    let keep = {
                        let mut probe = Writer::probe();
                        probe.html(&body);
                        !probe.out.is_empty()
                    };
                    if keep {
                        self.start_block();
                    }
                    self.html(&body);
                    if keep {
                        self.end_block();
                    }
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => self.code_span(&t),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::Html(t) | Event::InlineHtml(t) => self.html(&t),
            Event::FootnoteReference(t) => self.text(&format!("[^{t}]")),
            // A soft break stays a line break (the text reads as written); the next line's
            // text is escaped as a line start, so it cannot open a block.
            Event::SoftBreak if self.in_cell || self.in_heading => self.write(" "),
            Event::SoftBreak => self.newline(),
            Event::HardBreak => {
                if self.in_cell || self.in_heading {
                    self.write(" ");
                } else {
                    self.write("\\");
                    self.newline();
                }
            }
            Event::Rule => {
                self.start_block();
                self.write("***");
                self.end_block();
            }
            Event::TaskListMarker(done) => self.write(if done { "[x] " } else { "[ ] " }),
        }
    }

    fn new(capacity: usize, shift: usize, found: Neutralised) -> Writer {
        Writer {
            out: String::with_capacity(capacity),
            containers: Vec::new(),
            flattened: 0,
            lists: Vec::new(),
            at_line_start: true,
            has_content: vec![false],
            tight_text: false,
            in_cell: false,
            shift,
            in_heading: false,
            code_info: String::new(),
            aligns: Vec::new(),
            links: Vec::new(),
            image: 0,
            html_block: None,
            code_block: None,
            found,
        }
    }

    /// A writer used only to see what [`Writer::html`] would keep.
    fn probe() -> Writer {
        Writer::new(0, 0, Neutralised::default())
    }

    fn code_body(&mut self, body: &str) {
        let info = std::mem::take(&mut self.code_info);
        let fence = "`".repeat(longest_run(body, '`').max(2) + 1);
        self.write(&fence);
        self.write(&info);
        self.newline();
        for line in body.lines() {
            self.write(line);
            self.newline();
        }
        self.write(&fence);
        self.end_block();
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => self.start_block(),
            Tag::Heading { level, .. } => {
                self.start_block();
                let n = (level_number(level) + self.shift).min(6);
                self.write(&"#".repeat(n));
                self.write(" ");
                self.in_heading = true;
            }
            Tag::BlockQuote(_) => {
                self.start_block();
                if self.depth_ok() {
                    self.containers.push(Container::Quote);
                    self.has_content.push(false);
                } else {
                    self.found.too_deep = true;
                    self.flattened += 1;
                }
            }
            Tag::CodeBlock(kind) => {
                self.start_block();
                self.code_info = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split_whitespace()
                        .next()
                        .filter(|w| {
                            w.chars()
                                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'))
                        })
                        .unwrap_or("")
                        .to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code_block = Some(String::new());
            }
            Tag::HtmlBlock => self.html_block = Some(String::new()),
            Tag::List(start) => {
                self.start_block();
                self.lists.push(start);
            }
            Tag::Item => {
                if !self.at_line_start {
                    self.newline();
                }
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "- ".to_string(),
                };
                if self.depth_ok() {
                    let indent = marker.len();
                    self.containers.push(Container::Item {
                        marker: Some(marker),
                        indent,
                    });
                    self.has_content.push(false);
                } else {
                    self.found.too_deep = true;
                    self.flattened += 1;
                    // Separated by a space from text on the same line; never a bare marker
                    // (which after text would read as a setext underline).
                    if !self.at_line_start {
                        self.write(" ");
                    }
                }
                self.tight_text = false;
            }
            Tag::Table(aligns) => {
                self.start_block();
                self.aligns = aligns;
            }
            Tag::TableHead | Tag::TableRow => {
                self.write("|");
            }
            Tag::TableCell => {
                self.in_cell = true;
                self.write(" ");
            }
            Tag::Emphasis => self.write("*"),
            Tag::Strong => self.write("**"),
            Tag::Strikethrough => self.write("~~"),
            Tag::Superscript | Tag::Subscript => {}
            Tag::Link { .. } if self.image > 0 => {}
            Tag::Link { dest_url, .. } => {
                if self.links.iter().any(Option::is_some) {
                    self.links.push(None);
                } else {
                    self.write("[");
                    self.links.push(Some(escape_url(&dest_url)));
                }
            }
            Tag::Image { .. } => {
                self.found.image = true;
                self.image += 1;
            }
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => self.start_block(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.end_block(),
            TagEnd::Heading(_) => {
                self.in_heading = false;
                self.end_block();
            }
            TagEnd::BlockQuote(_) => {
                if self.flattened > 0 {
                    self.flattened -= 1;
                } else {
                    self.end_block();
                    self.containers.pop();
                    self.has_content.pop();
                }
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {}
            TagEnd::List(_) => {
                self.lists.pop();
                self.end_block();
                self.tight_text = false;
            }
            TagEnd::Item => {
                if self.flattened > 0 {
                    self.flattened -= 1;
                } else {
                    // An empty item is left out: its bare marker after an item's text would
                    // read as a setext underline (`x` over `  -` is a heading).
                    self.end_block();
                    self.containers.pop();
                    self.has_content.pop();
                }
                self.tight_text = true;
            }
            TagEnd::Table => {
                self.end_block();
            }
            TagEnd::TableHead => {
                self.newline();
                self.write("|");
                let aligns = self.aligns.clone();
                for a in aligns {
                    self.write(match a {
                        Alignment::None => " --- |",
                        Alignment::Left => " :-- |",
                        Alignment::Center => " :-: |",
                        Alignment::Right => " --: |",
                    });
                }
                self.newline();
            }
            TagEnd::TableRow => self.newline(),
            TagEnd::TableCell => {
                self.in_cell = false;
                self.write(" |");
            }
            TagEnd::Emphasis => self.write("*"),
            TagEnd::Strong => self.write("**"),
            TagEnd::Strikethrough => self.write("~~"),
            TagEnd::Superscript | TagEnd::Subscript => {}
            TagEnd::Link if self.image > 0 => {}
            TagEnd::Link => {
                if let Some(Some(url)) = self.links.pop() {
                    self.write("](");
                    self.write(&url);
                    self.write(")");
                }
            }
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => self.end_block(),
        }
    }
}

/// The longest run of `c` in `s`.
fn longest_run(s: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for x in s.chars() {
        if x == c {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the document sees after a sanitized field: a top-level heading that must stay a
    /// top-level heading, no raw HTML anywhere, headings no higher than `min`.
    fn contained(field: &str, min: usize) -> Result<(), String> {
        let (out, _) = sanitize(field, min);
        let doc = format!("{out}\n\n# SENTINEL\n\nafter\n");
        let mut depth = 0usize;
        let mut sentinel = false;
        let mut in_heading: Option<(usize, usize)> = None;
        for e in Parser::new_ext(&doc, crate::typeset::markdown::options()) {
            match e {
                Event::Html(h) | Event::InlineHtml(h) => {
                    return Err(format!("HTML {h:?} in {out:?}"));
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    in_heading = Some((level_number(level), depth));
                }
                Event::Text(t) if t.as_ref() == "SENTINEL" => {
                    if in_heading == Some((1, 0)) {
                        sentinel = true;
                    } else {
                        return Err(format!("the field swallowed what follows: {out:?}"));
                    }
                }
                Event::Text(_) | Event::Code(_) if !sentinel => {
                    if let Some((level, _)) = in_heading
                        && level < min
                    {
                        return Err(format!("heading level {level} < {min}: {out:?}"));
                    }
                }
                Event::End(TagEnd::Heading(_)) => in_heading = None,
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                _ => {}
            }
        }
        if !sentinel {
            return Err(format!("no sentinel after {out:?}"));
        }
        Ok(())
    }

    #[test]
    fn attacks_stay_inside_the_field() {
        for attack in [
            "<script>\nalert(1)",
            "<style>\nbody{}",
            "<pre>\nx",
            "<textarea>\nx",
            "<!-- unclosed",
            "<!-- pdf:skip -->",
            "<!-- pdf:landscape -->\n\nx",
            "```\ncode",
            "~~~~\ncode",
            "````\n```\n",
            "Judul\n===",
            "Judul\n---",
            "# H1\n## H2",
            "> quote\n> > deeper",
            "- a\n  - b\n    - c",
            "1. one\n2. two",
            "    indented code",
            "| a | b |\n|---|---|\n| 1 | `x|y` |",
            "[link](http://x/ (y)) ![img](/dev/zero)",
            "text with \u{1b}[31m escape \u{7} and \u{0} nul",
            "<div>\n\n# not closed",
            "***\n---\n___",
            "- [ ] task\n- [x] done",
            "> > - x\n  - x\n  -\n",
            "- x\n  -\n",
            "[<zd:>](`)`<s>`",
            "- - - - - - - - - - - - - - - x\n\t\t\t    \t\t      - -",
            "a  \nb\\\nc",
            "&amp; &#x3C;script&#x3E;",
        ] {
            for min in [0, 2, 5] {
                contained(attack, min).unwrap_or_else(|e| panic!("{attack:?} at {min}: {e}"));
            }
        }
    }

    #[test]
    fn reports_what_was_neutralised() {
        assert!(sanitize("<script>x", 5).1.raw_html);
        assert!(sanitize("<!-- pdf:skip -->", 5).1.html_comment);
        assert!(sanitize("```\nx", 5).1.unclosed_fence);
        assert!(sanitize("![a](b.png)", 5).1.image);
        assert!(sanitize("a\u{1b}[31m", 5).1.control);
        let deep = "> ".repeat(40) + "x";
        assert!(sanitize(&deep, 5).1.too_deep);
        let (out, n) = sanitize("Teks **tebal** dan *miring*, [tautan](https://x.id).", 5);
        assert!(!n.any(), "{n:?}");
        assert_eq!(out, "Teks **tebal** dan *miring*, [tautan](https://x.id).");
    }

    #[test]
    fn headings_are_demoted_in_every_form() {
        assert_eq!(sanitize("Judul\n===\n\nteks", 5).0, "##### Judul\n\nteks");
        assert_eq!(sanitize("# A\n\n## B", 5).0, "##### A\n\n###### B");
        assert_eq!(sanitize("# A\n\n###### B", 3).0, "### A\n\n###### B");
        assert_eq!(sanitize("#### A", 2).0, "#### A");
        assert_eq!(sanitize("#hashtag", 4).0, "\\#hashtag");
        assert_eq!(sanitize("", 4).0, "");
    }

    #[test]
    fn structure_is_kept() {
        let (out, _) = sanitize(
            "- satu\n- dua\n  - tiga\n\n> kutip\n\n```rust\nfn x() {}\n",
            5,
        );
        assert_eq!(
            out,
            "- satu\n- dua\n  - tiga\n\n> kutip\n\n```rust\nfn x() {}\n```"
        );
    }

    /// A tiny deterministic PRNG (xorshift64*).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[(self.next() % xs.len() as u64) as usize]
        }
    }

    #[test]
    fn random_markdown_stays_inside_the_field() {
        let pieces = [
            "\n",
            "\n\n",
            "# ",
            "## ",
            "=== ",
            "---",
            "```",
            "~~~",
            "    ",
            "> ",
            "- ",
            "1. ",
            "* ",
            "<!--",
            "-->",
            "<script>",
            "</script>",
            "<pre>",
            "<div>",
            "|",
            " | ",
            "`",
            "**",
            "*",
            "_",
            "[",
            "](",
            ")",
            "![",
            "\\",
            "&",
            "<",
            ">",
            "pdf:skip",
            "teks ",
            "kata",
            "[ ] ",
            "\u{1b}",
            "\t",
            "<!-- pdf:landscape -->",
            "\r\n",
            "---\n",
            "***",
            "![](x)",
            "~~",
            "1) ",
            "+ ",
            "=\n",
            "\n---\n",
            "  \n",
            "\\\n",
            "<textarea>",
        ];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..6000 {
            let n = 1 + rng.next() % 24;
            let field: String = (0..n).map(|_| rng.pick(&pieces)).collect();
            for min in [2, 5] {
                contained(&field, min).unwrap_or_else(|e| panic!("{field:?} at {min}: {e}"));
            }
        }
    }
}
