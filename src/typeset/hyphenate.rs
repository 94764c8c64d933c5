//! Hyphenation points of words in running text.
//!
//! * **Indonesian**: the syllable rules of the official spelling (PUEBI, *Pemenggalan Kata*),
//!   implemented here: two vowels side by side are split (the diphthongs `ai`, `au`, `ei`, `oi`
//!   never); a consonant between vowels goes with the next syllable (`ba-pak`); of two
//!   consonants between vowels the split falls between them (`man-di`); of three or more,
//!   after the first (`in-stru-men`). `ng`, `ny`, `sy` and `kh` are one consonant (`sa-ngat`,
//!   `ma-sya-ra-kat`, `a-khir`). Rules rather than TeX patterns: Indonesian spelling is
//!   regular, and the only TeX patterns for it (`hyph-id`, 1997) carry a GPL licence.
//! * **English**: Knuth–Liang hyphenation with the TeX `hyph-en-us` patterns and exceptions
//!   (Liang's patterns, permissive licence), through the `hyphenation` crate; its dictionary for
//!   them is bundled in the binary (`hyphenation/en-us.standard.bincode`, the crate's own
//!   build), read once per process.
//!
//! Both keep at least two letters before and three after a break. Only lower-case words of
//! letters are hyphenated: names (capitalised), codes, numbers and URLs never are; callers also
//! skip code and links.

use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language as HyphLanguage, Load, Standard};

use super::markdown::Language;

const LEFT: usize = 2;
const RIGHT: usize = 3;
/// The shortest word hyphenated.
const SHORTEST: usize = 6;

static EN_US: &[u8] = include_bytes!("../../hyphenation/en-us.standard.bincode");

fn english() -> Option<&'static Standard> {
    static DICT: OnceLock<Option<Standard>> = OnceLock::new();
    DICT.get_or_init(|| Standard::from_reader(HyphLanguage::EnglishUS, &mut &EN_US[..]).ok())
        .as_ref()
}

/// Whether `word` may be hyphenated at all: lower-case letters only (apostrophes aside), long
/// enough.
pub fn eligible(word: &str) -> bool {
    word.chars().count() >= SHORTEST && word.chars().all(|c| c.is_lowercase() && c.is_alphabetic())
}

/// Byte offsets in `word` where it may be broken with a hyphen, in increasing order. Empty for
/// a word that is not [`eligible`].
pub fn points(word: &str, lang: Language) -> Vec<usize> {
    if !eligible(word) {
        return Vec::new();
    }
    if lang == Language::Id && word.is_ascii() {
        return indonesian_ascii(word.as_bytes());
    }
    let raw = match lang {
        Language::Id => indonesian(word),
        Language::En => match english() {
            Some(dict) => dict.hyphenate(word).breaks,
            None => Vec::new(),
        },
    };
    let chars: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    let n = chars.len();
    raw.into_iter()
        .filter(|&b| {
            let k = chars.iter().position(|&i| i == b).unwrap_or(0);
            k >= LEFT && n - k >= RIGHT
        })
        .collect()
}

fn vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'é' | 'è')
}

/// PUEBI syllable breaks of a lower-case word (byte offsets).
fn indonesian(word: &str) -> Vec<usize> {
    // Letters as phonemes: the digraphs ng, ny, sy, kh are one consonant.
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut units: Vec<(usize, bool)> = Vec::with_capacity(chars.len()); // (byte offset, vowel)
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let next = chars.get(k + 1).map(|p| p.1);
        let digraph = matches!(
            (c, next),
            ('n', Some('g' | 'y')) | ('s', Some('y')) | ('k', Some('h'))
        );
        units.push((at, vowel(c)));
        k += if digraph { 2 } else { 1 };
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if !units[i].1 {
            i += 1;
            continue;
        }
        // A vowel at i: the consonants after it, up to the next vowel.
        let mut j = i + 1;
        while j < units.len() && !units[j].1 {
            j += 1;
        }
        if j >= units.len() {
            break;
        }
        let consonants = j - i - 1;
        let split = match consonants {
            0 => {
                let pair = (chars_at(word, units[i].0), chars_at(word, units[j].0));
                if matches!(pair, ('a', 'i') | ('a', 'u') | ('e', 'i') | ('o', 'i')) {
                    None
                } else {
                    Some(j)
                }
            }
            1 => Some(i + 1),
            _ => Some(i + 2),
        };
        if let Some(s) = split {
            out.push(units[s].0);
        }
        i = j;
    }
    out
}

