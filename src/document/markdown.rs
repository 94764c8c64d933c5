//! The reader: Markdown to the block tree that every writer uses. The front matter (YAML
//! metadata block) and pulldown-cmark events, with the `pdf:` markers of the Markdown contract
//! applied (`pdf:skip` sections removed, `pdf:toc`, `pdf:pagebreak` and `pdf:landscape` turned
//! into blocks) and footnotes numbered in order of first reference and collected at the end of
//! each chapter. Raw HTML other than the markers is dropped, so no writer can pass it through.

use std::collections::{BTreeMap, HashMap};

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

/// Language of the PDF furniture (labels such as "Daftar Isi", "Halaman X dari Y").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    Id,
    En,
}

impl Language {
    pub fn tag(self) -> &'static str {
        match self {
            Language::Id => "id",
            Language::En => "en",
        }
    }
}

/// The front matter of a Masterplan Markdown file (see docs/design/architecture.md).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FrontMatter {
    pub title: String,
    pub subtitle: Option<String>,
    pub region: String,
    pub province: Option<String>,
    pub period: String,
    pub year: String,
    pub language: Language,
    /// Image path relative to the Markdown's folder.
    pub logo: Option<String>,
    /// Defaults to "Pemerintah <region>".
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    pub draft: bool,
    pub date: Option<String>,
}

/// A scalar as YAML may type it (`year: 2023` is a number, `period: 2023–2032` a string).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
}

impl Scalar {
    fn text(self) -> String {
        match self {
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Str(s) => s.trim().to_string(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Keywords {
    List(Vec<Scalar>),
    One(Scalar),
}

#[derive(Debug, Deserialize)]
struct RawFrontMatter {
    title: Option<Scalar>,
    subtitle: Option<Scalar>,
    region: Option<Scalar>,
    province: Option<Scalar>,
    period: Option<Scalar>,
    year: Option<Scalar>,
    language: Option<Scalar>,
    logo: Option<Scalar>,
    author: Option<Scalar>,
    subject: Option<Scalar>,
    keywords: Option<Keywords>,
    draft: Option<bool>,
    date: Option<Scalar>,
}

fn non_empty(s: Option<Scalar>) -> Option<String> {
    s.map(Scalar::text).filter(|t| !t.is_empty())
}

/// Parse the YAML of the metadata block into a [`FrontMatter`].
pub fn parse_front_matter(yaml: &str) -> anyhow::Result<FrontMatter> {
    let raw: RawFrontMatter = crate::yaml::from_str(yaml, "front matter")
        .map_err(|d| anyhow::anyhow!("the Markdown front matter is not valid: {}", d.message))?;
    let required = |v: Option<Scalar>, key: &str| {
        non_empty(v).ok_or_else(|| {
            anyhow::anyhow!(
                "the Markdown front matter lacks `{key}` (required keys: title, region, period, year)"
            )
        })
    };
    let title = required(raw.title, "title")?;
    let region = required(raw.region, "region")?;
    let period = required(raw.period, "period")?;
    let year = required(raw.year, "year")?;
    let language = match non_empty(raw.language).as_deref() {
        None | Some("id") => Language::Id,
        Some("en") => Language::En,
        Some(other) => anyhow::bail!(
            "the Markdown front matter has `language: {other}`; expected `id` or `en`"
        ),
    };
    let author = non_empty(raw.author).unwrap_or_else(|| format!("Pemerintah {region}"));
    let subtitle = non_empty(raw.subtitle);
    let subject = non_empty(raw.subject).unwrap_or_else(|| match &subtitle {
        Some(s) => s.clone(),
        None => "Masterplan Smart City".to_string(),
    });
    let keywords = match raw.keywords {
        None => Vec::new(),
        Some(Keywords::List(list)) => list
            .into_iter()
            .map(Scalar::text)
            .filter(|k| !k.is_empty())
            .collect(),
        Some(Keywords::One(one)) => one
            .text()
            .split(',')
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect(),
    };
    Ok(FrontMatter {
        title,
        subtitle,
        region,
        province: non_empty(raw.province),
        period,
        year,
        language,
        logo: non_empty(raw.logo),
        author,
        subject,
        keywords,
        draft: raw.draft.unwrap_or(false),
        date: non_empty(raw.date),
    })
}

/// How a run of inline text is styled.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpanStyle {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    pub strike: bool,
    /// Superscript (footnote references).
    pub sup: bool,
    /// Link target: a URL, or `#slug` for a heading of this document.
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text {
        text: String,
        style: SpanStyle,
    },
    /// A hard line break.
    LineBreak,
}

/// Column alignment from the table's alignment row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Default,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub align: Vec<Align>,
    pub head: Vec<Vec<Inline>>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    pub number: u32,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        content: Vec<Inline>,
        /// GitHub-style anchor (`1-1-latar-belakang`), unique in the document.
        slug: String,
    },
    Paragraph(Vec<Inline>),
    List {
        /// First number of an ordered list; `None` for bullets.
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Code {
        info: String,
        text: String,
    },
    Rule,
    Table(Table),
    /// The footnotes of a chapter, placed at its end.
    Footnotes(Vec<Footnote>),
    /// `<!-- pdf:toc -->`
    Toc,
    /// `<!-- pdf:pagebreak -->`
    PageBreak,
    /// `<!-- pdf:landscape -->` ... `<!-- /pdf:landscape -->`
    Landscape(Vec<Block>),
}

/// A parsed Markdown document.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub front: FrontMatter,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Skip,
    EndSkip,
    Toc,
    PageBreak,
    Landscape,
    EndLandscape,
}

enum Ev<'a> {
    Md(Event<'a>),
    Mark(Marker),
}

/// The `pdf:` markers in an HTML fragment, in order.
fn markers(html: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        let after = &rest[start + 4..];
        let Some(end) = after.find("-->") else { break };
        let body = after[..end].trim();
        let marker = match body {
            "pdf:skip" => Some(Marker::Skip),
            "/pdf:skip" => Some(Marker::EndSkip),
            "pdf:toc" => Some(Marker::Toc),
            "pdf:pagebreak" => Some(Marker::PageBreak),
            "pdf:landscape" => Some(Marker::Landscape),
            "/pdf:landscape" => Some(Marker::EndLandscape),
            _ => None,
        };
        out.extend(marker);
        rest = &after[end + 3..];
    }
    out
}

