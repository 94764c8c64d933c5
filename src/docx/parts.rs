//! The package around `word/document.xml`: content types, relationships, document properties,
//! settings, styles, and the headers and footers of the cover, portrait and landscape sections.

use std::fmt::Write as _;

use super::body::{
    self, Body, RID_FOOTER_COVER, RID_FOOTER_LANDSCAPE, RID_FOOTER_PORTRAIT, RID_HEADER_COVER,
    RID_HEADER_LANDSCAPE, RID_HEADER_PORTRAIT,
};
use super::{DocxOptions, Entry, xml};
use crate::document::{FrontMatter, Language};

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const NS_W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Every entry of the package, in a fixed order.
pub(super) fn package(front: &FrontMatter, body: &Body, options: &DocxOptions) -> Vec<Entry> {
    let e = |name: &str, text: String| Entry {
        name: name.to_string(),
        bytes: text.into_bytes(),
    };
    let mut entries = vec![
        e("[Content_Types].xml", content_types(body)),
        e("_rels/.rels", root_rels()),
        e("docProps/core.xml", core(front, options.created)),
        e("docProps/app.xml", app()),
        e("word/document.xml", body.document.clone()),
        e("word/_rels/document.xml.rels", document_rels(body)),
        e("word/styles.xml", styles(front.language)),
        e("word/settings.xml", settings(front.language)),
        e("word/numbering.xml", body.numbering.clone()),
        e("word/footnotes.xml", body.footnotes.clone()),
    ];
    let portrait = body::text_twips(options.paper, false);
    let landscape = body::text_twips(options.paper, true);
    for (name, text) in [
        ("word/header1.xml", header(front, portrait, true)),
        ("word/footer1.xml", footer(front, portrait, true)),
        ("word/header2.xml", header(front, landscape, true)),
        ("word/footer2.xml", footer(front, landscape, true)),
        ("word/header3.xml", header(front, portrait, false)),
        ("word/footer3.xml", footer(front, portrait, false)),
    ] {
        entries.push(e(name, text));
    }
    for m in &body.media {
        entries.push(Entry {
            name: m.name.clone(),
            bytes: m.bytes.clone(),
        });
    }
    entries
}

fn content_types(body: &Body) -> String {
    let mut s = format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>"
    );
    if body.has_svg {
        s.push_str("<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>");
    }
    if body.has_jpeg {
        s.push_str("<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>");
    }
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    for (part, kind) in [
        ("/word/document.xml", "document.main+xml"),
        ("/word/styles.xml", "styles+xml"),
        ("/word/settings.xml", "settings+xml"),
        ("/word/numbering.xml", "numbering+xml"),
        ("/word/footnotes.xml", "footnotes+xml"),
        ("/word/header1.xml", "header+xml"),
        ("/word/footer1.xml", "footer+xml"),
        ("/word/header2.xml", "header+xml"),
        ("/word/footer2.xml", "footer+xml"),
        ("/word/header3.xml", "header+xml"),
        ("/word/footer3.xml", "footer+xml"),
    ] {
        let _ = write!(
            s,
            "<Override PartName=\"{part}\" ContentType=\"{wml}.{kind}\"/>"
        );
    }
    s.push_str("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/><Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>");
    s
}

fn root_rels() -> String {
    format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{REL_NS}/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"{REL_NS}/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"
    )
}

