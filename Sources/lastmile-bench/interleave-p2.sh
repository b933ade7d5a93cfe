#!/usr/bin/env bash
# usage: KIT=kit-folder B=/absolute/path/to/lastmile-bench interleave-p2.sh DATA_DIR ROUNDS
# P2 spatial join: DuckDB spatial, geopandas (sjoin) and lastmile-bench p2 in turn, ROUNDS times; prints
# the digests, then per tool the median wall time, CPU time (user+sys) and peak RSS from /usr/bin/time.
cd "${KIT:-.}"  # the benchmark kit folder (p2_duckdb.py, .venv)
d=$1; n=${2:-5}
B=${B:-lastmile-bench}
declare -A cmds=([duckdb]=".venv/bin/python p2_duckdb.py $d" [geopandas]=".venv/bin/python p2_geopandas.py $d" [swift]="$B p2 $d")
order="duckdb geopandas swift"
out=$(mktemp)
for r in $(seq $n); do
  for k in $order; do
    /usr/bin/time -f "$k %e %M %U %S" -o /tmp/t.$$ ${cmds[$k]} > /tmp/o.$$ 2>&1
    cat /tmp/t.$$ >> $out
    tail -1 /tmp/o.$$ | sed "s/^/$k: /" >> $out.dig
    [ $k = swift ] && grep '^lastmile-bench p2' /tmp/o.$$ >> $out.phases
  done
done
sort -u $out.dig
cat $out.phases
python3 - "$out" <<'PY'
import sys, statistics, collections
t = collections.defaultdict(list); m = collections.defaultdict(list); c = collections.defaultdict(list)
for line in open(sys.argv[1]):
    k, s, kb, u, sy = line.split(); t[k].append(float(s)); m[k].append(int(kb)); c[k].append(float(u) + float(sy))
for k in t:
    print(f"{k:9s} median {statistics.median(t[k]):.3f} s  (min {min(t[k]):.3f} max {max(t[k]):.3f}, n={len(t[k])})  CPU (user+sys) median {statistics.median(c[k]):.2f} s  peak RSS median {statistics.median(m[k])/1024:.0f} MiB  all: {' '.join(f'{x:.2f}' for x in t[k])}")
PY