/// The events the block parser reads, one at a time: pulldown-cmark's, with the front matter
/// taken out (into `yaml`), `pdf:skip` sections dropped and `pdf:` markers turned into
/// [`Marker`]s. Streaming (rather than collecting every event first) keeps memory at the size of
/// the block tree being built.
struct Events<'a> {
    parser: Parser<'a>,
    /// Events ready to be read (an HTML fragment may hold several markers).
    ready: std::collections::VecDeque<Ev<'a>>,
    yaml: Option<String>,
    in_meta: bool,
    meta_done: bool,
    skipping: bool,
}

impl<'a> Events<'a> {
    fn new(markdown: &'a str) -> Events<'a> {
        Events {
            parser: Parser::new_ext(markdown, options()),
            ready: std::collections::VecDeque::new(),
            yaml: None,
            in_meta: false,
            meta_done: false,
            skipping: false,
        }
    }

    /// The next event, without consuming it.
    fn peek(&mut self) -> Option<&Ev<'a>> {
        while self.ready.is_empty() {
            let event = self.parser.next()?;
            self.accept(event);
        }
        self.ready.front()
    }

    fn next(&mut self) -> Option<Ev<'a>> {
        self.peek()?;
        self.ready.pop_front()
    }

    fn accept(&mut self, event: Event<'a>) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => self.in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => {
                self.in_meta = false;
                self.meta_done |= self.yaml.is_some();
            }
            Event::Text(t) if self.in_meta && !self.meta_done => {
                self.yaml.get_or_insert_with(String::new).push_str(&t);
            }
            _ if self.in_meta => {}
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Html(html) | Event::InlineHtml(html) => {
                for m in markers(&html) {
                    match m {
                        Marker::Skip => self.skipping = true,
                        Marker::EndSkip => self.skipping = false,
                        other if !self.skipping => self.ready.push_back(Ev::Mark(other)),
                        _ => {}
                    }
                }
            }
            other if !self.skipping => self.ready.push_back(Ev::Md(other)),
            _ => {}
        }
    }
}

