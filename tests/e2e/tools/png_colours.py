#!/usr/bin/env python3
"""The dominant saturated colour of a band of rows of a PNG screenshot.

  png_colours.py FILE TOP BOTTOM  ->  prints "green", "red", "amber" or "none", and the size

Reads 8-bit RGB/RGBA non-interlaced PNGs (what Chromium writes) with the standard library
only. A pixel counts when it is clearly coloured (not white, grey or black); the hue with the
most pixels wins.
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise SystemExit(f"{path}: unsupported PNG (depth {depth}, colour type {colour})")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def hue_name(r, g, b):
    if max(r, g, b) - min(r, g, b) < 60:
        return None          # white, grey, black
    if g > r and g > b:
        return "green"
    if r > g and r > b:
        return "amber" if g > 0.55 * r else "red"
    return "blue"


def main():
    path, top, bottom = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    width, height, channels, rows = read_png(path)
    counts = {}
    for y in range(top, min(bottom, height)):
        line = rows[y]
        for x in range(0, width * channels, channels * 4):   # every 4th pixel is plenty
            name = hue_name(line[x], line[x + 1], line[x + 2])
            if name:
                counts[name] = counts.get(name, 0) + 1
    best = max(counts, key=counts.get) if counts else "none"
    print(f"{best} {width}x{height}")


if __name__ == "__main__":
    main()
