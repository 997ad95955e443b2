"""One parameter set as horizontal bars: the primary metric's median per mode, min-max whiskers,
the main isolate's busy time inside each bar, the baseline marked, the ratio to it at the bar's
end, and the frame budget when the metric is a time."""
import math

from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from plotting.style import add_header, finish_axes, mode_color, new_figure, plain
from plotting.units import format_value, name_of, scale_for

# The budget line is drawn when it fits in a scale at most this many times the longest whisker;
# beyond, the bars would shrink to slivers, so its size is written instead.
BUDGET_IN_SCALE = 3.0


def ratio_text(results, mode):
    if mode.baseline:
        return "baseline"
    s = mode.speedup
    if s is None or not math.isfinite(s) or s <= 0:
        return ""
    better, worse = ("faster", "slower") if results.primary_is_time else ("better", "worse")
    text = f"{s:.2f}x {better}" if s >= 1 else f"{1 / s:.2f}x {worse}"
    if mode.verdict == "no clear difference":
        text += ", no clear difference"
    return text


def repetitions_text(modes):
    counts = sorted({m.count for m in modes})
    if len(counts) == 1:
        return f"{counts[0]} repetitions per mode"
    return f"{counts[0]}–{counts[-1]} repetitions per mode"


def draw_bars(results, parameter_set, theme):
    modes = list(parameter_set.modes.values())
    column = results.primary
    all_modes = results.mode_names()
    budget = results.frame_budget_ns if results.primary_is_time else None
    longest = max(m.high for m in modes)
    show_budget = budget is not None and budget <= BUDGET_IN_SCALE * max(longest, 1)
    divisor, unit = scale_for(column, max(longest, budget if show_budget else 0))

    fig, (ax,) = new_figure()
    fig.subplots_adjust(left=0.13, right=0.97, bottom=0.17)
    for y, mode in enumerate(modes):
        ax.barh(y, mode.median / divisor, height=0.62, zorder=2,
                color=mode_color(all_modes.index(mode.name)))
        if mode.busy_median is not None:
            ax.barh(y, mode.busy_median / divisor, height=0.2, color=theme.busy, alpha=0.6,
                    zorder=3)
        ax.errorbar(mode.median / divisor, y,
                    xerr=[[(mode.median - mode.low) / divisor],
                          [(mode.high - mode.median) / divisor]],
                    fmt="none", ecolor=theme.foreground, elinewidth=2.2, capsize=10, zorder=4)
        label = format_value(column, mode.median)
        ratio = ratio_text(results, mode)
        ax.annotate(f"{label}\n{ratio}" if ratio else label, (mode.high / divisor, y),
                    xytext=(14, 0), textcoords="offset points", va="center", ha="left",
                    fontsize=17, color=theme.foreground, zorder=5, linespacing=1.3,
                    bbox={"facecolor": theme.background, "edgecolor": "none", "alpha": 0.85,
                          "pad": 1})

    baseline = next(m for m in modes if m.baseline)
    ax.axvline(baseline.median / divisor, color=theme.muted, linestyle=":", linewidth=2.2,
               zorder=1)
    handles = [Line2D([], [], color=theme.foreground, marker="|", markersize=16, linewidth=2.2,
                      label="min – max"),
               Line2D([], [], color=theme.muted, linestyle=":", linewidth=2.2,
                      label=f"baseline ({baseline.name}) median")]
    if any(m.busy_median is not None for m in modes):
        handles.insert(0, Patch(color=theme.busy, alpha=0.6,
                                label="main isolate busy (main_thread_ns median)"))
    budget_text = ""
    if budget is not None:
        budget_label = f"frame budget {format_value('budget_ns', budget)} at {results.fps:g} fps"
        if show_budget:
            ax.axvline(budget / divisor, color=theme.budget, linestyle="--", linewidth=2.5,
                       zorder=1)
            handles.append(Line2D([], [], color=theme.budget, linestyle="--", linewidth=2.5,
                                  label=budget_label))
        else:
            budget_text = f" · {budget_label}: {budget / longest:.0f}x the longest bar, off scale"

    right = max(longest, budget if show_budget else 0) / divisor
    ax.set_xlim(0, right * 1.45)
    ax.set_ylim(len(modes) - 0.5, -0.5)  # the baseline on top
    ax.set_yticks(range(len(modes)))
    ax.set_yticklabels([plain(m.name + ("\n(baseline)" if m.baseline else "")) for m in modes])
    ax.set_xlabel(plain(f"{column}, median ({unit})" if unit else f"{column}, median"))
    finish_axes(ax, theme)
    ax.grid(False, axis="y")
    add_header(fig, theme, results, f"{results.scenario} · {parameter_set.label}",
               f"{name_of(column)} per mode: median of {repetitions_text(modes)}, whiskers "
               f"min – max, ratio to the baseline at the bar's end{budget_text}", handles,
               len(handles))
    return fig
