//! Recognising text that is not UTF-8 but another Unicode encoding (UTF-16 or UTF-32, as
//! Notepad's "Unicode" saves it), so the diagnostic can say "save as UTF-8" instead of quoting a
//! line full of NUL bytes.

/// The encoding of a file saved as UTF-16 or UTF-32: by its byte-order mark, or, for UTF-16
/// without one, by the NUL byte that every other byte of ASCII text then is.
pub fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    // UTF-32 first: its little-endian mark starts like UTF-16's.
    if bytes.starts_with(&[0xFF, 0xFE, 0x00, 0x00]) {
        return Some("UTF-32 (little-endian)");
    }
    if bytes.starts_with(&[0x00, 0x00, 0xFE, 0xFF]) {
        return Some("UTF-32 (big-endian)");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("UTF-16 (little-endian)");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16 (big-endian)");
    }
    // No mark: look at the first bytes only (cheap). ASCII text in UTF-16 has a NUL in every
    // other byte, UTF-32 in three of every four.
    let head = bytes.get(..bytes.len().min(512)).unwrap_or(bytes);
    if head.len() < 4 || !head.contains(&0) {
        return None;
    }
    let nul_at = |phase: usize, step: usize| {
        let (mut nul, mut all) = (0usize, 0usize);
        for b in head.iter().skip(phase).step_by(step) {
            all += 1;
            nul += usize::from(*b == 0);
        }
        all > 0 && nul * 10 >= all * 9
    };
    let no_nul_at =
        |phase: usize, step: usize| head.iter().skip(phase).step_by(step).all(|b| *b != 0);
    if nul_at(1, 4) && nul_at(2, 4) && nul_at(3, 4) && no_nul_at(0, 4) {
        return Some("UTF-32 (little-endian)");
    }
    if nul_at(0, 4) && nul_at(1, 4) && nul_at(2, 4) && no_nul_at(3, 4) {
        return Some("UTF-32 (big-endian)");
    }
    if nul_at(1, 2) && no_nul_at(0, 2) {
        return Some("UTF-16 (little-endian)");
    }
    if nul_at(0, 2) && no_nul_at(1, 2) {
        return Some("UTF-16 (big-endian)");
    }
    None
}

/// The first NUL byte of a text that is otherwise UTF-8: (line, column), 1-based.
pub fn first_nul(text: &str) -> Option<(usize, usize)> {
    let at = text.find('\0')?;
    let before = text.get(..at)?;
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(start..).map_or(0, |s| s.chars().count()) + 1;
    Some((line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        for u in s.encode_utf16() {
            out.extend(u.to_le_bytes());
        }
        out
    }

    #[test]
    fn recognises_wide_encodings() {
        let text = "dimension: living\ncoordinator: DINKES\n";
        assert_eq!(
            wide_encoding(&utf16le(text, true)),
            Some("UTF-16 (little-endian)")
        );
        assert_eq!(
            wide_encoding(&utf16le(text, false)),
            Some("UTF-16 (little-endian)")
        );
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(wide_encoding(&be), Some("UTF-16 (big-endian)"));
        let mut w32 = vec![0xFF, 0xFE, 0, 0];
        w32.extend(text.chars().flat_map(|c| (c as u32).to_le_bytes()));
        assert_eq!(wide_encoding(&w32), Some("UTF-32 (little-endian)"));
        assert_eq!(wide_encoding(&w32[4..]), Some("UTF-32 (little-endian)"));
        assert_eq!(wide_encoding(text.as_bytes()), None);
        assert_eq!(wide_encoding("a\0".as_bytes()), None);
    }

    #[test]
    fn finds_a_nul() {
        assert_eq!(first_nul("ab\ncd\0e"), Some((2, 3)));
        assert_eq!(first_nul("abc"), None);
    }
}
