"""The text fields of a form whose request was too large to accept (a huge photo).

Werkzeug refuses such a request before reading it, so the form would come back empty. Here the
body is read once more, in small chunks, straight past the file parts (nothing of a file is
kept): what the person typed comes back in the form. Bounded: at most `max_read` bytes are read,
each field keeps at most `max_field` bytes.
"""

from flask import request
from werkzeug.datastructures import MultiDict
from werkzeug.sansio.multipart import NEED_DATA, Data, Epilogue, Field, File, MultipartDecoder

from participatie.web.input import strip_control

CHUNK = 64 * 1024


def typed_fields(max_read: int, max_field: int = 64 * 1024) -> MultiDict:
    """The form's text fields (files left out); empty when the body is not multipart."""
    boundary = request.mimetype_params.get("boundary", "")
    if request.mimetype != "multipart/form-data" or not boundary:
        return MultiDict()
    decoder = MultipartDecoder(boundary.encode("latin-1"))
    fields, current = [], None
    for chunk in _chunks(max_read):
        decoder.receive_data(chunk)
        current = _collect(decoder, fields, current, max_field)
        if current is _DONE:
            break
    return MultiDict((name, strip_control(bytes(value).decode("utf-8", "replace"))) for name, value in fields)


_DONE = object()


def _collect(decoder, fields: list, current, max_field: int):
    """Run the decoder over what it has; `current` is the field being read (None: a file or none)."""
    while (event := decoder.next_event()) is not NEED_DATA:
        if isinstance(event, Field):
            current = [event.name, bytearray()]
            fields.append(current)
        elif isinstance(event, File):
            current = None
        elif isinstance(event, Data) and current is not None and len(current[1]) < max_field:
            current[1] += event.data[: max_field - len(current[1])]
        elif isinstance(event, Epilogue):
            return _DONE
    return current


def _chunks(max_read: int):
    stream = request.environ.get("wsgi.input")
    left = min(request.content_length or max_read, max_read)
    while stream is not None and left > 0:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            break
        left -= len(chunk)
        yield chunk
    yield None  # the decoder's end of input
