"""CAMEO event codes for wirewatch's event types, so incidents join GDELT-style event data.

Codes are CAMEO's as GDELT writes them (strings; four digits where CAMEO is finer):
- 183: conduct suicide, car or other non-military bombing;
- 182: physically assault;
- 190: use conventional military force, not specified further;
- 193: fight with small arms and light weapons;
- 194: fight with artillery and tanks (rocket artillery included);
- 195: employ aerial weapons (aircraft and missiles); 1952: remotely piloted aerial munitions.
"""

from __future__ import annotations

CAMEO_CODES = {
    "air strike": "195",
    "missile strike": "195",
    "drone strike": "1952",
    "rocket strike": "194",
    "shelling": "194",
    "shooting": "193",
    "bombing": "183",
    "explosion": "190",
    "stabbing": "182",
}


def cameo_codes(event_types: list[str]) -> list[str]:
    """The CAMEO codes of an incident's event types, in their order, each once. A type CAMEO
    has no code for adds none: no code is invented."""
    return list(dict.fromkeys(CAMEO_CODES[t] for t in event_types if t in CAMEO_CODES))
