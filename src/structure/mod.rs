//! Structure: splits the normalised text into lines and decides what each one is — kicker,
//! title, standfirst, dateline, sub-heading, paragraph or read-also line — and splits paragraphs
//! into sentences.
//!
//! This first version reads one block per non-empty line: line 1 is the headline (a short
//! topic label before a colon becomes the kicker), a line that opens with a read-also marker is
//! related, a short line without final punctuation followed by a paragraph is a sub-heading, and
//! everything else is a paragraph.

use crate::doc::{ParagraphDraft, Range, SectionDraft, Structure};
use crate::options::Options;

const READ_ALSO: &[&str] = &["यह भी पढ़ें", "ये भी पढ़ें", "यहां पढ़ें", "Also read", "Read more"];

/// Find the structure of `text` (normalised).
pub fn analyse(text: &str, _options: &Options) -> Structure {
    let lines = lines(text);
    let mut structure = Structure {
        lang: crate::lang::detect(text),
        ..Structure::default()
    };
    let mut section = SectionDraft::default();
    for (i, &line) in lines.iter().enumerate() {
        let content = line.slice(text);
        if i == 0 {
            match kicker_split(content) {
                Some(at) => {
                    structure.kicker = Some(Range::new(line.start, line.start + at));
                    let rest = trim_start(text, Range::new(line.start + at + 1, line.end));
                    structure.title = Some(rest);
                }
                None => structure.title = Some(line),
            }
            continue;
        }
        if READ_ALSO.iter().any(|m| content.starts_with(m)) {
            structure.related.push(line);
            continue;
        }
        let next_is_paragraph = lines.get(i + 1).is_some_and(|n| n.len() > line.len());
        if is_heading_like(content) && next_is_paragraph {
            if section.heading.is_some() || !section.paragraphs.is_empty() {
                structure.sections.push(std::mem::take(&mut section));
            }
            section.heading = Some(line);
            continue;
        }
        section.paragraphs.push(ParagraphDraft {
            range: line,
            sentences: sentences(text, line),
            duplicate: false,
        });
    }
    if section.heading.is_some() || !section.paragraphs.is_empty() {
        structure.sections.push(section);
    }
    structure
}

/// The non-empty lines of `text`, trimmed of surrounding white space.
fn lines(text: &str) -> Vec<Range> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices().chain([(text.len(), '\n')]) {
        if c == '\n' || c == '\r' {
            let line = trim(text, Range::new(start, at));
            if !line.is_empty() {
                out.push(line);
            }
            start = at + c.len_utf8();
        }
    }
    out
}

fn trim(text: &str, range: Range) -> Range {
    let s = range.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return Range::new(range.start, range.start);
    }
    Range::new(range.start + lead, range.end - trail)
}

fn trim_start(text: &str, range: Range) -> Range {
    trim(text, range)
}

/// Where a kicker ends on the headline line: a colon after a short label, not inside a quote.
fn kicker_split(line: &str) -> Option<usize> {
    let at = line.find(':')?;
    let label = &line[..at];
    let words = label.split_whitespace().count();
    let quoted = label.chars().any(|c| "\"“”‘’'".contains(c));
    (words > 0 && words <= 6 && !quoted && at + 1 < line.len()).then_some(at)
}

fn is_heading_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let last = line.chars().last().unwrap_or('.');
    (1..=12).contains(&words) && !matches!(last, '.' | '।' | '?' | '!' | '"' | '”' | ':' | ',')
}

/// Sentences of a paragraph: ends after । . ? ! (and closing quotes that follow them).
fn sentences(text: &str, range: Range) -> Vec<Range> {
    let mut out = Vec::new();
    let s = range.slice(text);
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if matches!(c, '।' | '.' | '?' | '!') {
            let mut end = at + c.len_utf8();
            while let Some(&(next_at, next)) = chars.peek() {
                if matches!(next, '।' | '.' | '?' | '!' | '"' | '”' | '’') {
                    end = next_at + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let next_is_space = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
            if next_is_space {
                let sentence = trim(text, Range::new(range.start + start, range.start + end));
                if !sentence.is_empty() {
                    out.push(sentence);
                }
                start = end;
            }
        }
    }
    let rest = trim(text, Range::new(range.start + start, range.end));
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}
