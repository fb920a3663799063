"""What in a sign-in token proves that a researcher record is the user's own.

Strict parsing on both sides, so that look-alikes never match: an ORCID is the bare
`0000-0002-1825-0097` or its orcid.org URL, with the ISO 7064 11,2 check digit right; an email
has one `@`, a local part and a domain that IDNA 2008 accepts as it is (compatibility
characters such as the KELVIN SIGN are refused, not folded into ASCII), compared label by label.
"""

import re
import unicodedata

import idna

from model.users import User

# re.ASCII: [0-9] and the case-insensitive X and host never match look-alike code points.
ORCID = re.compile(
    r"(?:https?://(?:www\.)?orcid\.org/)?([0-9]{4})-([0-9]{4})-([0-9]{4})-([0-9]{3}[0-9X])",
    re.ASCII | re.IGNORECASE,
)


def _check_digit(base: str) -> str:
    """ISO 7064 MOD 11-2 over the first 15 digits, as ORCID computes it."""
    total = 0
    for digit in base:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def orcid_of(value: object) -> str | None:
    """The ORCID as its 16 characters (`000000021825009X`); None unless `value` is exactly a
    well-formed ORCID with a right check digit."""
    if not isinstance(value, str):
        return None
    match = ORCID.fullmatch(value)
    if match is None:
        return None
    digits = "".join(match.groups()).upper()
    return digits if _check_digit(digits[:15]) == digits[15] else None


def hyphenated(orcid: str) -> str:
    return "-".join(orcid[i : i + 4] for i in range(0, 16, 4))


def domain_labels(domain: object) -> tuple[str, ...] | None:
    """The domain as lowercase A-labels (`münchen.de` -> ('xn--mnchen-3ya', 'de')); None when it
    is not a host name IDNA 2008 accepts as written."""
    if not isinstance(domain, str):
        return None
    lowered = domain.lower()
    # NFKC would turn the KELVIN SIGN into K or a fullwidth letter into ASCII: a name that
    # changes under it is a look-alike, refused rather than matched.
    for text in (domain, lowered):
        if unicodedata.normalize("NFKC", text) != text:
            return None
    try:
        encoded = idna.encode(lowered, uts46=False).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None
    labels = tuple(encoded.split("."))
    if "" in labels or labels[-1].isdigit():  # a trailing dot; an IP address
        return None
    return labels


def email_domain(email: object) -> tuple[str, ...] | None:
    """The labels of the domain of a well-formed address; None for anything else."""
    if not isinstance(email, str) or email.count("@") != 1:
        return None
    local, _, domain = email.partition("@")
    if not local or not local.isprintable() or any(c.isspace() for c in local):
        return None
    return domain_labels(domain)


def _at_domain(email: tuple[str, ...], domain: str) -> bool:
    """The address is at the domain or a subdomain of it. A one-label domain (`se`) is never
    an institution's."""
    labels = domain_labels(domain)
    return labels is not None and len(labels) >= 2 and email[-len(labels) :] == labels


def matching_evidence(viewer: User, orcid: str | None, domains: list[str]) -> str | None:
    """What in the viewer's token matches the record, in words; None when nothing does.
    `domains` are the web domains of the institutions on the researcher's own authorships
    and imported affiliations."""
    mine = orcid_of(viewer.orcid)
    if mine is not None and mine == orcid_of(orcid):
        return f"ORCID {hyphenated(mine)}"
    email = email_domain(viewer.email) if viewer.email_verified else None
    if email is None:
        return None
    for domain in domains:
        if _at_domain(email, domain):
            return f"verified email at {domain}, the researcher's own institution"
    return None
