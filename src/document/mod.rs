//! The document model: the one reader of the Markdown contract (front matter, `pdf:` markers,
//! footnotes, Mermaid blocks kept as code) and the block tree it builds. Every writer consumes
//! this tree: the PDF layout (`typeset`), the HTML writer and the DOCX writer. None of them
//! parses the Markdown its own way (one reader, several writers, as in pandoc).

pub mod markdown;

pub use markdown::{
    Align, Block, Caption, CaptionKind, Footnote, FrontMatter, Inline, Language, Parsed, SpanStyle,
    Table, caption, captions, footnote_anchor, parse, parse_front_matter, plain_text, slugify,
};
