"""How much a PDF's compressed streams expand, measured before PDFium decodes any of them.

A decompression bomb is a small file whose Flate streams inflate to gigabytes: PDFium decodes
a page's streams whole, so a 1 MB PDF expanding to 1 GB took 18 s and 3.2 GB of memory before
it failed. Here every Flate stream is inflated in 1 MB steps and only counted (a chain of
Flate filters inflated through), and the file is refused once the total passes its budget:
`RATIO` times its size, at least `FLOOR`. Real gazettes stay far below it (text streams
expand 3–10 times, scanned pages are JPEG or CCITT, which are not inflated here).

Streams are found by their `stream` keyword and recognised as Flate by the zlib header, so no
PDF object needs parsing. Encrypted streams do not inflate and are not counted.
"""

from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from govkg.errors import InputError

RATIO = 100  # decompressed bytes allowed per byte of file
FLOOR = 256 << 20  # bytes always allowed, however small the file
STEP = 1 << 20  # bytes inflated at a time
MAX_LAYERS = 8
STREAM = re.compile(rb"stream\r?\n")


def check_expansion(path: Path, ratio: int = RATIO, floor: int = FLOOR) -> int:
    """The bytes the file's Flate streams inflate to; an InputError past the budget."""
    size = path.stat().st_size
    budget = max(ratio * size, floor)
    total = 0
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        for m in STREAM.finditer(data):
            if _is_zlib(data[m.end():m.end() + 2]):
                total += _inflated(data, m.end(), budget - total)
            if total > budget:
                raise InputError(f"PDF streams expand to over {budget:,} bytes from {size:,} "
                                 "(a decompression bomb?)", where=str(path),
                                 hint="a real gazette expands far less: check where the file came from")
    return total


def _is_zlib(head: bytes) -> bool:
    """A zlib header: deflate with a window of at most 32 KB and a valid check number."""
    return len(head) == 2 and head[0] & 0x0F == 8 and head[0] >> 4 <= 7 and (head[0] << 8 | head[1]) % 31 == 0


def _inflated(data: mmap.mmap, start: int, budget: int) -> int:
    """Bytes the stream at `start` inflates to (through nested Flate layers), counted up to
    just past `budget`; a damaged stream counts what inflated before the damage."""
    chain, position = _Chain(budget), start
    try:
        while position < len(data) and not chain.layers[0].eof and chain.count <= budget:
            chunk = data[position:position + STEP]
            position += len(chunk)
            chain.feed(chunk)
    except zlib.error:
        pass
    return chain.count


class _Chain:
    """Inflates through Flate layers, keeping no output: a layer is added when the first
    bytes a layer gives are themselves a zlib stream (a filter chain `[/FlateDecode
    /FlateDecode]`, which expands one bomb inside another)."""

    def __init__(self, budget: int):
        self.layers = [zlib.decompressobj()]
        self.decided = [False]
        self.budget = budget
        self.count = 0  # bytes out of the last layer

    def feed(self, data: bytes, depth: int = 0) -> None:
        layer = self.layers[depth]
        out = layer.decompress(data, STEP)
        while out and self.count <= self.budget:
            self._pass_on(depth, out)
            if not layer.unconsumed_tail:
                return
            out = layer.decompress(layer.unconsumed_tail, STEP)

    def _pass_on(self, depth: int, out: bytes) -> None:
        if not self.decided[depth]:
            self.decided[depth] = True
            if _is_zlib(out[:2]) and depth < MAX_LAYERS:
                self.layers.append(zlib.decompressobj())
                self.decided.append(False)
        if depth + 1 < len(self.layers):
            self.feed(out, depth + 1)
        else:
            self.count += len(out)
