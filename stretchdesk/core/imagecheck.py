"""Custom pose images are checked before anything decodes them.

A 2 MB file can still be a bomb: a PNG that inflates to gigapixels, or an SVG
whose `<use>` elements draw each other tenfold, eight levels deep. Raster images
are bounded by the pixel count in their header; SVGs by the number of elements
they would draw once every `<use>` is expanded (counted without expanding), and
they may not carry DTDs, entities or embedded pictures.
"""

from __future__ import annotations

import re
import struct
from xml.etree import ElementTree

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 20_000_000
MAX_SIDE = 12_000
MAX_SVG_ELEMENTS = 20_000
MAX_SVG_DRAWN = 50_000
MAX_SVG_DEPTH = 200
IMAGE_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(svg|png|jpe?g)$"
MEDIA_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "svg": "image/svg+xml"}
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_URL_REF = re.compile(r"url\(\s*['\"]?#([^)'\"\s]+)")
_MARKER = re.compile(r"marker", re.IGNORECASE)
DRAWING_ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath",
}
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower()


def image_problem(raw: bytes, name: str) -> str | None:
    """Why these bytes can't be used as the image `name`, in a few words; None when fine."""
    if len(raw) > MAX_IMAGE_BYTES:
        return f"{len(raw) // 1024} KB is over the {MAX_IMAGE_BYTES // 1024} KB limit"
    kind = extension(name)
    if kind == "png":
        return _png_problem(raw)
    if kind in ("jpg", "jpeg"):
        return _jpeg_problem(raw)
    if kind == "svg":
        return _svg_problem(raw)
    return "the name must end in .png, .jpg or .svg"


def _pixels_problem(width: int, height: int) -> str | None:
    if width < 1 or height < 1:
        return "the image has no pixels"
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        return f"{width}x{height} pixels is more than StretchDesk draws (at most {MAX_PIXELS // 1_000_000} megapixels)"
    return None


def _png_problem(raw: bytes) -> str | None:
    if not raw.startswith(b"\x89PNG\r\n\x1a\n") or raw[12:16] != b"IHDR" or len(raw) < 24:
        return "content is not a PNG image"
    width, height = struct.unpack(">II", raw[16:24])
    return _pixels_problem(width, height)


_SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_problem(raw: bytes) -> str | None:
    if not raw.startswith(b"\xff\xd8\xff"):
        return "content is not a JPEG image"
    offset = 2
    while offset + 4 <= len(raw):
        if raw[offset] != 0xFF:
            return "content is not a readable JPEG image"
        marker = raw[offset + 1]
        if marker == 0xFF:
            offset += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            offset += 2
            continue
        (length,) = struct.unpack(">H", raw[offset + 2 : offset + 4])
        if marker in _SOF_MARKERS:
            if offset + 9 > len(raw):
                break
            height, width = struct.unpack(">HH", raw[offset + 5 : offset + 9])
            return _pixels_problem(width, height)
        if marker == 0xDA or length < 2:
            break
        offset += 2 + length
    return "content is not a readable JPEG image (no size found)"


def _svg_problem(raw: bytes) -> str | None:
    if b"<svg" not in raw[:4096]:
        return "content is not an SVG image"
    if _DTD.search(raw):
        return "SVG files with a DOCTYPE or entities are not accepted; save it as plain SVG"
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError as error:
        return f"not well-formed SVG ({error})"
    except ValueError:
        return "not well-formed SVG"
    elements = list(root.iter())
    if len(elements) > MAX_SVG_ELEMENTS:
        return f"{len(elements)} elements is over the {MAX_SVG_ELEMENTS} limit"
    unknown = sorted({_local(e.tag) for e in elements} - DRAWING_ELEMENTS)
    if unknown:
        return (f"SVG <{unknown[0]}> elements are not accepted (no pictures, markers, patterns, filters "
                "or styles); save it as a plain drawing")
    if any(_MARKER.search(e.get("style", "")) for e in elements) or any(
        "marker" in _local(key) for e in elements for key in e.attrib
    ):
        return "SVG markers are not accepted; save it as a plain drawing"
    by_id: dict[str | None, ElementTree.Element] = {}
    for element in elements:
        for key in ("id", _XML_ID):
            if element.get(key):
                by_id.setdefault(element.get(key), element)
    drawn = _drawn_count(root, by_id)
    if drawn is None:
        return "its references (<use>, url(#...)) refer to each other in a loop"
    if drawn > MAX_SVG_DRAWN:
        return f"its references (<use>, url(#...)) would draw over {MAX_SVG_DRAWN:,} elements"
    if _depth(root) > MAX_SVG_DEPTH:
        return f"elements nest deeper than {MAX_SVG_DEPTH} levels"
    return None


def _depth(root: ElementTree.Element) -> int:
    deepest = 0
    stack = [(root, 1)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _drawn_count(root: ElementTree.Element, by_id: dict[str | None, ElementTree.Element]) -> int | None:
    """Elements drawn with every <use> expanded, computed bottom-up (None for a cycle).

    Each element's count is memoised, so a fan-out of 10 over 8 levels costs a
    few additions, not 10**8 visits. Iterative: nesting depth can't blow the stack."""
    counts: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[ElementTree.Element, bool]] = [(root, False)]
    while stack:
        element, children_done = stack.pop()
        key = id(element)
        if children_done:
            on_path.discard(key)
            total = 1 + sum(counts[id(child)] for child in _drawn_children(element, by_id))
            counts[key] = min(total, MAX_SVG_DRAWN + 1)
            continue
        if key in counts:
            continue
        on_path.add(key)
        stack.append((element, True))
        for child in _drawn_children(element, by_id):
            if id(child) in on_path:
                return None
            if id(child) not in counts:
                stack.append((child, False))
    return counts[id(root)]


def _drawn_children(
    element: ElementTree.Element, by_id: dict[str | None, ElementTree.Element]
) -> list[ElementTree.Element]:
    """An element's children plus everything it draws by reference: a <use> (Qt drops the
    link's first character whatever it is, so this does too) and any url(#id) in its
    attributes (clip paths, masks, gradients), each drawn again per reference."""
    children = list(element)
    if _local(element.tag) == "use":
        href = element.get("href") or element.get(_XLINK_HREF) or ""
        target = by_id.get(href[1:]) if href else None
        if target is not None:
            children.append(target)
    for value in element.attrib.values():
        for name in _URL_REF.findall(value):
            target = by_id.get(name)
            if target is not None:
                children.append(target)
    return children
