"""The look every chart shares: a 1920x1080 slide, large type, a light or dark theme, one colour
per mode and per frame status, and a caption that says where and when the figures were measured.
"""
import textwrap

import matplotlib

matplotlib.use("Agg")  # files only, no display needed
import matplotlib.pyplot as plt  # noqa: E402

from plotting.units import format_value  # noqa: E402

WIDTH_PX, HEIGHT_PX, DPI = 1920, 1080, 100
THEMES = ("light", "dark")

# Colour-blind-safe hues (Okabe-Ito), one per mode in run order; the baseline takes the first.
MODE_COLORS = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#F0E442",
               "#999999"]
STATUS_COLORS = {"on_time": "#2E9E44", "janky": "#E8A317", "dropped": "#D62728"}
STATUS_NAMES = {"on_time": "on time", "janky": "janky", "dropped": "dropped"}


class Theme:
    def __init__(self, name):
        self.name = name
        dark = name == "dark"
        self.background = "#121417" if dark else "#FFFFFF"
        self.foreground = "#E8E8E8" if dark else "#1A1A1A"
        self.muted = "#9AA0A6" if dark else "#5F6368"
        self.grid = "#2E3238" if dark else "#E3E3E3"
        self.budget = "#FF6B6B" if dark else "#C62828"
        self.busy = "#000000" if not dark else "#FFFFFF"

    def apply(self):
        plt.rcdefaults()
        plt.rcParams.update({
            "figure.facecolor": self.background, "axes.facecolor": self.background,
            "savefig.facecolor": self.background, "text.color": self.foreground,
            "axes.labelcolor": self.foreground, "axes.edgecolor": self.muted,
            "xtick.color": self.foreground, "ytick.color": self.foreground,
            "grid.color": self.grid, "legend.facecolor": self.background,
            "legend.edgecolor": self.grid, "legend.labelcolor": self.foreground,
            "font.size": 17, "axes.titlesize": 24, "axes.labelsize": 18,
            "xtick.labelsize": 16, "ytick.labelsize": 17, "legend.fontsize": 15,
            "axes.spines.top": False, "axes.spines.right": False,
            "svg.hashsalt": "isolate-bench",  # the same SVG for the same figures
        })


def mode_color(index):
    return MODE_COLORS[index % len(MODE_COLORS)]


def new_figure(rows=1, **options):
    fig, axes = plt.subplots(rows, 1, figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI,
                             squeeze=False, **options)
    return fig, [row[0] for row in axes]


def plain(text):
    """Text from a CSV shown as it is: a `$` would otherwise start matplotlib's math mode."""
    return str(text).replace("$", r"\$")


def date_of(timestamp):
    """`2026-11-30T16:12:05Z` as `2026-11-30 16:12 UTC`; other text as it is."""
    if len(timestamp) >= 16 and timestamp[10] == "T":
        return f"{timestamp[:10]} {timestamp[11:16]} UTC"
    return timestamp


def add_header(fig, theme, results, title, subtitle, handles, columns):
    """The title, the subtitle and the legend at the top, and at the bottom the machine, the
    display rate, the build, the date and the command that measured it, so the slide explains
    itself. Puts the axes' top below the header."""
    y = 0.975
    lines = textwrap.wrap(title, 88)[:2]
    fig.text(0.02, y, plain("\n".join(lines)), ha="left", va="top", fontsize=26,
             fontweight="bold", color=theme.foreground, linespacing=1.25)
    y -= 0.047 * len(lines) + 0.008
    lines = textwrap.wrap(subtitle, 150)[:2]
    fig.text(0.02, y, plain("\n".join(lines)), ha="left", va="top", fontsize=17,
             color=theme.muted, linespacing=1.3)
    y -= 0.032 * len(lines) + 0.008
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.013, y), ncol=columns,
               frameon=False, borderaxespad=0, columnspacing=2.5)
    y -= 0.04 * -(-len(handles) // columns)
    fig.subplots_adjust(top=y - 0.035)

    env = results.environment
    budget = format_value("budget_ns", results.frame_budget_ns)
    machine = (f"{env['cpu_model']}, {env['logical_cores']} logical cores · "
               f"{results.fps:g} fps (frame budget {budget}) · {env['build_type']} build, "
               f"commit {env['commit']} · {date_of(env['timestamp_utc'])}")
    fig.text(0.02, 0.045, plain(machine), ha="left", fontsize=15, color=theme.muted)
    fig.text(0.02, 0.015, plain(command_text(env["command_line"])), ha="left", fontsize=14,
             color=theme.muted, family="monospace")


def command_text(command_line, limit=160):
    """The command as typed, the program without its folder (the slide's width is for the
    options), cut with an ellipsis past `limit` characters."""
    program, _, rest = command_line.partition(" ")
    text = (program.rsplit("/", 1)[-1] + " " + rest).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def finish_axes(ax, theme):
    ax.grid(True, axis="both", linewidth=0.8)
    ax.set_axisbelow(True)
    for spine in ("left", "bottom"):
        ax.spines[spine].set_color(theme.muted)
