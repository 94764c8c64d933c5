//! "Did you mean ...?": the nearest valid name to a misspelt one, only when it is close enough to
//! be a plausible typo.

/// The candidate nearest to `input`, when it is close enough to be a typo of it.
///
/// Matching ignores case (`dinkes` finds `DINKES`) and uses the Damerau-Levenshtein distance (a
/// swap of two neighbours counts once). "Close enough" grows with the length of the word: one edit
/// for words up to four characters, two up to eight, three beyond. Ties keep the earliest
/// candidate, so the answer is deterministic. When nothing is that close, a candidate that the
/// input is a prefix of (or that is a prefix of the input) is taken, if the shorter of the two
/// has at least three characters (`visi` -> `vision`).
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let needle = input.to_lowercase();
    if needle.is_empty() {
        return None;
    }
    let limit = match needle.chars().count() {
        0..=4 => 1,
        5..=8 => 2,
        _ => 3,
    };
    let mut best: Option<(usize, &'a str)> = None;
    let mut fallback: Vec<&'a str> = Vec::new();
    for candidate in candidates {
        fallback.push(candidate);
        let lower = candidate.to_lowercase();
        if lower == needle {
            return Some(candidate);
        }
        // Cheap bound first: the distance is at least the difference in length.
        let len_gap = lower.chars().count().abs_diff(needle.chars().count());
        if len_gap > limit {
            continue;
        }
        let distance = strsim::damerau_levenshtein(&needle, &lower);
        let better = match best {
            None => true,
            Some((d, _)) => distance < d,
        };
        if distance <= limit && better {
            best = Some((distance, candidate));
        }
    }
    if let Some((_, c)) = best {
        return Some(c);
    }
    // A truncated or over-long word (`visi` for `vision`): the first candidate that one is a
    // prefix of the other, when the shorter has at least three characters.
    candidates_again(&needle, fallback)
}

fn candidates_again<'a>(needle: &str, candidates: Vec<&'a str>) -> Option<&'a str> {
    candidates.into_iter().find(|c| {
        let lower = c.to_lowercase();
        let (short, long) = if lower.len() <= needle.len() {
            (lower.as_str(), needle)
        } else {
            (needle, lower.as_str())
        };
        short.chars().count() >= 3 && long.starts_with(short)
    })
}

/// `did you mean `x`?` as a hint, when there is a close candidate.
pub fn hint<'a, I>(input: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    did_you_mean(input, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// A list of names for a message: "`a`, `b` or `c`".
pub fn one_of<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {}", rest.join(", "), last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_close_codes_and_keys() {
        assert_eq!(
            did_you_mean("DINKESS", ["DKISP", "DINKES", "BAPPEDA"]),
            Some("DINKES")
        );
        assert_eq!(
            did_you_mean("cordinator", ["dimension", "coordinator", "members"]),
            Some("coordinator")
        );
        assert_eq!(did_you_mean("apdb", ["apbd", "apbn", "dak"]), Some("apbd"));
        assert_eq!(
            did_you_mean("enviroment", ["economy", "environment"]),
            Some("environment")
        );
        assert_eq!(did_you_mean("dinkes", ["DINKES"]), Some("DINKES"));
        assert_eq!(did_you_mean("visi", ["vision", "missions"]), Some("vision"));
        assert_eq!(
            did_you_mean("indicator", ["outputs", "indicators"]),
            Some("indicators")
        );
    }

    #[test]
    fn refuses_far_fetched_suggestions() {
        assert_eq!(did_you_mean("xyz", ["apbd", "apbn"]), None);
        assert_eq!(did_you_mean("", ["a"]), None);
        assert_eq!(did_you_mean("foo", Vec::<&str>::new()), None);
        assert_eq!(did_you_mean("zzzzzzzzzz", ["governance"]), None);
    }

    #[test]
    fn ties_keep_the_first_candidate() {
        assert_eq!(did_you_mean("apbx", ["apbd", "apbn"]), Some("apbd"));
    }

    #[test]
    fn lists_names() {
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
        assert_eq!(one_of::<&str>(&[]), "");
    }
}