/// The Markdown extensions the typesetter reads (the fuzzing harness checks user Markdown
/// against the same).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// Parse Markdown with its front matter into a [`Parsed`] document.
pub fn parse(markdown: &str) -> anyhow::Result<Parsed> {
    let mut events = Events::new(markdown);
    // The front matter comes first: read up to the first body event.
    events.peek();
    let Some(yaml) = events.yaml.take() else {
        anyhow::bail!(
            "the Markdown has no front matter: it must start with a `---` YAML block giving at least title, region, period and year"
        );
    };
    let front = parse_front_matter(&yaml)?;
    let mut parser = BlockParser {
        events,
        definitions: BTreeMap::new(),
        numbers: HashMap::new(),
        referenced: Vec::new(),
        chapter: 0,
        slugs: HashMap::new(),
        depth: 0,
        transparent: 0,
        in_landscape: false,
    };
    let blocks = parser.blocks(Ctx::Root);
    let blocks = parser.place_footnotes(blocks);
    Ok(Parsed { front, blocks })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Root,
    Container,
    Landscape,
}

struct BlockParser<'a> {
    events: Events<'a>,
    definitions: BTreeMap<String, Vec<Block>>,
    /// Footnote label -> number (order of first reference).
    numbers: HashMap<String, u32>,
    /// (number, label, chapter of the first reference).
    referenced: Vec<(u32, String, usize)>,
    /// Level-1 headings seen so far.
    chapter: usize,
    slugs: HashMap<String, u32>,
    /// Nesting of block containers; deeper than [`MAX_DEPTH`] they are flattened.
    depth: usize,
    /// Containers opened beyond [`MAX_DEPTH`] whose End events are still to come.
    transparent: usize,
    in_landscape: bool,
}

/// Lists and quotes nested deeper than this are set flat (nobody nests 16 levels on purpose).
const MAX_DEPTH: usize = 16;

