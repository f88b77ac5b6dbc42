#!/usr/bin/python3
"""Writes assets/fonts/droid/DroidSansFallback-Common.ttf: Debian's Droid Sans Fallback cut to
the characters of the national standards for everyday text, so the page a browser downloads
stays small (3.4 MB -> 1.4 MB; 1.65 MB -> 0.72 MB gzip):
  GB 2312      every character (simplified Chinese: 6,763 hanzi, symbols)
  JIS X 0208   rows 1-47 (Japanese: symbols, kana, the 2,965 level-1 kanji)
  KS X 1001    rows 1-40 (Korean: symbols, the 2,350 Hangul syllables)
  and the CJK punctuation, kana, Hangul letters and full-width forms blocks whole.
Needs python3-fonttools and fonts-droid-fallback (apt-get install). Run from anywhere:
  /usr/bin/python3 tools/fonts/cjk-subset.py
"""
import os
import sys

from fontTools import subset

SOURCE = "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf"
HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(HERE, "..", "..", "assets", "fonts", "droid", "DroidSansFallback-Common.ttf")


def national_standard(codec, first_row, last_row):
    """Every character of a two-byte EUC code set's rows first_row..last_row (1-based)."""
    chars = set()
    for row in range(first_row, last_row + 1):
        for cell in range(1, 95):
            try:
                chars.update(ord(c) for c in bytes([0xA0 + row, 0xA0 + cell]).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


def blocks():
    ranges = [(0x3000, 0x303F), (0x3040, 0x30FF), (0x3130, 0x318F), (0xFF00, 0xFFEF)]
    return {c for first, last in ranges for c in range(first, last + 1)}


def main():
    chars = national_standard("gb2312", 1, 87) | national_standard("euc_jp", 1, 47)
    chars |= national_standard("euc_kr", 1, 40) | blocks()
    options = subset.Options()
    options.layout_features = ["*"]
    options.hinting = False
    font = subset.load_font(SOURCE, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    subset.save_font(font, os.path.normpath(TARGET), options)
    print(f"{os.path.normpath(TARGET)}: {len(chars)} characters, {os.path.getsize(TARGET)} bytes")


if __name__ == "__main__":
    sys.exit(main())
