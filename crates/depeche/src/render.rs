//! Rendering a parsed article back to clean markdown or plain text.

use std::fmt::Write;

use crate::{Article, Block, BlockKind, Span};

impl Article<'_> {
    /// The article as markdown: `# title`, `**lede**`, a `---` break, `## headings`, paragraphs, captions
    /// (`<text> Photo : <credit>`), `>> related links`, credits and the source.
    /// Parsing this markdown gives back the same title, body texts and credits.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let mut para = |s: &str| {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(s);
        };
        if let Some(title) = &self.title {
            para(&format!("# {title}"));
        }
        if let Some(lede) = &self.lede {
            para(&format!("**{lede}**"));
        }
        // The break ends the header: the body's first lines are not read as title or lede.
        para("---");
        // Blocks and credit lines in input order, each credit line where it is printed; the
        // credits printed inside a paragraph (a dateline, a sign-off) are read again from it.
        let within = |outer: Span, s: &Span| outer.start <= s.start && s.end <= outer.end;
        let lede = self.spans.lede.into_iter();
        let inline = |s: &Span| {
            lede.clone()
                .chain(self.body.iter().map(|b| b.span))
                .any(|o| within(o, s))
        };
        let mut lines: Vec<(Span, &str)> = self
            .credits
            .iter()
            .flat_map(|c| {
                std::iter::once(&c.span)
                    .chain(&c.repeats)
                    .map(|s| (*s, c.text.as_ref()))
            })
            .filter(|(s, _)| !inline(s))
            .collect();
        lines.sort_by_key(|(s, _)| s.start);
        let mut lines = lines.into_iter().peekable();
        for block in &self.body {
            while let Some((_, credit)) = lines.next_if(|(s, _)| s.start < block.span.start) {
                para(&format!("({credit})"));
            }
            if let Some(md) = block_markdown(block) {
                para(&md);
            }
        }
        for (_, credit) in lines {
            para(&format!("({credit})"));
        }
        if let Some(url) = &self.source_url {
            para(&format!("Source : {url}"));
        }
        out.push('\n');
        out
    }

    /// The clean reading text: title, lede, subheadings and paragraphs, one per paragraph.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let head = [self.title.as_deref(), self.lede.as_deref()];
        let body = self
            .body
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading))
            .map(|b| b.text.as_deref());
        for text in head.into_iter().chain(body).flatten() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(text);
        }
        out.push('\n');
        out
    }
}

fn block_markdown(block: &Block<'_>) -> Option<String> {
    let text = block.text.as_deref();
    let credit = block.credit.as_deref();
    let mut s = String::new();
    match (block.kind, text, credit) {
        (BlockKind::Paragraph, Some(t), None) => s.push_str(t),
        (BlockKind::Paragraph, Some(t), Some(c)) => write!(s, "{t} - {c}").ok()?,
        (BlockKind::Heading, Some(t), _) => write!(s, "## {t}").ok()?,
        (BlockKind::Related, Some(t), _) => write!(s, ">> {t}").ok()?,
        (BlockKind::Image, Some(t), _) => write!(s, "![{t}]()").ok()?,
        (BlockKind::Caption, Some(t), Some(c)) => write!(s, "{t} (Photo : {c})").ok()?,
        (BlockKind::Caption, None, Some(c)) => write!(s, "Photo : {c}").ok()?,
        (BlockKind::Caption, Some(t), None) => write!(s, "![]()\n| {t} |").ok()?,
        _ => return None,
    }
    Some(s)
}