impl<'a> BlockParser<'a> {
    fn peek(&mut self) -> Option<&Ev<'a>> {
        self.events.peek()
    }

    fn next(&mut self) -> Option<Ev<'a>> {
        self.events.next()
    }

    /// Consume the event just peeked at.
    fn advance(&mut self) {
        self.events.next();
    }

    fn blocks(&mut self, ctx: Ctx) -> Vec<Block> {
        let mut out = Vec::new();
        loop {
            let too_deep = self.depth >= MAX_DEPTH;
            let Some(ev) = self.peek() else { break };
            match ev {
                Ev::Md(Event::End(_)) => {
                    self.advance();
                    if self.transparent > 0 {
                        self.transparent -= 1;
                        continue;
                    }
                    if ctx == Ctx::Container {
                        return out;
                    }
                }
                Ev::Md(Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item)) if too_deep => {
                    // Too deep: the container's content is set flat (no recursion).
                    self.advance();
                    self.transparent += 1;
                }
                Ev::Mark(Marker::EndLandscape) => {
                    self.advance();
                    if ctx == Ctx::Landscape {
                        return out;
                    }
                }
                Ev::Mark(Marker::Landscape) => {
                    self.advance();
                    // A landscape section inside another is just part of it.
                    if !self.in_landscape {
                        self.in_landscape = true;
                        let inner = self.blocks(Ctx::Landscape);
                        self.in_landscape = false;
                        out.push(Block::Landscape(inner));
                    }
                }
                Ev::Mark(Marker::Toc) => {
                    self.advance();
                    out.push(Block::Toc);
                }
                Ev::Mark(Marker::PageBreak) => {
                    self.advance();
                    out.push(Block::PageBreak);
                }
                Ev::Mark(_) => self.advance(),
                Ev::Md(Event::Rule) => {
                    self.advance();
                    out.push(Block::Rule);
                }
                Ev::Md(Event::Start(tag)) if !is_inline_tag(tag) => {
                    let Some(Ev::Md(Event::Start(tag))) = self.next() else {
                        continue;
                    };
                    self.depth += 1;
                    self.start_block(tag, &mut out);
                    self.depth -= 1;
                }
                Ev::Md(_) => {
                    let content = self.inlines(false);
                    if has_text(&content) {
                        out.push(Block::Paragraph(content));
                    }
                }
            }
        }
        out
    }

    fn start_block(&mut self, tag: Tag<'a>, out: &mut Vec<Block>) {
        match tag {
            Tag::Paragraph => {
                let content = self.inlines(true);
                if has_text(&content) {
                    out.push(Block::Paragraph(content));
                }
            }
            Tag::Heading { level, .. } => {
                let level = level as u8;
                let content = self.inlines(true);
                if level == 1 {
                    self.chapter += 1;
                }
                let slug = self.unique_slug(&plain_text(&content));
                out.push(Block::Heading {
                    level,
                    content,
                    slug,
                });
            }
            Tag::BlockQuote(_) => {
                let inner = self.blocks(Ctx::Container);
                out.push(Block::Quote(inner));
            }
            Tag::CodeBlock(kind) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let mut text = String::new();
                while let Some(ev) = self.next() {
                    match ev {
                        Ev::Md(Event::Text(t)) => text.push_str(&t),
                        Ev::Md(Event::End(_)) => break,
                        _ => {}
                    }
                }
                out.push(Block::Code { info, text });
            }
            Tag::List(start) => {
                let mut items = Vec::new();
                while let Some(ev) = self.peek() {
                    match ev {
                        Ev::Md(Event::Start(Tag::Item)) => {
                            self.advance();
                            items.push(self.blocks(Ctx::Container));
                        }
                        Ev::Md(Event::End(_)) => {
                            self.advance();
                            break;
                        }
                        _ => {
                            // Content outside an item (only after a skip cut): keep it.
                            let stray = self.blocks(Ctx::Container);
                            items.push(stray);
                            break;
                        }
                    }
                }
                out.push(Block::List { start, items });
            }
            Tag::FootnoteDefinition(label) => {
                let inner = self.blocks(Ctx::Container);
                self.definitions.entry(label.to_string()).or_insert(inner);
            }
            Tag::Table(aligns) => {
                let align = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::None => Align::Default,
                        Alignment::Left => Align::Left,
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                    })
                    .collect();
                let mut head = Vec::new();
                let mut rows = Vec::new();
                while let Some(ev) = self.peek() {
                    match ev {
                        Ev::Md(Event::Start(Tag::TableHead)) => {
                            self.advance();
                            head = self.cells();
                        }
                        Ev::Md(Event::Start(Tag::TableRow)) => {
                            self.advance();
                            rows.push(self.cells());
                        }
                        Ev::Md(Event::End(_)) => {
                            self.advance();
                            break;
                        }
                        Ev::Mark(_) => break,
                        _ => self.advance(),
                    }
                }
                out.push(Block::Table(Table { align, head, rows }));
            }
            // Containers the contract does not use: keep their content.
            _ => {
                let inner = self.blocks(Ctx::Container);
                out.extend(inner);
            }
        }
    }

    fn cells(&mut self) -> Vec<Vec<Inline>> {
        let mut cells = Vec::new();
        while let Some(ev) = self.peek() {
            match ev {
                Ev::Md(Event::Start(Tag::TableCell)) => {
                    self.advance();
                    cells.push(self.inlines(true));
                }
                Ev::Md(Event::End(TagEnd::TableHead | TagEnd::TableRow)) => {
                    self.advance();
                    break;
                }
                Ev::Md(Event::End(_)) | Ev::Mark(_) => break,
                _ => self.advance(),
            }
        }
        cells
    }

    /// Inline content up to the end of the enclosing block. `owned`: the block's End event
    /// belongs to this call (paragraph, heading, cell) and is consumed.
    fn inlines(&mut self, owned: bool) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut stack: Vec<SpanStyle> = vec![SpanStyle::default()];
        loop {
            let style = stack.last().cloned().unwrap_or_default();
            let Some(ev) = self.peek() else { break };
            match ev {
                Ev::Mark(_) => break,
                Ev::Md(Event::Start(tag)) if !is_inline_tag(tag) => break,
                Ev::Md(Event::End(end)) => {
                    if stack.len() > 1 && is_inline_end(end) {
                        self.advance();
                        stack.pop();
                        continue;
                    }
                    if owned {
                        self.advance();
                    }
                    break;
                }
                _ => {}
            }
            let Some(Ev::Md(ev)) = self.next() else {
                break;
            };
            match ev {
                Event::Text(t) => push_text(&mut out, &t, style),
                Event::Code(t) => push_text(
                    &mut out,
                    &t,
                    SpanStyle {
                        code: true,
                        ..style
                    },
                ),
                Event::SoftBreak => push_text(&mut out, " ", style),
                Event::HardBreak => out.push(Inline::LineBreak),
                Event::TaskListMarker(done) => {
                    push_text(&mut out, if done { "[x] " } else { "[ ] " }, style)
                }
                Event::FootnoteReference(label) => {
                    let number = self.footnote_number(&label);
                    push_text(
                        &mut out,
                        &number.to_string(),
                        SpanStyle {
                            sup: true,
                            link: Some(format!("#{}", footnote_anchor(number))),
                            ..style
                        },
                    );
                }
                Event::Start(tag) => {
                    let mut next = style;
                    match tag {
                        Tag::Emphasis => next.italic = true,
                        Tag::Strong => next.bold = true,
                        Tag::Strikethrough => next.strike = true,
                        Tag::Superscript => next.sup = true,
                        Tag::Link { dest_url, .. } => {
                            let url = dest_url.trim();
                            if !url.is_empty() && url != "#" {
                                next.link = Some(url.to_string());
                            }
                        }
                        Tag::Image { .. } => next.italic = true,
                        _ => {}
                    }
                    stack.push(next);
                }
                _ => {}
            }
        }
        out
    }

    fn footnote_number(&mut self, label: &str) -> u32 {
        if let Some(n) = self.numbers.get(label) {
            return *n;
        }
        let n = self.referenced.len() as u32 + 1;
        self.numbers.insert(label.to_string(), n);
        self.referenced.push((n, label.to_string(), self.chapter));
        n
    }

    fn unique_slug(&mut self, text: &str) -> String {
        let base = slugify(text);
        let count = self.slugs.entry(base.clone()).or_insert(0);
        let slug = if *count == 0 {
            base
        } else {
            format!("{base}-{count}")
        };
        *count += 1;
        slug
    }

    /// Insert a `Footnotes` block at the end of every chapter that references footnotes.
    fn place_footnotes(&mut self, blocks: Vec<Block>) -> Vec<Block> {
        if self.referenced.is_empty() {
            return blocks;
        }
        let mut pending: Vec<(u32, String, usize)> = std::mem::take(&mut self.referenced);
        pending.reverse(); // pop from the back in number order
        let mut out = Vec::with_capacity(blocks.len() + 4);
        let mut seen = 0usize;
        for block in blocks {
            let h1 = count_h1(&block);
            if h1 > 0 {
                let upto = seen + h1 - 1;
                let notes = self.take_notes(&mut pending, Some(upto));
                if !notes.is_empty() {
                    out.push(Block::Footnotes(notes));
                }
                seen += h1;
            }
            out.push(block);
        }
        let notes = self.take_notes(&mut pending, None);
        if !notes.is_empty() {
            out.push(Block::Footnotes(notes));
        }
        out
    }

    fn take_notes(
        &mut self,
        pending: &mut Vec<(u32, String, usize)>,
        upto_chapter: Option<usize>,
    ) -> Vec<Footnote> {
        let mut notes = Vec::new();
        while let Some((n, label, chapter)) = pending.last() {
            if upto_chapter.is_some_and(|u| *chapter > u) {
                break;
            }
            if let Some(blocks) = self.definitions.remove(label.as_str()) {
                notes.push(Footnote { number: *n, blocks });
            }
            pending.pop();
        }
        notes
    }
}

