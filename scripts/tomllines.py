"""Line-level edits of the dictionary's TOML files, shared by scripts/apply-evidence.py and
scripts/add-forms.py. Forms are one inline table per line (`  { text = "...", kind = ... },`),
so a form can be found and changed without rewriting anything else in the file.
"""
import json
import re

# A form line: (prefix up to the text)(the JSON/TOML string)(the other keys)}(comma, comment)
FORM_LINE = re.compile(r'(\s*\{ text = )("(?:[^"\\]|\\.)*")(.*)\}(,?\s*(#.*)?)$')


def entry_range(lines, eid):
    """(start, end) line indices of the entry with id `eid`, or None."""
    start = next((i for i, l in enumerate(lines) if l == f"id = {json.dumps(eid, ensure_ascii=False)}"), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[[term]]")), len(lines))
    return start, end


def insert_forms(lines, eid, new):
    """Inserts the form lines `new` into the `forms = [` list of entry `eid` (creating the list
    when the entry has none). Returns False when there is no such entry."""
    r = entry_range(lines, eid)
    if r is None:
        return False
    start, end = r
    at = next((i for i in range(start, end) if lines[i].startswith("forms = [")), None)
    if at is None:
        e = end
        while e > start and not lines[e - 1].strip():
            e -= 1
        lines[e:e] = ["forms = ["] + new + ["]"]
    elif lines[at].rstrip().endswith("]"):
        inner = lines[at].rstrip()[len("forms = ["):-1].strip()
        lines[at:at + 1] = ["forms = ["] + ([f"  {inner}"] if inner else []) + new + ["]"]
    else:
        lines[at + 1:at + 1] = new
    return True
