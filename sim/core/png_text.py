"""Read the text chunks (tEXt, zTXt, iTXt) of a PNG file, and nothing else.

Pure Python on bytes already in memory. Sizes are checked before anything is sliced
or decompressed, so a hostile file cannot make it allocate more than `limit` per chunk.
"""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
TEXT_CHUNKS = (b"tEXt", b"zTXt", b"iTXt")


class PngError(ValueError):
    """Why the PNG cannot be read, as one line."""


def _inflate(compressed: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(compressed, limit + 1)
    except zlib.error:
        raise PngError("PNG text chunk does not decompress") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise PngError(f"PNG text chunk decompresses to over {limit >> 20} MB")
    return out


def _text(kind: bytes, body: bytes, limit: int) -> str:
    """The text of a chunk whose keyword has already been split off."""
    if kind == b"tEXt":
        return body.decode("latin-1")
    if kind == b"zTXt":
        return _inflate(body[1:], limit).decode("latin-1")
    if len(body) < 2:
        raise PngError("malformed iTXt chunk")
    compressed, rest = body[0], body[2:]
    _language, _, rest = rest.partition(b"\0")
    _translated, _, text = rest.partition(b"\0")
    try:
        return (_inflate(text, limit) if compressed else text).decode("utf-8")
    except UnicodeDecodeError:
        raise PngError("iTXt chunk is not UTF-8") from None


def text_chunks(data: bytes, keywords: tuple[str, ...], limit: int) -> dict[str, str]:
    """{keyword: text} for the first text chunk of each wanted keyword. Chunks with
    other keywords are skipped unread; any text chunk over `limit` bytes is an error."""
    if not data.startswith(SIGNATURE):
        raise PngError("not a PNG file")
    found: dict[str, str] = {}
    position = len(SIGNATURE)
    while position < len(data):
        if position + 8 > len(data):
            raise PngError("truncated PNG (a chunk header is cut off)")
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body_end = position + 8 + length
        if kind in TEXT_CHUNKS and length > limit:
            raise PngError(f"PNG text chunk of {length / 2**20:.1f} MB is over the {limit >> 20} MB limit")
        if body_end + 4 > len(data):
            raise PngError("truncated PNG (a chunk is cut off)")
        if kind in TEXT_CHUNKS:
            body = data[position + 8 : body_end]
            (crc,) = struct.unpack(">I", data[body_end : body_end + 4])
            if zlib.crc32(kind + body) != crc:
                raise PngError(f"corrupt PNG ({kind.decode()} chunk checksum does not match)")
            keyword, separator, rest = body.partition(b"\0")
            name = keyword.decode("latin-1")
            if separator and name in keywords and name not in found:
                found[name] = _text(kind, rest, limit)
        if kind == b"IEND":
            break
        position = body_end + 4
    return found
