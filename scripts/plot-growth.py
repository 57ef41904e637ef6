#!/usr/bin/env python3
"""Draws how each cost grows with the number of papers (issue 16) as one SVG of small panels.

usage: scripts/plot-growth.py docs/scale-growth.tsv docs/scale-growth.svg

The TSV has a header row; the first column is `papers`, each other column one measured figure (empty: not
measured). Panels share a logarithmic x axis (papers); each panel has its own linear y axis from 0, with the goal
drawn as a dashed line where the column name carries one after '@', e.g. `bm25_p99_ms@20`. Columns with the
same unit (the last '_' part: ms, s, mb, ...) share a panel. Standard library only.
"""
import csv
import math
import sys

PANEL_W, PANEL_H, MARGIN_L, MARGIN_B, GAP = 300, 170, 52, 34, 26
COLOURS = ["#1f6feb", "#d1242f", "#1a7f37", "#8250df"]


def parse(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    header, body = rows[0], [r for r in rows[1:] if r and not r[0].startswith("#")]
    papers = [float(r[0]) for r in body]
    series = {}
    for j, name in enumerate(header[1:], start=1):
        series[name] = [float(r[j]) if j < len(r) and r[j].strip() else None for r in body]
    return papers, series


def panels(series):
    """Columns with the same unit (the part after the last '_') share a panel: BM25 and hybrid p99 together."""
    groups = {}
    for name in series:
        base, _, goal = name.partition("@")
        groups.setdefault(base.rsplit("_", 1)[-1], []).append((name, base, goal))
    return list(groups.values())


def fmt(v):
    if v >= 1e6:
        return ("%.1fM" % (v / 1e6)).replace(".0M", "M")
    if v >= 1e4:
        return "%.0fk" % (v / 1e3)
    if v >= 1e3:
        return ("%.1fk" % (v / 1e3)).replace(".0k", "k")
    return "%.3g" % v


def draw(papers, series, out):
    groups = panels(series)
    cols = 2
    rows = math.ceil(len(groups) / cols)
    width = cols * (PANEL_W + MARGIN_L + GAP)
    height = rows * (PANEL_H + MARGIN_B + GAP + 18) + 10
    lx0, lx1 = math.log10(min(papers)) - 0.1, math.log10(max(papers)) + 0.1
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>']
    for k, group in enumerate(groups):
        ox = (k % cols) * (PANEL_W + MARGIN_L + GAP) + MARGIN_L
        oy = (k // cols) * (PANEL_H + MARGIN_B + GAP + 18) + 24
        values = [v for name, _, _ in group for v in series[name] if v is not None]
        goals = [float(g) for _, _, g in group if g]
        top = max(values + goals + [1e-9]) * 1.15

        def x(p):
            return ox + (math.log10(p) - lx0) / (lx1 - lx0) * PANEL_W

        def y(v):
            return oy + PANEL_H - v / top * PANEL_H

        svg.append('<text x="%d" y="%d" font-weight="bold">%s</text>' % (ox, oy - 8, " / ".join(b for _, b, _ in group)))
        svg.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>' % (ox, oy, PANEL_W, PANEL_H))
        for t in range(5):
            v = top * t / 4
            svg.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>' % (ox - 4, y(v) + 4, fmt(v)))
        for p in papers:
            svg.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (x(p), oy + PANEL_H + 14, fmt(p)))
        for g in goals:
            svg.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#555" stroke-dasharray="4 3"/>' % (ox, ox + PANEL_W, y(g), y(g)))
            svg.append('<text x="%d" y="%.1f" text-anchor="end" fill="#555">goal %s</text>' % (ox + PANEL_W - 4, y(g) - 3, fmt(g)))
        for i, (name, base, _) in enumerate(group):
            c = COLOURS[i % len(COLOURS)]
            pts = [(x(p), y(v)) for p, v in zip(papers, series[name]) if v is not None]
            if len(pts) > 1:
                svg.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (c, " ".join("%.1f,%.1f" % q for q in pts)))
            for q in pts:
                svg.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (q[0], q[1], c))
            if len(group) > 1:
                svg.append('<text x="%d" y="%d" fill="%s">%s</text>' % (ox + 6, oy + 14 + 13 * i, c, base))
        svg.append('<text x="%d" y="%d" text-anchor="middle" fill="#555">papers (log scale)</text>' % (ox + PANEL_W / 2, oy + PANEL_H + 28))
    svg.append("</svg>")
    with open(out, "w") as f:
        f.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    draw(*parse(sys.argv[1]), sys.argv[2])
