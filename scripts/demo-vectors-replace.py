#!/usr/bin/env python3
"""Replaces the vectors of some papers in a vector file (.dpvf, see search/VectorFile) with those of another.

After scripts/demo-categories.py changed some demo abstracts, only those papers need new vectors: embed them
alone (scripts/reembed-demo.sh), then splice them into the shipped file here. Records keep their order; both
files must hold the same model, dimension and encoding.

Usage: scripts/demo-vectors-replace.py SHIPPED.dpvf NEW.dpvf OUT.dpvf
"""
import struct
import sys

VECTOR_BYTES = {0: 4, 1: 2}  # FLOAT32, FLOAT16 bytes a component; INT8 adds a 4-byte scale


def read(path):
    data = open(path, "rb").read()
    if data[:4] != b"DPVF" or data[4] != 1:
        sys.exit(f"{path}: not a version-1 vector file")
    pos = 7 + struct.unpack(">H", data[5:7])[0]
    dimension, encoding = struct.unpack(">i", data[pos:pos + 4])[0], data[pos + 4]
    pos += 5
    size = VECTOR_BYTES[encoding] * dimension if encoding in VECTOR_BYTES else 4 + dimension
    records = {}
    while pos + 2 <= len(data):
        n = struct.unpack(">H", data[pos:pos + 2])[0]
        end = pos + 2 + n + size
        if end > len(data):
            break  # a torn last record, as VectorFile.read drops it
        records[data[pos + 2:pos + 2 + n]] = data[pos + 2 + n:end]
        pos = end
    return data[:7 + struct.unpack(">H", data[5:7])[0] + 5], records


def main(shipped_path, new_path, out_path):
    header, shipped = read(shipped_path)
    new_header, new = read(new_path)
    if header != new_header:
        sys.exit("the two files hold different models, dimensions or encodings")
    with open(out_path, "wb") as out:
        out.write(header)
        for key in list(shipped) + [k for k in new if k not in shipped]:
            out.write(struct.pack(">H", len(key)) + key + new.get(key, shipped.get(key)))
    print(f"{sum(1 for k in new if k in shipped)} vectors replaced, {sum(1 for k in new if k not in shipped)} added")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
