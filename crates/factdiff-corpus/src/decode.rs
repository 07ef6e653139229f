//! Bytes to text: BOM, binary detection, lossy UTF-8 with a map back to the bytes.

/// The text of a file, and how its offsets map back to the file's bytes.
pub(crate) struct Decoded {
    pub text: String,
    /// `(text_offset, source_offset)` checkpoints; see `Origin::File`.
    pub shifts: Vec<(u32, u32)>,
    /// Whether invalid UTF-8 was replaced.
    pub lossy: bool,
}

pub(crate) enum DecodeError {
    Binary,
    Utf16,
    TooLarge,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The length of the file's UTF-8 BOM (0 or 3), or why it is not text: too large,
/// UTF-16, or binary (a NUL byte in the first 8 KiB).
fn check(bytes: &[u8]) -> Result<usize, DecodeError> {
    if bytes.len() > u32::MAX as usize {
        return Err(DecodeError::TooLarge);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(DecodeError::Utf16);
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Err(DecodeError::Binary);
    }
    Ok(if bytes.starts_with(UTF8_BOM) { 3 } else { 0 })
}

/// [`decode`], taking the bytes: valid UTF-8 becomes the text in place, without a
/// second copy of the file beside the first (issue 14: a JSONL archive is read whole).
pub(crate) fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    let bom = check(&bytes)?;
    if std::str::from_utf8(&bytes[bom..]).is_err() {
        return decode(&bytes);
    }
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            shifts: vec![(0, bom as u32)],
            lossy: false,
        }),
        Err(err) => decode(err.as_bytes()),
    }
}

/// Decodes a file's bytes.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let bom = check(bytes)?;
    let body = &bytes[bom..];
    let mut shifts = vec![(0u32, bom as u32)];
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            shifts,
            lossy: false,
        }),
        Err(_) => {
            let mut text = String::with_capacity(body.len() + 16);
            let mut src = bom;
            for chunk in body.utf8_chunks() {
                text.push_str(chunk.valid());
                src += chunk.valid().len();
                if !chunk.invalid().is_empty() {
                    text.push(char::REPLACEMENT_CHARACTER);
                    src += chunk.invalid().len();
                    shifts.push((text.len() as u32, src as u32));
                }
            }
            Ok(Decoded {
                text,
                shifts,
                lossy: true,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_invalid_bytes_keep_offsets_into_the_file() {
        let bytes = b"\xEF\xBB\xBFab\xFFcd";
        let Ok(d) = decode(bytes) else { panic!() };
        assert_eq!(d.text, "ab\u{FFFD}cd");
        assert!(d.lossy);
        // 'c' is at text offset 5 (after the 3-byte U+FFFD) and file offset 6.
        assert_eq!(d.shifts, vec![(0, 3), (5, 6)]);
    }

    #[test]
    fn taking_the_bytes_decodes_as_borrowing_them() {
        let cases: [&[u8]; 6] = [
            b"plain text\n",
            b"\xEF\xBB\xBFwith a BOM\n",
            b"\xEF\xBB\xBFab\xFFcd",
            b"bad \xC3 byte\n",
            b"PK\x03\x04\x00\x00",
            b"\xFF\xFEa\x00",
        ];
        for bytes in cases {
            match (decode(bytes), decode_owned(bytes.to_vec())) {
                (Ok(a), Ok(b)) => {
                    assert_eq!((a.text, a.shifts, a.lossy), (b.text, b.shifts, b.lossy));
                }
                (Err(a), Err(b)) => {
                    assert_eq!(std::mem::discriminant(&a), std::mem::discriminant(&b));
                }
                _ => panic!("{bytes:?}: one decoded, the other refused"),
            }
        }
    }

    #[test]
    fn binary_and_utf16_are_refused() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(DecodeError::Binary)
        ));
        assert!(matches!(decode(b"\xFF\xFEa\x00"), Err(DecodeError::Utf16)));
    }
}
