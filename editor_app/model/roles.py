"""Line roles: what a line of raw text is within its page."""

ROLES = (
    "kicker",
    "title",
    "subtitle",
    "byline",
    "subhead",
    "body",
    "boilerplate",
    "noise",
)
HEADING_ROLES = frozenset({"kicker", "title", "subtitle"})
OUTSIDE_ROLES = frozenset({"boilerplate", "noise"})


def role_class(role: str) -> str:
    """Coarse class used by the role metric: heading, byline, body or outside."""
    if role in HEADING_ROLES:
        return "heading"
    if role == "byline":
        return "byline"
    if role in OUTSIDE_ROLES:
        return "outside"
    return "body"
