//! Surface forms: how a name of the lexicon is written in text. A form is normalised the way the
//! text is ([`crate::normalize`]), and each Devanagari form also gets the spellings Hindi writers
//! commonly use for it (no nukta, ा for ॉ, ं for ँ and for a nasal consonant + virama), so
//! "मॉस्को" also finds "मास्को" and "हिन्दी" also finds "हिंदी"; an ASCII form in lower case
//! also gets its capitals, as headlines and datelines write it.
//!
//! `build.rs` includes this file too: it expands the built-in lexicon's forms at build time, and
//! the lexicon expands the caller's own actors (`options.actors`) at run time, the same way.

use crate::normalize::Normalized;

/// The files of named things, in the order their rows are numbered (the lexicon's entries).
pub const ENTITY_FILES: [&str; 6] = [
    "lexicon/people.tsv",
    "lexicon/organizations.tsv",
    "lexicon/countries.tsv",
    "lexicon/india.tsv",
    "lexicon/regions.tsv",
    "lexicon/cities.tsv",
];

/// The columns of an entity file's row that hold its forms: names, then adjectives.
pub const FORM_COLUMNS: [usize; 2] = [3, 4];

/// The kinds that `ActorKind::from_name` (src/article.rs) knows: a row of another kind is no
/// entry of the lexicon (the lexicon's tests check that both agree).
const KINDS: [&str; 12] = [
    "person",
    "per",
    "country",
    "organization",
    "organisation",
    "org",
    "place",
    "loc",
    "location",
    "city",
    "state",
    "group",
];

/// The data rows of the entity files (`texts`, in the order of [`ENTITY_FILES`]) with their
/// form columns replaced by the surface forms that each row claims: every form's
/// [`surface_forms`], each kept by the first row to claim it. `Form^` stands for `Form|FORM`,
/// the capitals of an ASCII form (they compress badly; the lexicon makes them), and a form that
/// is the row's first cell (its canonical name) is written `=` (`=^` with its capitals): most
/// rows name themselves so, and the repeat gzips worse than one character. Rows of an unknown
/// kind keep no forms. `build.rs` packs the files this way, so the lexicon only reads
/// the forms on its first use.
pub fn expand_entity_files(texts: &[String]) -> Vec<Vec<String>> {
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut files = Vec::new();
    for text in texts {
        let mut rows = Vec::new();
        let lines = text
            .lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'));
        for line in lines {
            let mut cols: Vec<String> = line.split('\t').map(str::to_string).collect();
            let known = cols
                .get(1)
                .is_some_and(|k| KINDS.contains(&k.trim().to_ascii_lowercase().as_str()));
            for column in FORM_COLUMNS {
                let Some(cell) = cols.get(column) else {
                    continue;
                };
                let mut claimed: Vec<String> = Vec::new();
                for form in split_forms(Some(&cell.as_str())).filter(|_| known) {
                    // Where this form's own spelling went in `claimed`, if it claimed it.
                    let mut own: Option<usize> = None;
                    for v in surface_forms(form) {
                        if !seen.insert(v.clone()) {
                            continue;
                        }
                        match own {
                            Some(i) if claimed[i].to_ascii_uppercase() == v => claimed[i].push('^'),
                            _ => {
                                if own.is_none() && v == form.trim() {
                                    own = Some(claimed.len());
                                }
                                claimed.push(v);
                            }
                        }
                    }
                }
                for form in &mut claimed {
                    let bare = form.strip_suffix('^').unwrap_or(form);
                    if bare == cols[0] {
                        *form = if bare.len() < form.len() { "=^" } else { "=" }.to_string();
                    }
                }
                cols[column] = claimed.join("|");
            }
            rows.push(cols.join("\t"));
        }
        files.push(rows);
    }
    files
}

/// The forms of a `|`-separated cell of an entity file.
pub fn split_forms<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty())
}

/// Every way the text may write `form`, the form itself first; forms of fewer than two
/// characters are left out (they would match inside too many words).
pub fn surface_forms(form: &str) -> Vec<String> {
    let mut all = variants(form.trim());
    // Text in capitals ("LONDON", headlines, datelines) names the same things.
    if form.is_ascii() && form.chars().any(|c| c.is_ascii_lowercase()) {
        all.push(form.trim().to_ascii_uppercase());
    }
    all.retain(|v| v.chars().count() >= 2);
    all
}

/// `form` as the text will carry it, plus its common Hindi spelling variants.
pub fn variants(form: &str) -> Vec<String> {
    let norm = Normalized::new(form).text.into_owned();
    let mut out = vec![norm.clone()];
    if !norm.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)) {
        return out;
    }
    let no_nukta: String = norm.chars().filter(|&c| c != '\u{093C}').collect();
    let folded = fold_spelling(&no_nukta);
    for v in [no_nukta, folded] {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// The loosest common spelling of a Devanagari word: ा for ॉ, ं for ँ, ं for a nasal + virama
/// before a consonant.
fn fold_spelling(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let nasal = matches!(c, 'ङ' | 'ञ' | 'ण' | 'न' | 'म');
        if nasal
            && i > 0
            && chars.get(i + 1) == Some(&'\u{094D}')
            && chars.get(i + 2).is_some_and(|&n| is_consonant(n))
        {
            out.push('\u{0902}');
            i += 2;
            continue;
        }
        out.push(match c {
            '\u{0949}' => '\u{093E}',
            '\u{0901}' => '\u{0902}',
            other => other,
        });
        i += 1;
    }
    out
}

fn is_consonant(c: char) -> bool {
    ('\u{0915}'..='\u{0939}').contains(&c) || ('\u{0958}'..='\u{095F}').contains(&c)
}