/// [`indonesian`] for an ASCII word, without intermediate allocations, with the LEFT/RIGHT
/// minimums applied (the common case: it runs for every eligible word of a loose paragraph).
fn indonesian_ascii(w: &[u8]) -> Vec<usize> {
    let v = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let n = w.len();
    let mut out = Vec::new();
    // Byte offset of each phoneme start and whether it is a vowel, on the stack.
    let mut units = [(0u8, false); 64];
    let mut len = 0;
    let mut k = 0;
    while k < n && len < units.len() {
        let c = w[k];
        let next = w.get(k + 1).copied();
        let digraph = matches!(
            (c, next),
            (b'n', Some(b'g' | b'y')) | (b's', Some(b'y')) | (b'k', Some(b'h'))
        );
        units[len] = (k as u8, v(c));
        len += 1;
        k += if digraph { 2 } else { 1 };
    }
    if k < n {
        // Longer than 64 phonemes: the general path.
        return Vec::new();
    }
    let units = &units[..len];
    let mut i = 0;
    while i < len {
        if !units[i].1 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < len && !units[j].1 {
            j += 1;
        }
        if j >= len {
            break;
        }
        let split = match j - i - 1 {
            0 => {
                let pair = (w[units[i].0 as usize], w[units[j].0 as usize]);
                (!matches!(
                    pair,
                    (b'a', b'i') | (b'a', b'u') | (b'e', b'i') | (b'o', b'i')
                ))
                .then_some(j)
            }
            1 => Some(i + 1),
            _ => Some(i + 2),
        };
        if let Some(s) = split {
            let at = units[s].0 as usize;
            if at >= LEFT && n - at >= RIGHT {
                out.push(at);
            }
        }
        i = j;
    }
    out
}

fn chars_at(word: &str, at: usize) -> char {
    word[at..].chars().next().unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hyph(word: &str, lang: Language) -> String {
        let mut out = String::new();
        let pts = points(word, lang);
        for (i, c) in word.char_indices() {
            if pts.contains(&i) {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn indonesian_syllables() {
        assert_eq!(hyph("pemerintahan", Language::Id), "pe-me-rin-ta-han");
        assert_eq!(hyph("masyarakat", Language::Id), "ma-sya-ra-kat");
        assert_eq!(hyph("pelayanan", Language::Id), "pe-la-ya-nan");
        assert_eq!(hyph("instrumen", Language::Id), "in-stru-men");
        assert_eq!(hyph("pantai", Language::Id), "pan-tai");
        assert_eq!(hyph("kerbau", Language::Id), "ker-bau");
        assert_eq!(hyph("menyanyikan", Language::Id), "me-nya-nyi-kan");
        assert_eq!(hyph("bangkrut", Language::Id), "bang-krut");
        assert_eq!(hyph("pembangunan", Language::Id), "pem-ba-ngu-nan");
        assert_eq!(hyph("diselesaikan", Language::Id), "di-se-le-sai-kan");
    }

    #[test]
    fn the_ascii_path_agrees_with_the_general_one() {
        for w in [
            "pemerintahan",
            "masyarakat",
            "instrumen",
            "pantai",
            "menyanyikan",
            "aplikasi",
            "infrastruktur",
            "kesejahteraan",
            "pengembangan",
            "terintegrasi",
        ] {
            let general: Vec<usize> = indonesian(w)
                .into_iter()
                .filter(|&b| b >= LEFT && w.len() - b >= RIGHT)
                .collect();
            assert_eq!(indonesian_ascii(w.as_bytes()), general, "{w}");
        }
    }

    #[test]
    fn english_patterns() {
        assert_eq!(hyph("hyphenation", Language::En), "hy-phen-a-tion");
        assert_eq!(hyph("government", Language::En), "gov-ern-ment");
    }

    #[test]
    fn names_codes_numbers_and_short_words_are_never_hyphenated() {
        for w in [
            "Banggai",
            "GOV-01",
            "2023",
            "Rp1.250.000",
            "www.banggai",
            "data",
            "BAPPEDA",
        ] {
            assert!(points(w, Language::Id).is_empty(), "{w}");
            assert!(points(w, Language::En).is_empty(), "{w}");
        }
    }
}
