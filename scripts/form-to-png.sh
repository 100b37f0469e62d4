#!/usr/bin/env bash
# Prints a form's HTML page with headless Chromium to PDF, checks it is A4, and makes a
# PNG of its first page to look at (a long report may take two pages).   usage: scripts/form-to-png.sh FORM.html OUT.png
# Needs: apt-get install chromium poppler-utils
set -euo pipefail
html=$1; png=$2
pdf="${png%.png}.pdf"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$pdf" "$html" 2>/dev/null
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$pdf" | grep '^Page size:')
pdftoppm -png -r 60 -singlefile -f 1 -l 1 "$pdf" "${png%.png}"
echo "$pages page(s), $size -> $png"
[[ "$size" == *"(A4)"* ]]
