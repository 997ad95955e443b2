"""What tells a run's parameter sets apart (the `parameters` column), for file names and sweeps.

A parameter that follows another one (json-parse's `products`, fixed by the size; an image's
height, fixed by its width at one aspect) tells nothing new and is left out."""
import math
import re

from plotting.units import format_value


def as_number(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def determines(keys, key, sets):
    """Whether the values of `keys` fix the value of `key` in every set."""
    seen = {}
    for s in sets:
        known = tuple(s.parameters.get(k) for k in keys)
        if seen.setdefault(known, s.parameters.get(key)) != s.parameters.get(key):
            return False
    return True


def distinguishing_keys(sets):
    """The parameters, in the column's order, that vary and do not follow earlier ones."""
    keys = []
    for key in sets[0].parameters if sets else []:
        if not determines(keys, key, sets):
            keys.append(key)
    return keys


def value_text(key, text):
    number = as_number(text)
    return format_value(key, number) if number is not None else text


def slug(parts):
    """A file-name part: `2 MB`, `typed` -> `2MB-typed`."""
    words = [re.sub(r"[^A-Za-z0-9.]+", "", p.replace("µ", "u")) for p in parts]
    return "-".join(w for w in words if w)[:60].strip(".-")


def set_names(sets):
    """A short name per set from its distinguishing values; empty for a single set."""
    keys = distinguishing_keys(sets)
    return [slug(value_text(k, s.parameters.get(k)) for k in keys) for s in sets]


def find_sweeps(sets):
    """(key, [(group, [(value, set)...])...]) for the first numeric distinguishing parameter
    whose value differs in every set of a group, where a group ({key: value} of the other
    distinguishing parameters) holds the sets that agree in all of them; None when the sets
    form no sweep. Groups of one set are left out; at least one group must have two."""
    keys = distinguishing_keys(sets)
    for key in keys:
        values = [as_number(s.parameters.get(key)) for s in sets]
        if None in values:
            continue
        others = [k for k in keys if k != key]
        groups = {}
        for value, s in zip(values, sets):
            groups.setdefault(tuple(s.parameters.get(k) for k in others), []).append((value, s))
        if any(len({v for v, _ in members}) != len(members) for members in groups.values()):
            continue
        swept = [(dict(zip(others, group)), sorted(members, key=lambda m: m[0]))
                 for group, members in groups.items() if len(members) >= 2]
        if swept:
            return key, swept
    return None


def group_name(group):
    """A sweep group's file-name part: {decoder: typed} -> `typed`."""
    return slug(value_text(k, v) for k, v in group.items())
