//! Language by script: Devanagari text is Hindi, Arabic-script text Urdu, Latin text English.
//!
//! Counts letters of each script and picks the one with most letters; with no letters the
//! language is `und`.

/// The BCP 47 tag of the language most of `text`'s letters are written in.
pub fn detect(text: &str) -> &'static str {
    let (mut devanagari, mut arabic, mut latin) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' => devanagari += 1,
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
            'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => latin += 1,
            _ => {}
        }
    }
    let most = devanagari.max(arabic).max(latin);
    if most == 0 {
        "und"
    } else if most == devanagari {
        "hi"
    } else if most == arabic {
        "ur"
    } else {
        "en"
    }
}
