#!/usr/bin/env bash
# Builds the libFuzzer targets (bdc, acs, study) into .build-fuzz/: the library targets are compiled by
# SwiftPM with coverage and AddressSanitizer instrumentation, then each entry point is linked with
# `swiftc -sanitize=fuzzer,address -parse-as-library` (STACK-NOTES.md).
set -euo pipefail
cd "$(dirname "$0")/.."
BP=.build-fuzz
FLAGS=(-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address)
swift build --build-path "$BP" --target LastmileKit "${FLAGS[@]}" >&2
BIN=$(swift build --build-path "$BP" --show-bin-path "${FLAGS[@]}")
mapfile -t OBJS < <(find "$BIN" -name '*.o' -path '*.build/*' | grep -E "/(AtomicFiles|GeoModel|GeoIO|Ingest|Analysis|RunStore|Graphics|Charts|Maps|Reports|Atlas|LastmileKit|TOMLKit|CTOML)\.build/")
INCLUDES=(-I "$BIN/Modules" -I Sources/CGDAL -I Sources/CCairo -I Sources/CPNG -I Sources/CSQLite -I Sources/CCrypto -I Sources/CZlib
          -Xcc "-fmodule-map-file=$BIN/CTOML.build/module.modulemap")
for f in $(pkg-config --cflags-only-I gdal pangocairo libpng zlib sqlite3 libcrypto); do INCLUDES+=(-Xcc "$f"); done
LIBS=(-lstdc++)
for f in $(pkg-config --libs gdal pangocairo libpng zlib sqlite3 libcrypto); do LIBS+=("$f"); done
build() {
    local name=$1; shift
    swiftc -sanitize=fuzzer,address -parse-as-library -g -module-name "Fuzz_$name" "$@" Fuzz/FuzzInput.swift \
        "${INCLUDES[@]}" "${OBJS[@]}" "${LIBS[@]}" -o "$BP/fuzz-$name"
    echo "$BP/fuzz-$name"
}
build bdc Fuzz/BDCReaderFuzz.swift
build acs Fuzz/ACSReaderFuzz.swift
build study Fuzz/StudyFileFuzz.swift
