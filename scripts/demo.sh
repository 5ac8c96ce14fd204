#!/usr/bin/env bash
# The main job: install, ingest a sample into ./witness.db (embedded SQLite), show it, serve it.
# Sample: Victor Serge's folder of the MIA corpus plus the seed text when ../shared/corpus is
# present; otherwise the small examples/ set.  SERVE=0 skips the server; NLP=0 skips NLP.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OPENBLAS_NUM_THREADS=1
W=".venv/bin/witness --db ${WITNESS_DB:-witness.db}"
shared=${WITNESS_SHARED:-../shared}
if [ -f "$shared/corpus/mia-9k.tar.xz" ]; then
  pages=$(bash "$shared/corpus/unpack.sh" .corpus)
  sample=("$pages/archive/serge" "$shared/corpus/seed-000_48f42ec88d016539.txt")
else
  sample=(examples)
fi
nlp_flag=(); [ "${NLP:-1}" = 0 ] && nlp_flag=(--no-nlp)
$W ingest "${nlp_flag[@]}" "${sample[@]}"
$W stats | head -30
echo; echo "== documents mentioning Rakovsky, in any spelling (Rakowsky, Раковский…)"; $W search --person Rakovsky --limit 5
echo; echo "== what they say happened to him, with the certainty each text gives"; $W person Rakovsky --timeline | head -20
if [ "${SERVE:-1}" != 0 ] && $W serve --help >/dev/null 2>&1; then
  echo; echo "== serving on http://127.0.0.1:${PORT:-8000}/ (Ctrl-C to stop)"
  exec $W serve --port "${PORT:-8000}"
fi
