#!/usr/bin/env python3
"""Regenerate the page images in docs/images/ from the Banggai example's PDF.

Usage (from the repository root, with poppler-utils and Pillow installed):

    cargo run -- generate examples/banggai
    python3 docs/images/make-images.py examples/banggai/build/masterplan.pdf

Pages are found by the text they hold (pdftotext), not by number, so the images follow the
document when its page breaks move.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

DPI = 90
OUT = Path(__file__).resolve().parent
GAP = 16  # px between pages side by side
BACKGROUND = (206, 211, 218)


def page_texts(pdf):
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")


def find(texts, *needles, start=1):
    """The first page (1-based, from `start`) whose text holds every needle."""
    for number, text in enumerate(texts, 1):
        flat = " ".join(text.split())
        if number >= start and all(n in flat for n in needles):
            return number
    sys.exit(f"no page holds {needles!r}")


def render(pdf, page, tmp, dpi=DPI):
    stem = Path(tmp) / f"p{page}-{dpi}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png",
         "-singlefile", pdf, str(stem)],
        check=True,
    )
    return Image.open(f"{stem}.png").convert("RGB")


def side_by_side(pages):
    height = max(p.height for p in pages)
    width = sum(p.width for p in pages) + GAP * (len(pages) + 1)
    sheet = Image.new("RGB", (width, height + 2 * GAP), BACKGROUND)
    x = GAP
    for p in pages:
        sheet.paste(p, (x, GAP + (height - p.height) // 2))
        x += p.width + GAP
    return sheet


def save(image, name):
    # 256-colour palette: page images are flat colours and text, so this is near-lossless
    # and several times smaller than RGB.
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        OUT / name, optimize=True
    )
    print(f"{name}: {image.width}x{image.height}, {(OUT / name).stat().st_size // 1024} KB")


def main():
    pdf = sys.argv[1] if len(sys.argv) > 1 else "examples/banggai/build/masterplan.pdf"
    texts = page_texts(pdf)
    cover = 1
    toc = find(texts, "DAFTAR ISI", "KATA PENGANTAR")
    quick_win = find(texts, "Daftar Quick Win", "Keluaran / Indikator", start=toc + 2)
    gantt = find(texts, "Diagram Peta Jalan", "Quick win", start=toc + 2)
    # A programme: its heading, description and details table on one page.
    programme = find(texts, "Perizinan Online dan Mal Pelayanan Publik Digital", "Uraian",
                     start=toc + 2)
    foreword = find(texts, "KATA PENGANTAR", "BUPATI BANGGAI")
    budget = find(texts, "Anggaran per Dimensi dan Tahun", "Jumlah", start=toc + 2)
    commitment = find(texts, "Lembar Komitmen", "Tanda Tangan", start=toc + 2)
    tables = find(texts, "DAFTAR TABEL", "Tabel 2.1 Profil Daerah")
    figures = find(texts, "DAFTAR GAMBAR", "Gambar 3.1")
    # The roadmap's two horizon matrices on one page, their year columns lined up.
    roadmap = find(texts, "Tabel 12.2 Matriks Peta Jalan", "Tabel 12.3 Matriks Peta Jalan",
                   "2032", start=figures + 1)
    with tempfile.TemporaryDirectory() as tmp:
        save(render(pdf, cover, tmp), "cover.png")
        save(render(pdf, toc, tmp), "toc.png")
        save(render(pdf, quick_win, tmp), "quick-win.png")
        save(render(pdf, gantt, tmp), "gantt.png")
        save(render(pdf, programme, tmp), "programme-table.png")
        save(render(pdf, foreword, tmp), "foreword-signature.png")
        save(render(pdf, budget, tmp), "budget-table.png")
        save(render(pdf, commitment, tmp), "commitment-sheet.png")
        save(side_by_side([render(pdf, p, tmp, dpi=60) for p in (tables, figures)]),
             "lists.png")
        save(render(pdf, roadmap, tmp), "roadmap-matrix.png")
        small = [render(pdf, p, tmp, dpi=60) for p in (cover, toc, quick_win, gantt)]
        save(side_by_side(small), "pages.png")
    print(f"pages: cover {cover}, toc {toc}, quick win {quick_win}, gantt {gantt}, "
          f"programme table {programme}, foreword {foreword}, budget {budget}, "
          f"commitment {commitment}, lists {tables}-{figures}, roadmap matrix {roadmap}")


if __name__ == "__main__":
    main()
