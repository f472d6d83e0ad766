#!/usr/bin/env bash
# Regenerates the key reference in docs/configuration.md (between its BEGIN/END GENERATED markers)
# from the commented defaults, as `./delaynet config --markdown` prints them. ConfigCommandTest fails
# when the page and the defaults disagree; run this after changing any *-defaults.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
ref="$(mktemp)"
trap 'rm -f "$ref"' EXIT
./delaynet config --markdown > "$ref"
python3 - "$ref" <<'PY'
import sys
page = "docs/configuration.md"
begin = "<!-- BEGIN GENERATED: ./delaynet config --markdown -->\n"
end = "<!-- END GENERATED -->"
text = open(page).read()
a = text.index(begin) + len(begin)
b = text.index(end)
open(page, "w").write(text[:a] + open(sys.argv[1]).read() + text[b:])
PY
echo "docs/configuration.md regenerated"