fn count_h1(block: &Block) -> usize {
    match block {
        Block::Heading { level: 1, .. } => 1,
        Block::Landscape(inner) => inner.iter().map(count_h1).sum(),
        _ => 0,
    }
}

fn is_inline_tag(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_inline_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn push_text(out: &mut Vec<Inline>, text: &str, style: SpanStyle) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text {
        text: last,
        style: s,
    }) = out.last_mut()
        && *s == style
    {
        last.push_str(text);
        return;
    }
    out.push(Inline::Text {
        text: text.to_string(),
        style,
    });
}

fn has_text(content: &[Inline]) -> bool {
    content.iter().any(|i| match i {
        Inline::Text { text, .. } => !text.trim().is_empty(),
        Inline::LineBreak => false,
    })
}

/// The internal link target of footnote `number` (never a heading slug: those have no `^`).
pub fn footnote_anchor(number: u32) -> String {
    format!("^fn-{number}")
}

/// The plain text of inline content (footnote reference numbers left out).
pub fn plain_text(content: &[Inline]) -> String {
    let mut s = String::new();
    for i in content {
        match i {
            Inline::Text { text, style } if !style.sup => s.push_str(text),
            Inline::Text { .. } => {}
            Inline::LineBreak => s.push(' '),
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a caption captions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptionKind {
    Table,
    Figure,
}

/// A numbered caption: a paragraph that starts with a bold label `Tabel 3.2` / `Gambar 4.1`
/// (English `Table` / `Figure`), the number per chapter as `render` writes it. The writers list
/// these in the list of tables and the list of figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    pub kind: CaptionKind,
    /// `Tabel 3.2`.
    pub label: String,
    /// The whole caption as plain text: `Tabel 3.2 Ringkasan Kesiapan`.
    pub text: String,
    /// The caption's anchor (`tabel-3-2`), unique as long as the numbers are.
    pub anchor: String,
}

/// The caption a block is, if it is one (see [`Caption`]).
pub fn caption(block: &Block) -> Option<Caption> {
    let Block::Paragraph(content) = block else {
        return None;
    };
    let Some(Inline::Text { text, style }) = content.first() else {
        return None;
    };
    if !style.bold || style.link.is_some() {
        return None;
    }
    let label = text.trim();
    let (word, number) = label.split_once(' ')?;
    let kind = match word {
        "Tabel" | "Table" => CaptionKind::Table,
        "Gambar" | "Figure" => CaptionKind::Figure,
        _ => return None,
    };
    let numbered = !number.is_empty()
        && number.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        });
    if !numbered {
        return None;
    }
    let anchor = format!(
        "{}-{}",
        word.to_lowercase(),
        number.replace('.', "-").to_lowercase()
    );
    Some(Caption {
        kind,
        label: label.to_string(),
        text: plain_text(content),
        anchor,
    })
}

