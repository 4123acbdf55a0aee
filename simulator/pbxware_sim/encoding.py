"""Response bodies the way PHP writes them: ``json_encode`` and ``serialize``.

Handlers return plain dicts/lists. PHP has one array type, so an empty
ID-keyed result is an empty array and encodes as ``[]``, never ``{}``.
"""
import json
import math
import re


def _php_arrays(value):
    """Apply PHP array semantics: empty dicts become empty lists, recursively."""
    if isinstance(value, dict):
        return {str(k): _php_arrays(v) for k, v in value.items()} if value else []
    if isinstance(value, (list, tuple)):
        return [_php_arrays(v) for v in value]
    return value


def encode_json(value):
    # json_encode defaults: compact, ASCII-only, "/" escaped as "\/".
    text = json.dumps(_php_arrays(value), separators=(",", ":"), ensure_ascii=True)
    return text.replace("/", "\\/")


_INT_KEY = re.compile(r"^(0|-?[1-9][0-9]*)$")


def _php_key(key):
    """PHP turns canonical decimal string keys ("12", "-3") into integer keys."""
    if isinstance(key, int) or (_INT_KEY.match(str(key)) and -2 ** 63 <= int(key) < 2 ** 63):
        return "i:%d;" % int(key)
    return _php_value(str(key))


def _php_float(value):
    if math.isnan(value):
        return "NAN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    if "e" in text:  # PHP: 1.0E+25
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        text = "%sE%s%s" % (mantissa, "-" if exponent.startswith("-") else "+", exponent.lstrip("+-"))
    return text


def _php_value(value):
    if value is None:
        return "N;"
    if isinstance(value, bool):
        return "b:%d;" % value
    if isinstance(value, int):
        return "i:%d;" % value
    if isinstance(value, float):
        return "d:%s;" % _php_float(value)
    if isinstance(value, str):
        return 's:%d:"%s";' % (len(value.encode("utf-8")), value)
    if isinstance(value, (list, tuple)):
        value = dict(enumerate(value))
    if isinstance(value, dict):
        body = "".join(_php_key(k) + _php_value(v) for k, v in value.items())
        return "a:%d:{%s}" % (len(value), body)
    raise TypeError("cannot serialize %r" % type(value))


def encode_php(value):
    """PHP ``serialize()`` of the response (lists become integer-keyed arrays)."""
    return _php_value(_php_arrays(value))
