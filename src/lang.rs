//! Language by script: Devanagari text is Hindi, Arabic-script text Urdu, Latin text English.
//!
//! Counts the letters of each script and picks the one with most letters; with no letters of
//! these scripts the language is `und`. Mixed text ("PM मोदी", an English kicker on a Hindi
//! story) goes by its majority. [`Letters`] adds counts up, so the language of several blocks is
//! found without joining their text.
//!
//! Urdu and Hindi share most words but not their script, so the script decides; Arabic-script
//! text is taken as Urdu because that is the Arabic-script language of the readers newslens
//! serves. Marathi and Nepali, also written in Devanagari, are reported as `hi`.

use crate::scan::{ascii_letters, eight, is_ascii};

/// The first two bytes of each of the three characters of three bytes that open eight bytes (as
/// [`eight`] reads them), with the low bit of the second (A4 or A5) left out.
const THREE_LEADS: u64 = 0xFEFF_00FE_FF00_FEFF;
/// [`THREE_LEADS`] of three Devanagari characters: E0 A4 (or A5) at bytes 0, 3 and 6.
const DEVANAGARI_LEADS: u64 = 0xA4E0_00A4_E000_A4E0;

/// Letters of each script in some text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Letters {
    pub devanagari: usize,
    pub arabic: usize,
    pub latin: usize,
}

impl Letters {
    /// Count the letters of `text`.
    pub fn of(text: &str) -> Letters {
        let mut n = Letters::default();
        let bytes = text.as_bytes();
        let mut at = 0;
        // ASCII and Devanagari (E0 A4 xx, E0 A5 xx) are told from the bytes, the rest decoded;
        // eight ASCII bytes at a time where there are eight.
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii() {
                // From a letter on (a space in Hindi text is mostly followed by Devanagari).
                let run = b.is_ascii_alphabetic().then(|| eight(bytes, at)).flatten();
                if let Some(w) = run.filter(|&w| is_ascii(w)) {
                    n.latin += ascii_letters(w);
                    at += 8;
                    continue;
                }
                n.latin += usize::from(b.is_ascii_alphabetic());
                at += 1;
                continue;
            }
            if b == 0xE0 && matches!(bytes.get(at + 1), Some(0xA4 | 0xA5)) {
                // A run of Devanagari at once (words are runs of several letters and signs).
                n.devanagari += 1;
                at += 3;
                // Three characters at a time while eight bytes hold three leads (E0 A4, E0 A5):
                // the third's last byte, past the eight, is its continuation byte.
                while eight(bytes, at).is_some_and(|w| w & THREE_LEADS == DEVANAGARI_LEADS) {
                    n.devanagari += 3;
                    at += 9;
                }
                while let Some([0xE0, 0xA4 | 0xA5]) = bytes.get(at..at + 2) {
                    n.devanagari += 1;
                    at += 3;
                }
                continue;
            }
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            at += c.len_utf8();
            match c {
                '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}' => n.devanagari += 1,
                // Arabic-script digits and punctuation are not letters.
                '\u{0600}'..='\u{06FF}'
                | '\u{0750}'..='\u{077F}'
                | '\u{08A0}'..='\u{08FF}'
                | '\u{FB50}'..='\u{FDFF}'
                | '\u{FE70}'..='\u{FEFF}'
                    if c.is_alphabetic() =>
                {
                    n.arabic += 1
                }
                'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => n.latin += 1,
                _ => {}
            }
        }
        n
    }

    pub fn add(&mut self, other: Letters) {
        self.devanagari += other.devanagari;
        self.arabic += other.arabic;
        self.latin += other.latin;
    }

    /// The BCP 47 tag of the script with most letters, `und` when there are none.
    pub fn tag(self) -> &'static str {
        let most = self.devanagari.max(self.arabic).max(self.latin);
        if most == 0 {
            "und"
        } else if most == self.devanagari {
            "hi"
        } else if most == self.arabic {
            "ur"
        } else {
            "en"
        }
    }
}

/// The BCP 47 tag of the language most of `text`'s letters are written in.
pub fn detect(text: &str) -> &'static str {
    Letters::of(text).tag()
}

/// Whether `tag` is written right to left.
pub fn is_rtl(tag: &str) -> bool {
    matches!(tag, "ur" | "ar" | "fa" | "he")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_script() {
        assert_eq!(detect("रूस ने कहा"), "hi", "should read Devanagari as Hindi");
        assert_eq!(detect("Russia said"), "en", "should read Latin as English");
        assert_eq!(
            detect("روس نے کہا"),
            "ur",
            "should read Arabic script as Urdu"
        );
        assert_eq!(detect("123 ?!"), "und", "should say und without letters");
        assert_eq!(detect("PM मोदी ने कहा"), "hi", "should go by the majority");
        assert!(is_rtl("ur"), "should know Urdu is right to left");
    }

    #[test]
    fn counts_latin_letters_eight_at_a_time_as_one_at_a_time() {
        // Every offset of a Latin text with other scripts in it, against a count by characters.
        let text = "Tass said: “Kim Jong Un” met @Putin [Z`z{] — रूस 2024, naïve Zürich بات ok.";
        for from in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let part = &text[from..];
            let by_char = part
                .chars()
                .filter(|c| matches!(c, 'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}'))
                .count();
            assert_eq!(
                Letters::of(part).latin,
                by_char,
                "should count the Latin letters of {part:?}"
            );
        }
    }

    #[test]
    fn counts_devanagari_three_at_a_time_as_one_at_a_time() {
        // Every offset of runs of Devanagari of every length, with other scripts around them.
        let text = "क कि किया। प्रधानमंत्री॥ नरेन्द्र मोदी ꣲx अँॐ०१२ रूस-कोरिया, ক বাংলা“उत्तर”";
        for from in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let part = &text[from..];
            let by_char = part
                .chars()
                .filter(|c| matches!(c, '\u{0900}'..='\u{097F}' | '\u{A8E0}'..='\u{A8FF}'))
                .count();
            assert_eq!(
                Letters::of(part).devanagari,
                by_char,
                "should count the Devanagari letters of {part:?}"
            );
        }
    }

    #[test]
    fn adds_counts() {
        let mut all = Letters::of("Russia");
        all.add(Letters::of("रूस ने कहा कि वह साथ है"));
        assert_eq!(all.tag(), "hi", "should add letters of several blocks");
    }
}