fn document_rels(body: &Body) -> String {
    let mut s = format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (id, kind, target) in [
        ("rId1", "styles", "styles.xml"),
        ("rId2", "settings", "settings.xml"),
        ("rId3", "numbering", "numbering.xml"),
        ("rId4", "footnotes", "footnotes.xml"),
        (RID_HEADER_PORTRAIT, "header", "header1.xml"),
        (RID_FOOTER_PORTRAIT, "footer", "footer1.xml"),
        (RID_HEADER_LANDSCAPE, "header", "header2.xml"),
        (RID_FOOTER_LANDSCAPE, "footer", "footer2.xml"),
        (RID_HEADER_COVER, "header", "header3.xml"),
        (RID_FOOTER_COVER, "footer", "footer3.xml"),
    ] {
        let _ = write!(
            s,
            "<Relationship Id=\"{id}\" Type=\"{REL_NS}/{kind}\" Target=\"{target}\"/>"
        );
    }
    for r in &body.rels {
        let mode = if r.external {
            " TargetMode=\"External\""
        } else {
            ""
        };
        let _ = write!(
            s,
            "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"{mode}/>",
            r.id,
            r.kind,
            xml(&r.target)
        );
    }
    s.push_str("</Relationships>");
    s
}

fn language_tag(lang: Language) -> &'static str {
    match lang {
        Language::Id => "id-ID",
        Language::En => "en-US",
    }
}

