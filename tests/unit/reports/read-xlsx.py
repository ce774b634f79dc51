"""Reads an .xlsx with openpyxl (Debian's python3-openpyxl) and prints it as JSON: every cell
value of every sheet, merged ranges, print area, orientation and paper size. The tests compare
this independent reading with the ledger."""
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], data_only=False)
out = {}
for ws in wb.worksheets:
    out[ws.title] = {
        "cells": [[c.value for c in row] for row in ws.iter_rows()],
        "formats": {c.coordinate: c.number_format for row in ws.iter_rows() for c in row
                    if c.value is not None and not isinstance(c.value, str)},
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "printArea": ws.print_area if isinstance(ws.print_area, str) or ws.print_area is None else ",".join(ws.print_area),
        "orientation": ws.page_setup.orientation,
        "paperSize": ws.page_setup.paperSize,
    }
print(json.dumps(out, ensure_ascii=False, default=str))
