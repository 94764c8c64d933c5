#!/usr/bin/env python3
"""Fill a workbook written by `masterplan worksheet export` in LibreOffice Calc, as a planner
would at the Bimtek, and save it as .xlsx: the round trip through a real spreadsheet program.

Usage: scripts/fill-worksheet-libreoffice.py IN.xlsx OUT.xlsx [--dimension economy]

On the dimension's sheet it adds a programme row below the last one (a new id, the element,
lead and years of the sheet's first programme), on `budget` a budget line for it and on
`indicators` an indicator with a baseline and a target in the programme's first year. Cells are
found by the field keys in row 2, as `worksheet import` finds them. It starts its own headless
soffice (a throwaway profile, a private pipe) and talks to it over Python UNO; LibreOffice and
its Python bindings must be installed (Debian: libreoffice-calc python3-uno).

Exits 0 when the workbook was filled and saved, 1 on an error, 77 when LibreOffice or UNO is
missing. Prints the new programme id.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SKIP = 77
NEW_ID_SUFFIX = "-99"


def connect(pipe, timeout=60):
    import uno  # noqa: F401  (python3-uno)

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    end = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(
                f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > end:
                raise
            time.sleep(0.5)


def prop(name, value):
    from com.sun.star.beans import PropertyValue

    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def columns(sheet):
    """Field key (row 2) -> column index."""
    keys = {}
    for col in range(0, 200):
        key = sheet.getCellByPosition(col, 1).getString().strip()
        if key:
            keys[key] = col
    return keys


def first_empty_row(sheet, col):
    row = 2
    while sheet.getCellByPosition(col, row).getString().strip():
        row += 1
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--dimension", default="economy")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("skipped: soffice (LibreOffice) is not installed")
        return SKIP
    try:
        import uno  # noqa: F401
    except ImportError:
        # The bindings belong to the system's Python (a pyenv or venv python lacks them).
        system = "/usr/bin/python3"
        if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system):
            return subprocess.call([system, __file__, *sys.argv[1:]])
        print("skipped: the Python UNO bindings are not installed (Debian: python3-uno)")
        return SKIP

    source = Path(args.input).resolve()
    target = Path(args.output).resolve()
    with tempfile.TemporaryDirectory() as profile:
        pipe = f"masterplan-fill-{os.getpid()}"
        office = subprocess.Popen(
            [soffice, "--headless", "--invisible", "--nologo", "--norestore",
             f"-env:UserInstallation={Path(profile).as_uri()}",
             f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            context = connect(pipe)
            desktop = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context)
            doc = desktop.loadComponentFromURL(
                source.as_uri(), "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
            if doc is None:
                raise RuntimeError(f"LibreOffice could not open {source}")
            sheets = doc.getSheets()

            # A new programme, like the sheet's first one.
            sheet = sheets.getByName(args.dimension)
            keys = columns(sheet)
            first = {k: sheet.getCellByPosition(c, 2).getString() for k, c in keys.items()}
            prefix = first["id"].rsplit("-", 1)[0]
            new_id = prefix + NEW_ID_SUFFIX
            row = first_empty_row(sheet, keys["id"])
            start = int(float(first["start"]))
            values = {
                "id": new_id,
                "name": "Pasar Digital Terpadu",
                "element": first["element"],
                "category": "application",
                "description": "Aplikasi pemesanan dan pembayaran\nuntuk pedagang pasar rakyat.",
                "lead": first["lead"],
                "start": start,
                "end": start + 1,
                "outputs": "Aplikasi pasar\n10 pasar terhubung",
                "quick_win": first["quick_win"] or "tidak",
            }
            for key, value in values.items():
                cell = sheet.getCellByPosition(keys[key], row)
                if isinstance(value, int):
                    cell.setValue(value)
                else:
                    cell.setString(value)

            # Its budget line.
            budget = sheets.getByName("budget")
            bkeys = columns(budget)
            row = first_empty_row(budget, bkeys["program"])
            budget.getCellByPosition(bkeys["program"], row).setString(new_id)
            budget.getCellByPosition(bkeys["source"], row).setString("apbd")
            budget.getCellByPosition(bkeys["amount"], row).setValue(150000000)
            budget.getCellByPosition(bkeys["year"], row).setValue(start)

            # Its indicator, with a target in the first year.
            indicators = sheets.getByName("indicators")
            ikeys = columns(indicators)
            row = first_empty_row(indicators, ikeys["program"])
            indicators.getCellByPosition(ikeys["program"], row).setString(new_id)
            indicators.getCellByPosition(ikeys["name"], row).setString("Pasar terhubung")
            indicators.getCellByPosition(ikeys["unit"], row).setString("pasar")
            indicators.getCellByPosition(ikeys["baseline"], row).setValue(0)
            for year, goal in [(start, 4), (start + 1, 10)]:
                col = ikeys.get(f"targets.{year}")
                if col is not None:
                    indicators.getCellByPosition(col, row).setValue(goal)

            doc.storeToURL(target.as_uri(), (
                prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)))
            doc.close(True)
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge closes as soffice exits
        finally:
            # soffice hands over to soffice.bin: end the whole session it started.
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(office.pid, 15)
            except ProcessLookupError:
                pass
            office.wait()
    print(f"filled {args.dimension}: added {new_id}; saved {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
