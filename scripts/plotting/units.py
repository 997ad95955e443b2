"""Units from a column's name (results/README.md: a key ends in its unit, `_ns` or `_bytes`,
unless it is a count or a ratio), and a scale that keeps an axis's numbers short."""

TIME_SCALES = [(1e9, "s"), (1e6, "ms"), (1e3, "µs"), (1.0, "ns")]
# Sizes in powers of ten, as isolate-bench writes them (MB = 10^6 bytes).
BYTE_SCALES = [(1e9, "GB"), (1e6, "MB"), (1e3, "KB"), (1.0, "B")]


def unit_of(column):
    if column.endswith("_ns"):
        return "time"
    if column.endswith("_bytes"):
        return "bytes"
    return "number"


def name_of(column):
    """The column's name without its unit: `end_to_end_ns` -> `end_to_end`."""
    for suffix in ("_ns", "_bytes"):
        if column.endswith(suffix):
            return column[: -len(suffix)]
    return column


def scale_for(column, largest):
    """(divisor, unit text) for values of `column` up to `largest`."""
    scales = {"time": TIME_SCALES, "bytes": BYTE_SCALES}.get(unit_of(column))
    if scales is None:
        return 1.0, ""
    for divisor, text in scales:
        if abs(largest) >= divisor:
            return divisor, text
    return scales[-1]


def short(value):
    """Three significant digits, no exponent for the magnitudes an axis shows."""
    return f"{value:.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def format_value(column, value):
    """`value` of `column` with its own best unit: 61.2 ms, 2 MB, 0.43."""
    divisor, text = scale_for(column, value)
    return f"{short(value / divisor)} {text}".strip()
