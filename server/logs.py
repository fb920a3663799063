"""Log lines never carry a token: an old `?token=` sign-in link (or any `…token=` parameter)
has its value replaced before uvicorn's access log or our own loggers write it."""

import logging
import re
from urllib.parse import unquote

# name=value pairs as they appear in a query string; the name decides, once decoded.
PAIR = re.compile(r"(?P<name>[^\s?&;=\"'#/]+)=(?P<value>[^\s&;\"'#]*)")
# The loggers that may write a request's address. Logger filters see only the records logged
# to that very logger, hence each by name.
LOGGERS = ("uvicorn.access", "uvicorn.error", "peergraph.request")


def redact(text: str) -> str:
    """Replaces the value of every parameter whose name ends in `token` (token, access_token,
    id_token, ...; any case, percent-encoded or not)."""

    def hide(match: re.Match[str]) -> str:
        if not unquote(match["name"]).lower().endswith("token"):
            return match[0]
        return f"{match['name']}=[redacted]"

    return PAIR.sub(hide, text)


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {
                k: redact(v) if isinstance(v, str) else v for k, v in record.args.items()
            }
        return True


def redact_tokens_in_logs() -> None:
    """Installs the filter (once) on the loggers that write requests; uvicorn's own logging
    setup later keeps logger filters."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())