/// Document properties: title, author (the region's government), subject, keywords, language;
/// dates only from SOURCE_DATE_EPOCH.
fn core(front: &FrontMatter, created: Option<i64>) -> String {
    let title = match &front.subtitle {
        Some(s) => format!("{} — {s}", front.title),
        None => front.title.clone(),
    };
    let mut s = format!(
        "{XML_HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:keywords>{}</cp:keywords><dc:language>{}</dc:language><cp:lastModifiedBy>masterplan</cp:lastModifiedBy>",
        xml(&title),
        xml(&front.subject),
        xml(&front.author),
        xml(&front.keywords.join(", ")),
        language_tag(front.language)
    );
    if let Some(secs) = created {
        let stamp = w3c_date(secs);
        let _ = write!(
            s,
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified>"
        );
    }
    s.push_str("</cp:coreProperties>");
    s
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (proleptic Gregorian, Howard Hinnant's days).
fn w3c_date(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

fn app() -> String {
    format!(
        "{XML_HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>masterplan</Application><DocSecurity>0</DocSecurity></Properties>"
    )
}

fn settings(lang: Language) -> String {
    format!(
        "{XML_HEAD}<w:settings {NS_W}><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:updateFields w:val=\"true\"/><w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"{}\"/></w:settings>",
        language_tag(lang)
    )
}

const FONT: &str =
    "<w:rFonts w:ascii=\"Carlito\" w:hAnsi=\"Carlito\" w:eastAsia=\"Carlito\" w:cs=\"Carlito\"/>";
const MONO: &str = "<w:rFonts w:ascii=\"Liberation Mono\" w:hAnsi=\"Liberation Mono\" w:eastAsia=\"Liberation Mono\" w:cs=\"Liberation Mono\"/>";
const NAVY: &str = "132A56";
const TEXT: &str = "1A1A1F";
const MUTED: &str = "61666F";

/// The styles: Word's built-in names (so the navigation pane, the TOC field and restyling work)
/// in the PDF's design.
fn styles(lang: Language) -> String {
    let tag = language_tag(lang);
    let mut s = format!(
        "{XML_HEAD}<w:styles {NS_W}><w:docDefaults><w:rPrDefault><w:rPr>{FONT}<w:color w:val=\"{TEXT}\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"{tag}\" w:eastAsia=\"{tag}\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"140\" w:line=\"288\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    );
    // (id, name, type, based on, pPr, rPr, extra)
    let para = |s: &mut String, id: &str, name: &str, based: &str, ppr: &str, rpr: &str| {
        let based = if based.is_empty() {
            String::new()
        } else {
            format!("<w:basedOn w:val=\"{based}\"/><w:next w:val=\"Normal\"/>")
        };
        let _ = write!(
            s,
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{based}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
        );
    };
    s.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:jc w:val=\"both\"/></w:pPr></w:style>");
    for (level, size, before, after) in [
        (1u8, 38, 0, 360),
        (2, 29, 320, 120),
        (3, 25, 260, 80),
        (4, 23, 200, 60),
        (5, 22, 160, 40),
        (6, 22, 160, 40),
    ] {
        let (page, jc) = if level == 1 {
            ("<w:pageBreakBefore/>", "<w:jc w:val=\"center\"/>")
        } else {
            ("", "<w:jc w:val=\"left\"/>")
        };
        let colour = if level <= 3 { NAVY } else { TEXT };
        let italic = if level >= 4 { "<w:i/>" } else { "" };
        para(
            &mut s,
            &format!("Heading{level}"),
            &format!("heading {level}"),
            "Normal",
            &format!(
                "<w:keepNext/><w:keepLines/>{page}<w:spacing w:before=\"{before}\" w:after=\"{after}\"/>{jc}<w:outlineLvl w:val=\"{}\"/>",
                level - 1
            ),
            &format!(
                "<w:b/><w:bCs/>{italic}<w:color w:val=\"{colour}\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"
            ),
        );
    }
    para(
        &mut s,
        "Title",
        "Title",
        "Normal",
        "<w:spacing w:before=\"480\" w:after=\"240\"/><w:jc w:val=\"center\"/>",
        &format!("<w:b/><w:color w:val=\"{NAVY}\"/><w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/>"),
    );
    para(
        &mut s,
        "Subtitle",
        "Subtitle",
        "Normal",
        "<w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/>",
        &format!("<w:color w:val=\"{NAVY}\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"),
    );
    para(
        &mut s,
        "CoverRegion",
        "Cover Region",
        "Normal",
        "<w:spacing w:before=\"240\" w:after=\"60\"/><w:jc w:val=\"center\"/>",
        &format!("<w:b/><w:color w:val=\"{NAVY}\"/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>"),
    );
    para(
        &mut s,
        "CoverText",
        "Cover Text",
        "Normal",
        "<w:jc w:val=\"center\"/>",
        &format!("<w:color w:val=\"{MUTED}\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>"),
    );
    para(
        &mut s,
        "CoverYear",
        "Cover Year",
        "Normal",
        "<w:spacing w:before=\"1200\"/><w:jc w:val=\"center\"/>",
        &format!("<w:b/><w:color w:val=\"{NAVY}\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"),
    );
    para(
        &mut s,
        "Quote",
        "Quote",
        "Normal",
        "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"99A8C7\"/></w:pBdr><w:ind w:left=\"400\" w:right=\"200\"/>",
        "<w:i/><w:color w:val=\"2E3440\"/>",
    );
    para(
        &mut s,
        "ListParagraph",
        "List Paragraph",
        "Normal",
        "<w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/><w:contextualSpacing/>",
        "",
    );
    para(
        &mut s,
        "Code",
        "Code",
        "Normal",
        "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F1F2F5\"/><w:spacing w:after=\"140\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
        &format!("{MONO}<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"),
    );
    para(
        &mut s,
        "TableText",
        "Table Text",
        "Normal",
        "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
        "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    );
    para(
        &mut s,
        "TableHeading",
        "Table Heading",
        "TableText",
        "<w:keepNext/>",
        &format!("<w:b/><w:color w:val=\"{NAVY}\"/>"),
    );
    para(
        &mut s,
        "AfterTable",
        "After Table",
        "Normal",
        "<w:spacing w:after=\"120\" w:line=\"120\" w:lineRule=\"exact\"/>",
        "<w:sz w:val=\"8\"/><w:szCs w:val=\"8\"/>",
    );
    para(
        &mut s,
        "Caption",
        "caption",
        "Normal",
        "<w:spacing w:after=\"200\"/><w:jc w:val=\"center\"/>",
        &format!("<w:i/><w:color w:val=\"{MUTED}\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"),
    );
    para(
        &mut s,
        "TableCaption",
        "Table Caption",
        "Caption",
        "<w:keepNext/><w:spacing w:before=\"160\" w:after=\"80\"/><w:jc w:val=\"center\"/>",
        "",
    );
    para(
        &mut s,
        "TableofFigures",
        "table of figures",
        "Normal",
        "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"8900\"/></w:tabs><w:spacing w:after=\"60\"/><w:jc w:val=\"left\"/>",
        "",
    );
    para(
        &mut s,
        "Figure",
        "Figure",
        "Normal",
        "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"160\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
        "",
    );
    para(
        &mut s,
        "TOCHeading",
        "TOC Heading",
        "Normal",
        "<w:keepNext/><w:pageBreakBefore/><w:spacing w:before=\"0\" w:after=\"360\"/><w:jc w:val=\"center\"/>",
        &format!("<w:b/><w:color w:val=\"{NAVY}\"/><w:sz w:val=\"38\"/><w:szCs w:val=\"38\"/>"),
    );
    for (level, indent) in [(1, 0), (2, 400)] {
        let bold = if level == 1 { "<w:b/>" } else { "" };
        para(
            &mut s,
            &format!("TOC{level}"),
            &format!("toc {level}"),
            "Normal",
            &format!(
                "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"8900\"/></w:tabs><w:spacing w:after=\"60\"/><w:ind w:left=\"{indent}\"/><w:jc w:val=\"left\"/>"
            ),
            bold,
        );
    }
    para(
        &mut s,
        "Header",
        "header",
        "Normal",
        "<w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/>",
        &format!("<w:color w:val=\"{MUTED}\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"),
    );
    para(
        &mut s,
        "Footer",
        "footer",
        "Normal",
        "<w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/>",
        &format!("<w:color w:val=\"{MUTED}\"/><w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>"),
    );
    para(
        &mut s,
        "FootnoteText",
        "footnote text",
        "Normal",
        "<w:spacing w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/>",
        "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    );
    for (id, name, rpr) in [
        (
            "FootnoteReference",
            "footnote reference",
            "<w:vertAlign w:val=\"superscript\"/>".to_string(),
        ),
        (
            "Hyperlink",
            "Hyperlink",
            "<w:color w:val=\"0D47AD\"/><w:u w:val=\"single\"/>".to_string(),
        ),
    ] {
        let _ = write!(
            s,
            "<w:style w:type=\"character\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:rPr>{rpr}</w:rPr></w:style>"
        );
    }
    let _ = write!(
        s,
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style><w:style w:type=\"table\" w:styleId=\"MasterplanTable\"><w:name w:val=\"Masterplan Table\"/><w:basedOn w:val=\"TableNormal\"/><w:qFormat/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"{NAVY}\"/><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"{NAVY}\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"DFE3E8\"/></w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:color w:val=\"{NAVY}\"/></w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DAE3F1\"/></w:tcPr></w:tblStylePr></w:style></w:styles>"
    );
    s
}

/// The running header: the document's title and the current chapter (a STYLEREF field on
/// Heading 1), over a rule; with the DRAFT watermark in a draft. `running`: false for the cover,
/// which shows only the watermark.
fn header(front: &FrontMatter, text_width: u32, running: bool) -> String {
    let mut s = format!(
        "{XML_HEAD}<w:hdr {NS_W} xmlns:r=\"{REL_NS}\" xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w10=\"urn:schemas-microsoft-com:office:word\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/>"
    );
    if running {
        let _ = write!(
            s,
            "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"B8BDC7\"/></w:pBdr><w:tabs><w:tab w:val=\"right\" w:pos=\"{text_width}\"/></w:tabs>"
        );
    }
    s.push_str("</w:pPr>");
    if front.draft {
        s.push_str(&watermark(text_width));
    }
    if running {
        let title = front.subtitle.as_deref().unwrap_or(&front.title);
        let _ = write!(
            s,
            "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:tab/></w:r><w:fldSimple w:instr=\" STYLEREF &quot;heading 1&quot; \\* MERGEFORMAT \"><w:r><w:t></w:t></w:r></w:fldSimple>",
            xml(title)
        );
    }
    s.push_str("</w:p></w:hdr>");
    s
}

/// The footer: the region and "Halaman X dari Y" / "Page X of Y" (PAGE and NUMPAGES fields)
/// under a rule. Empty on the cover.
fn footer(front: &FrontMatter, text_width: u32, running: bool) -> String {
    let mut s = format!(
        "{XML_HEAD}<w:ftr {NS_W} xmlns:r=\"{REL_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
    );
    if !running {
        s.push_str("</w:pPr></w:p></w:ftr>");
        return s;
    }
    let (page, of) = match front.language {
        Language::Id => ("Halaman", "dari"),
        Language::En => ("Page", "of"),
    };
    let region = match (&front.date, front.draft) {
        (Some(d), true) => format!("{} · Draft {d}", front.region),
        _ => front.region.clone(),
    };
    let _ = write!(
        s,
        "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"B8BDC7\"/></w:pBdr><w:tabs><w:tab w:val=\"right\" w:pos=\"{text_width}\"/></w:tabs></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">{page} </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> {of} </w:t></w:r><w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>",
        xml(&region)
    );
    s
}

/// The DRAFT mark as Word's own watermark: a VML text path behind the text, centred on the page.
fn watermark(text_width: u32) -> String {
    let width_pt = (text_width as f32 / 20.0).round();
    let height_pt = (width_pt / 4.0).round();
    format!(
        "<w:r><w:pict><v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" o:spt=\"136\" adj=\"10800\" path=\"m@7,l@8,m@5,21600l@6,21600e\"><v:formulas><v:f eqn=\"sum #0 0 10800\"/><v:f eqn=\"prod #0 2 1\"/><v:f eqn=\"sum 21600 0 @1\"/><v:f eqn=\"sum 0 0 @2\"/><v:f eqn=\"sum 21600 0 @3\"/><v:f eqn=\"if @0 @3 0\"/><v:f eqn=\"if @0 21600 @1\"/><v:f eqn=\"if @0 0 @2\"/><v:f eqn=\"if @0 @4 21600\"/><v:f eqn=\"mid @5 @6\"/><v:f eqn=\"mid @8 @5\"/><v:f eqn=\"mid @7 @8\"/><v:f eqn=\"mid @6 @7\"/><v:f eqn=\"sum @6 0 @5\"/></v:formulas><v:path textpathok=\"t\" o:connecttype=\"custom\" o:connectlocs=\"@9,0;@10,10800;@11,21600;@12,10800\" o:connectangles=\"270,180,90,0\"/><v:textpath on=\"t\" fitshape=\"t\"/><o:lock v:ext=\"edit\" text=\"t\" shapetype=\"t\"/></v:shapetype><v:shape id=\"MasterplanDraftWatermark\" o:spid=\"_x0000_s2049\" type=\"#_x0000_t136\" style=\"position:absolute;margin-left:0;margin-top:0;width:{width_pt}pt;height:{height_pt}pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin\" o:allowincell=\"f\" fillcolor=\"#E6E6EB\" stroked=\"f\"><v:fill opacity=\".6\"/><v:textpath style=\"font-family:&quot;Carlito&quot;;font-size:1pt;font-weight:bold\" string=\"DRAFT\"/><w10:wrap anchorx=\"margin\" anchory=\"margin\"/></v:shape></w:pict></w:r>"
    )
}

#[cfg(test)]
mod tests {
    use super::super::body::{MARGIN_LEFT, MARGIN_RIGHT};
    use super::*;

    #[test]
    fn w3c_dates() {
        assert_eq!(w3c_date(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3c_date(1_795_392_000), "2026-11-23T00:00:00Z");
        assert_eq!(w3c_date(951_782_400 + 3661), "2000-02-29T01:01:01Z");
    }

    #[test]
    fn margins_leave_a_text_width() {
        assert_eq!(
            body::text_twips(crate::typeset::Paper::A4, false),
            11_906 - MARGIN_LEFT - MARGIN_RIGHT
        );
    }
}
