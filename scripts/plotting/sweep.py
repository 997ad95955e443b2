"""A sweep (parameter sets that differ in one numeric parameter: sizes, resolutions, work
durations): the primary metric against it, one line per mode, and the frames dropped below."""
from matplotlib.lines import Line2D
from matplotlib.ticker import (FixedLocator, FuncFormatter, MaxNLocator, NullFormatter,
                               NullLocator)

from plotting.parameters import value_text
from plotting.style import add_header, finish_axes, mode_color, new_figure, plain
from plotting.units import format_value, name_of, scale_for, short

LOG_RANGE = 100  # an axis whose values span more than this factor is drawn logarithmic


def spans(values):
    positive = [v for v in values if v > 0]
    return len(positive) == len(values) and max(positive) / min(positive) > LOG_RANGE


def draw_sweep(results, key, group, members, theme):
    """`members`: (value of `key`, parameter set), ascending; `group`: the other parameters
    the sets share, {key: value}."""
    xs_sorted = [value for value, _ in members]
    sets = [s for _, s in members]
    column = results.primary
    budget = results.frame_budget_ns if results.primary_is_time else None
    highs = [m.high for s in sets for m in s.modes.values()]
    divisor, unit = scale_for(column, max(highs))
    x_divisor, _ = scale_for(key, max(xs_sorted))

    fig, (top, bottom) = new_figure(rows=2, sharex=True, gridspec_kw={"height_ratios": [2.3, 1]})
    fig.subplots_adjust(left=0.08, right=0.97, bottom=0.17, hspace=0.12)
    handles = []
    plotted = []
    for index, name in enumerate(results.mode_names()):
        points = [(x / x_divisor, s.modes[name])
                  for x, s in zip(xs_sorted, sets) if name in s.modes]
        if not points:
            continue
        color = mode_color(index)
        px = [p[0] for p in points]
        medians = [m.median / divisor for _, m in points]
        top.fill_between(px, [m.low / divisor for _, m in points],
                         [m.high / divisor for _, m in points], color=color, alpha=0.15,
                         linewidth=0)
        top.plot(px, medians, color=color, marker="o", markersize=9, linewidth=3)
        bottom.plot(px, [m.dropped_median for _, m in points], color=color, marker="o",
                    markersize=8, linewidth=2.5)
        plotted += medians + [m.low / divisor for _, m in points]
        baseline = any(m.baseline for _, m in points)
        handles.append(Line2D([], [], color=color, marker="o", linewidth=3,
                              label=plain(name + (" (baseline)" if baseline else ""))))
    if budget is not None:
        top.axhline(budget / divisor, color=theme.budget, linestyle="--", linewidth=2.5)
        handles.append(Line2D([], [], color=theme.budget, linestyle="--", linewidth=2.5,
                              label=f"frame budget {format_value('budget_ns', budget)} "
                                    f"at {results.fps:g} fps"))
        plotted.append(budget / divisor)

    if spans(xs_sorted):
        top.set_xscale("log")
    if spans(plotted):
        top.set_yscale("log")
        top.yaxis.set_major_formatter(FuncFormatter(lambda v, _: short(v)))
        top.yaxis.set_minor_formatter(NullFormatter())
    ticks = [x / x_divisor for x in xs_sorted]
    if len(ticks) <= 12:
        bottom.xaxis.set_major_locator(FixedLocator(ticks))
        bottom.xaxis.set_minor_locator(NullLocator())
        bottom.xaxis.set_minor_formatter(NullFormatter())
        bottom.set_xticklabels([format_value(key, x) for x in xs_sorted])
    bottom.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4))
    most_dropped = max(m.dropped_median for s in sets for m in s.modes.values())
    bottom.set_ylim(0, max(1, most_dropped) * 1.15)
    top.set_ylabel(plain(f"{column}, median ({unit})" if unit else f"{column}, median"))
    bottom.set_ylabel("frames dropped\n(median)")
    bottom.set_xlabel(plain(key))
    for ax in (top, bottom):
        finish_axes(ax, theme)
    shared = ", ".join(f"{k} {value_text(k, v)}" for k, v in group.items())
    add_header(fig, theme, results,
               f"{results.scenario} · {name_of(column)} by {name_of(key)}"
               + (f" · {shared}" if shared else ""),
               f"median per mode, band min – max; below, the frames the main isolate dropped "
               f"meanwhile ({len(sets)} parameter sets)", handles, min(len(handles), 7))
    return fig
