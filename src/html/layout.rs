//! Layout: the extracted plain text of a page and the [`Structure`] the markup already tells,
//! so that the later stages (quotes, mentions, actors, attribution, rank) run on it as they do on
//! a plain-text article.
//!
//! Input: the article's parts in reading order ([`Part`]: kicker, title, standfirst, byline,
//! headings, paragraphs, related links), each with the element it came from. Output: the text
//! (parts normalised as [`crate::normalize`] does and separated by blank lines, so the text
//! normalises to itself and every range below is a range of both), the Structure (sentences,
//! the opening dateline, read-also lines cut out of paragraphs, repeated paragraphs, languages,
//! all by the same modules as for text) and each section's and paragraph's source element.

use crate::doc::{ParagraphDraft, Range, SectionDraft, Structure};
use crate::lang::Letters;
use crate::normalize::Normalized;
use crate::structure::{dateline, duplicates, related, sentences};

use super::dom::NodeId;

/// What a part of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Kicker,
    Title,
    Standfirst,
    Byline,
    Heading,
    Paragraph,
    Related,
}

/// A part of the article as the markup gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub role: Role,
    pub text: String,
    pub source: Option<NodeId>,
}

/// The text, its structure and where each section and paragraph came from.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub text: String,
    pub structure: Structure,
    pub byline: Option<Range>,
    /// Per section: the heading's source and each paragraph's, parallel to `structure.sections`.
    pub sources: Vec<(Option<NodeId>, Vec<Option<NodeId>>)>,
}

/// Lays out `parts`. `lang` is the language the caller gives, which wins; `markup_lang` the one
/// the page declares, which counts only where the letters do not tell (templates often declare
/// `lang="en"` on Hindi pages, and the script of the letters is the stronger evidence).
pub fn lay_out(
    parts: &[Part],
    lang: Option<&'static str>,
    markup_lang: Option<&'static str>,
) -> Layout {
    let mut text = String::new();
    let mut placed: Vec<(Range, &Part)> = Vec::with_capacity(parts.len());
    for part in parts {
        let normal = normalized(&part.text);
        let piece = normal.trim();
        if piece.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(piece);
        placed.push((Range::new(start, text.len()), part));
    }

    let mut layout = Layout::default();
    let structure = &mut layout.structure;
    let mut section = SectionDraft::default();
    let mut sources: (Option<NodeId>, Vec<Option<NodeId>>) = (None, Vec::new());
    let mut first_paragraph = true;
    for &(range, part) in &placed {
        match part.role {
            Role::Kicker => structure.kicker = Some(range),
            Role::Title => structure.title = Some(range),
            Role::Standfirst => structure.standfirst = Some(range),
            Role::Byline => layout.byline = Some(range),
            Role::Related => structure.related.push(range),
            Role::Heading => {
                if section.heading.is_some() || !section.paragraphs.is_empty() {
                    structure.sections.push(std::mem::take(&mut section));
                    layout.sources.push(std::mem::take(&mut sources));
                }
                section.heading = Some(range);
                sources.0 = part.source;
            }
            Role::Paragraph => {
                for piece in related::split(&text, range) {
                    if piece.range.is_empty() {
                        continue;
                    }
                    if piece.related {
                        structure.related.push(piece.range);
                        continue;
                    }
                    let dateline = if first_paragraph {
                        dateline::leading(&text, piece.range)
                    } else {
                        None
                    };
                    if first_paragraph {
                        structure.dateline = dateline;
                        first_paragraph = false;
                    }
                    section
                        .paragraphs
                        .push(paragraph(&text, piece.range, dateline));
                    sources.1.push(part.source);
                }
            }
        }
    }
    if section.heading.is_some() || !section.paragraphs.is_empty() {
        structure.sections.push(section);
        layout.sources.push(sources);
    }
    crate::sort::natural(&mut structure.related);

    let mut paragraphs: Vec<&mut ParagraphDraft> = structure
        .sections
        .iter_mut()
        .flat_map(|s| s.paragraphs.iter_mut())
        .collect();
    duplicates::mark(&text, &mut paragraphs, &mut structure.notes);

    structure.lang = match lang {
        Some(tag) => tag,
        None => {
            let mut letters = Letters::default();
            for p in structure.sections.iter().flat_map(|s| &s.paragraphs) {
                letters.add(Letters::of(p.range.slice(&text)));
            }
            match (letters.tag(), markup_lang) {
                ("und", Some(tag)) => tag,
                ("und", None) => crate::lang::detect(&text),
                (tag, _) => tag,
            }
        }
    };
    layout.text = text;
    layout
}

/// `text` normalised until it normalises to itself: a letter with two combining marks composes
/// with one per pass, and every pass after the first only composes, so this ends.
fn normalized(text: &str) -> String {
    let mut out = Normalized::new(text).text.into_owned();
    for _ in 0..8 {
        let again = Normalized::new(&out);
        if again.is_identity() {
            break;
        }
        out = again.text.into_owned();
    }
    out
}

/// The paragraph `range` with its sentences; a dateline that opens it is a sentence of its own.
fn paragraph(text: &str, range: Range, dateline: Option<Range>) -> ParagraphDraft {
    ParagraphDraft {
        range,
        sentences: sentences::of_paragraph(text, range, dateline),
        duplicate: false,
        lang: crate::lang::detect(range.slice(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(role: Role, text: &str) -> Part {
        Part {
            role,
            text: text.to_string(),
            source: Some(7),
        }
    }

    #[test]
    fn lays_out_sections() {
        let layout = lay_out(
            &[
                part(Role::Title, "A title"),
                part(Role::Paragraph, "First  paragraph. Two sentences."),
                part(Role::Heading, "A heading"),
                part(Role::Paragraph, "Second one."),
            ],
            None,
            None,
        );
        let s = &layout.structure;
        assert_eq!(
            s.title.map(|r| r.slice(&layout.text)),
            Some("A title"),
            "should place the title"
        );
        assert_eq!(s.sections.len(), 2, "should open a section at the heading");
        assert_eq!(
            s.sections[0].paragraphs[0].sentences.len(),
            2,
            "should split sentences"
        );
        assert_eq!(
            layout.sources[1].0,
            Some(7),
            "should keep the heading's source"
        );
        assert_eq!(s.lang, "en", "should detect the language");
        assert!(
            Normalized::new(&layout.text).is_identity(),
            "should give text that normalises to itself"
        );
    }
}
