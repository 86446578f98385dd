"""CSV files the site writes, safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel, LibreOffice and Google Sheets, and titles or names imported from elsewhere can
begin that way. Such a cell is written with a leading single quote (OWASP's rule), which the
spreadsheet shows as text."""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(filename, header, rows):
    """A CSV download of ``rows`` (lists of cells) under ``header``."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    for row in [header, *rows]:
        writer.writerow([safe_cell(cell) for cell in row])
    return response
