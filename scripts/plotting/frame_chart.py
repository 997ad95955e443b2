"""A frame chart in the style of Flutter DevTools: one row per mode, one bar per VSync of the
mode's representative repetition (the median one, whose filmstrip the table shows), its height
the frame time, its colour the status the harness gave it, and the frame budget."""
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from plotting.frames import STATUSES, slowest_frame_ns
from plotting.style import (STATUS_COLORS, STATUS_NAMES, add_header, finish_axes, new_figure,
                            plain)
from plotting.units import format_value


def draw_frame_chart(results, parameter_set, frames, theme):
    modes = list(parameter_set.modes.values())
    rows = [frames[(parameter_set.label, m.name)] for m in modes]
    budget_ms = results.frame_budget_ns / 1e6
    slowest_ms = slowest_frame_ns(rows) / 1e6
    top = max(slowest_ms * 1.12, budget_ms * 2)

    fig, axes = new_figure(rows=len(modes), sharex=True, sharey=True)
    fig.subplots_adjust(left=0.13, right=0.97, bottom=0.17, hspace=0.3)
    for ax, mode, vsyncs in zip(axes, modes, rows):
        for status in STATUSES:
            chosen = [v for v in vsyncs if v.status == status]
            if not chosen:
                continue
            dropped = status == "dropped"
            ax.bar([v.index for v in chosen],
                   [top if dropped else v.frame_time_ns / 1e6 for v in chosen], width=0.8,
                   color=STATUS_COLORS[status], alpha=0.35 if dropped else 1.0,
                   hatch="//" if dropped else None, edgecolor=STATUS_COLORS[status],
                   linewidth=0, zorder=2)
        if not vsyncs:
            ax.text(0.5, 0.5, "no VSync reached the main isolate in this repetition's window",
                    transform=ax.transAxes, ha="center", va="center", color=theme.muted)
        ax.axhline(budget_ms, color=theme.budget, linestyle="--", linewidth=2, zorder=3)
        ax.set_ylabel(plain(mode.name + (" (baseline)" if mode.baseline else "")), rotation=0,
                      ha="right", va="center", fontsize=17)
        counts = " · ".join(f"{sum(v.status == s for v in vsyncs)} {STATUS_NAMES[s]}"
                            for s in STATUSES)
        ax.text(1.0, 1.0, f"{counts} · repetition {mode.representative().index}",
                transform=ax.transAxes, ha="right", va="bottom", fontsize=14,
                color=theme.muted)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=3))
        finish_axes(ax, theme)
        ax.grid(False, axis="x")
    axes[0].set_ylim(0, top)
    axes[-1].xaxis.set_major_locator(MaxNLocator(integer=True))
    axes[0].set_xlim(-0.8, max((v.index for vsyncs in rows for v in vsyncs), default=0) + 0.8)
    axes[-1].set_xlabel(f"VSync, one every {format_value('period_ns', results.frame_budget_ns)}"
                        " (the repetition's whole frames window: lead-in, the work, lead-out)")
    fig.text(0.005, 0.5, "frame time, ms", rotation=90, va="center", fontsize=16,
             color=theme.muted)
    handles = [Patch(color=STATUS_COLORS[s], alpha=0.35 if s == "dropped" else 1.0,
                     hatch="//" if s == "dropped" else None, label=STATUS_NAMES[s])
               for s in STATUSES]
    handles.append(Line2D([], [], color=theme.budget, linestyle="--", linewidth=2,
                          label=f"frame budget {format_value('budget_ns', results.frame_budget_ns)}"
                                f" at {results.fps:g} fps"))
    add_header(fig, theme, results, f"{results.scenario} · {parameter_set.label} · frames",
               "every VSync of each mode's median repetition; bar: VSync due to its frame "
               "finished; dropped VSyncs never got a frame (full height, hatched)", handles,
               len(handles))
    return fig
