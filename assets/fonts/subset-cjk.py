#!/usr/bin/env python3
"""Make NotoSansSC-Subset.otf: Noto Sans CJK SC cut to the characters the program can show.

The set: ASCII, GB2312 level 1 (the 3,755 most common simplified characters), kana, CJK and
full-width punctuation, and every character of the shipped Chinese translations
(scenarios/locales/zh/*.po, assets/locales/zh/*.ftl), and the symbols (punctuation, arrows,
mathematical signs such as ≤) any language's texts use that the Latin font lacks, so a
translation never needs a character no shipped font has (tests/fonts.rs checks it). Run again after adding Chinese text:

    apt-get install fonts-noto-cjk && pip install fonttools
    python3 assets/fonts/subset-cjk.py
"""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
TARGET = ROOT / "assets/fonts/NotoSansSC-Subset.otf"


def gb2312_level1():
    for first in range(0xB0, 0xD8):
        for second in range(0xA1, 0xFF):
            try:
                yield bytes([first, second]).decode("gb2312")
            except UnicodeDecodeError:
                pass


def translations():
    files = list((ROOT / "scenarios/locales/zh").glob("*.po")) + list((ROOT / "assets/locales/zh").glob("*.ftl"))
    for f in files:
        yield from f.read_text(encoding="utf-8")


def symbols():
    """Symbols (U+2000–U+2BFF) in any language's texts: the Latin font lacks some (≤, ≥)."""
    files = list((ROOT / "scenarios/locales").glob("*/*.po")) + list((ROOT / "assets/locales").glob("*/*.ftl"))
    for f in files:
        yield from (c for c in f.read_text(encoding="utf-8") if 0x2000 <= ord(c) < 0x2C00)


def main():
    chars = {chr(c) for c in range(0x20, 0x7F)}
    chars |= set(gb2312_level1())
    chars |= {chr(c) for c in range(0x3000, 0x3100)}  # CJK punctuation, hiragana, katakana
    chars |= {chr(c) for c in range(0xFF00, 0xFFF0)}  # full-width forms
    chars |= {c for c in translations() if ord(c) >= 0x2E80}
    chars |= set(symbols())
    unicodes = ",".join(f"U+{ord(c):04X}" for c in sorted(chars))
    subprocess.run(
        [sys.executable, "-m", "fontTools.subset", SOURCE, "--font-number=2", f"--unicodes={unicodes}",
         "--layout-features=*", f"--output-file={TARGET}"],
        check=True,
    )
    print(f"{TARGET}: {len(chars)} characters")


if __name__ == "__main__":
    main()