/// The captions of `blocks` in document order (inside landscape sections, quotes, lists and
/// footnotes too), as the writers meet them.
pub fn captions(blocks: &[Block]) -> Vec<Caption> {
    fn walk(blocks: &[Block], out: &mut Vec<Caption>) {
        for b in blocks {
            match b {
                Block::Paragraph(_) => out.extend(caption(b)),
                Block::Landscape(inner) | Block::Quote(inner) => walk(inner, out),
                Block::List { items, .. } => {
                    for item in items {
                        walk(item, out);
                    }
                }
                Block::Footnotes(notes) => {
                    for n in notes {
                        walk(&n.blocks, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(blocks, &mut out);
    out
}

/// GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            slug.extend(c.to_lowercase());
        } else if c == ' ' {
            slug.push('-');
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRONT: &str = "---\ntitle: Masterplan Smart City Kabupaten Banggai 2023-2032\nregion: Kabupaten Banggai\nperiod: 2023–2032\nyear: 2023\n---\n\n";

    #[test]
    fn captions_are_bold_numbered_labels() {
        let p = parse(&format!(
            "{FRONT}**Tabel 3.2** Ringkasan *Kesiapan*\n\n| a |\n|---|\n| 1 |\n\n**Gambar 12.1** Peta Jalan\n\n**Tabel** not numbered\n\nTabel 3.3 not bold\n\n**Table A.1** Annex\n"
        ))
        .unwrap();
        let c = captions(&p.blocks);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].kind, CaptionKind::Table);
        assert_eq!(c[0].label, "Tabel 3.2");
        assert_eq!(c[0].text, "Tabel 3.2 Ringkasan Kesiapan");
        assert_eq!(c[0].anchor, "tabel-3-2");
        assert_eq!(c[1].kind, CaptionKind::Figure);
        assert_eq!(c[1].label, "Gambar 12.1");
        assert_eq!(c[2].anchor, "table-a-1");
    }

    #[test]
    fn front_matter_defaults_and_types() {
        let p = parse(FRONT).unwrap();
        assert_eq!(p.front.year, "2023");
        assert_eq!(p.front.author, "Pemerintah Kabupaten Banggai");
        assert_eq!(p.front.language, Language::Id);
        assert!(!p.front.draft);
    }

    #[test]
    fn missing_key_is_a_clear_error() {
        let err = parse("---\ntitle: X\nregion: Y\nyear: 2023\n---\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("`period`"), "{err}");
        let err = parse("# no front matter\n").unwrap_err().to_string();
        assert!(err.contains("front matter"), "{err}");
        let err = parse("---\ntitle: X\nregion: Y\nperiod: P\nyear: 1\nlanguage: fr\n---\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("fr"), "{err}");
    }

    #[test]
    fn markers_skip_toc_landscape() {
        let md = format!(
            "{FRONT}<!-- pdf:skip -->\n# Skipped\n\n- [a](#a)\n<!-- /pdf:skip -->\n\n<!-- pdf:toc -->\n\n# BAB I PENDAHULUAN\n\nText.\n\n<!-- pdf:pagebreak -->\n\n<!-- pdf:landscape -->\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n<!-- /pdf:landscape -->\n\nAfter.\n"
        );
        let p = parse(&md).unwrap();
        assert!(matches!(p.blocks[0], Block::Toc));
        assert!(
            matches!(&p.blocks[1], Block::Heading { level: 1, slug, .. } if slug == "bab-i-pendahuluan")
        );
        assert!(matches!(p.blocks[3], Block::PageBreak));
        let Block::Landscape(inner) = &p.blocks[4] else {
            panic!("{:?}", p.blocks[4])
        };
        let Block::Table(t) = &inner[0] else { panic!() };
        assert_eq!(t.align, vec![Align::Default, Align::Right]);
        assert_eq!(t.rows.len(), 1);
        assert!(matches!(&p.blocks[5], Block::Paragraph(_)));
    }

    #[test]
    fn footnotes_numbered_and_placed_per_chapter() {
        let md = format!(
            "{FRONT}# A\n\nOne[^x] two[^y].\n\n[^y]: Why.\n[^x]: Ex.\n\n# B\n\nThree[^z].\n\n[^z]: Zed.\n"
        );
        let p = parse(&md).unwrap();
        let notes: Vec<Vec<u32>> = p
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Footnotes(n) => Some(n.iter().map(|f| f.number).collect()),
                _ => None,
            })
            .collect();
        assert_eq!(notes, vec![vec![1, 2], vec![3]]);
        // The first chapter's notes come before the second chapter.
        assert!(matches!(p.blocks[2], Block::Footnotes(_)));
    }

    #[test]
    fn inline_styles_and_tight_lists() {
        let md = format!("{FRONT}- **bold** *it* `code` ~~s~~ [l](https://x.id)\n- two\n");
        let p = parse(&md).unwrap();
        let Block::List { start: None, items } = &p.blocks[0] else {
            panic!("{:?}", p.blocks)
        };
        assert_eq!(items.len(), 2);
        let Block::Paragraph(inl) = &items[0][0] else {
            panic!()
        };
        let styles: Vec<&SpanStyle> = inl
            .iter()
            .filter_map(|i| match i {
                Inline::Text { text, style } if !text.trim().is_empty() => Some(style),
                _ => None,
            })
            .collect();
        assert!(styles[0].bold);
        assert!(styles[1].italic);
        assert!(styles[2].code);
        assert!(styles[3].strike);
        assert_eq!(styles[4].link.as_deref(), Some("https://x.id"));
    }

    #[test]
    fn slugs_are_unique() {
        assert_eq!(slugify("1.1 Latar Belakang"), "11-latar-belakang");
        let md = format!("{FRONT}## Tujuan\n\n## Tujuan\n");
        let p = parse(&md).unwrap();
        let slugs: Vec<&str> = p
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { slug, .. } => Some(slug.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(slugs, vec!["tujuan", "tujuan-1"]);
    }
}
