//! Reading a safetensors file without trusting it: never more bytes than its header gives, at
//! most [`MAX_FILE_BYTES`].

use std::io::Read;
use std::path::Path;

use crate::Error;

/// The largest file [`read_safetensors`] reads: 4 GiB, the size of a checkpoint of Adam with
/// 100,000 hidden units and more.
pub const MAX_FILE_BYTES: u64 = 4 << 30;

/// Reads a safetensors file, never more than its header says it holds: the 8-byte header
/// length (at most safetensors' own 100 MB), the header, then the tensors' bytes up to the end
/// of the last one. A file that claims more than [`MAX_FILE_BYTES`], or more than a regular
/// file's length, is refused before its data is read; `/dev/zero` is refused at its header.
///
/// # Errors
/// [`Error::Model`] naming the file: unreadable, too short, too large, or a header that is not
/// safetensors.
pub fn read_safetensors(path: &Path) -> Result<Vec<u8>, Error> {
    let read_fail = |e| Error::model_because(path, "cannot be read", e);
    let file = std::fs::File::open(path).map_err(read_fail)?;
    let meta = file.metadata().map_err(read_fail)?;
    if meta.is_dir() {
        return Err(Error::model(path, "is a directory, not a model file"));
    }
    read_safetensors_from(file, meta.is_file().then_some(meta.len()), path)
}

/// [`read_safetensors`] from any reader: `len` is the input's length if known (a regular
/// file's), to refuse a header that claims more before reading it; `path` names the input in
/// errors.
///
/// # Errors
/// As [`read_safetensors`].
// About 75 lines: the file's checks in the order of its parts (size, header, tensors), each with
// its message.
pub fn read_safetensors_from(
    mut input: impl Read,
    len: Option<u64>,
    path: &Path,
) -> Result<Vec<u8>, Error> {
    let read_fail = |e| Error::model_because(path, "cannot be read", e);
    let fail = |problem: String| Error::model(path, problem);
    let mut bytes = Vec::new();
    let got = (&mut input)
        .take(8)
        .read_to_end(&mut bytes)
        .map_err(read_fail)?;
    if got < 8 {
        return Err(fail(format!(
            "is not a safetensors file: it has {got} bytes, fewer than the 8 that give its \
             header's length"
        )));
    }
    let mut take = |bytes: &mut Vec<u8>, n: u64| -> Result<(), Error> {
        let got = (&mut input).take(n).read_to_end(bytes).map_err(read_fail)?;
        if (got as u64) < n {
            return Err(fail(format!(
                "is truncated: it ends after {} bytes, before the end its header gives",
                bytes.len()
            )));
        }
        Ok(())
    };
    let header_len = u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes"));
    if header_len > 100_000_000 {
        return Err(fail(format!(
            "is not a safetensors file: its first 8 bytes give a header of {header_len} bytes \
             (at most 100,000,000)"
        )));
    }
    if let Some(len) = len
        && 8 + header_len > len
    {
        return Err(fail(format!(
            "is truncated or not a safetensors file: its first 8 bytes give a header of \
             {header_len} bytes, but the file has {len}"
        )));
    }
    take(&mut bytes, header_len)?;
    let header: serde_json::Value = serde_json::from_slice(&bytes[8..]).map_err(|e| {
        Error::model_because(path, "is not a safetensors file: its header is not JSON", e)
    })?;
    // the end of the last tensor: safetensors checks the offsets themselves when it reads
    let data_len = header
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(_, t)| t.get("data_offsets")?.get(1)?.as_u64())
        .max()
        .unwrap_or(0);
    let total = (8 + header_len).saturating_add(data_len);
    if total > MAX_FILE_BYTES {
        return Err(fail(format!(
            "claims {total} bytes of header and tensors, but a model file is at most \
             {MAX_FILE_BYTES} bytes"
        )));
    }
    if let Some(len) = len
        && total > len
    {
        return Err(fail(format!(
            "is truncated: its header gives {total} bytes of header and tensors, but the file \
             has {len}"
        )));
    }
    take(&mut bytes, data_len)?;
    // the tensors must cover the data exactly (as the reference safetensors reader demands):
    // bytes after them, or inserted among them, would shift or hide weights
    let extra = match len {
        Some(len) => len - total,
        None => (&mut input)
            .take(1)
            .read_to_end(&mut Vec::new())
            .map_err(read_fail)? as u64,
    };
    if extra > 0 {
        let more = if len.is_some() {
            format!("{extra} more")
        } else {
            "more".into()
        };
        return Err(fail(format!(
            "has {more} bytes after the {total} that its header gives: it was damaged or joined \
             to something else (save it again)"
        )));
    }
    Ok(bytes)
}
