import json
import logging

from archive.core.logging import JsonFormatter


def test_log_lines_are_json_objects_with_level_logger_and_message():
    record = logging.LogRecord("archive.test", logging.WARNING, __file__, 1, "Vaizdas %s nerastas", ("x",), None)
    entry = json.loads(JsonFormatter().format(record))
    assert (entry["level"], entry["logger"], entry["message"]) == ("WARNING", "archive.test", "Vaizdas x nerastas")
    assert entry["time"].endswith("+00:00")
