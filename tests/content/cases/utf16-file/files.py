# Saved as UTF-16 (with its byte order mark), as some Windows editors do.
TEXT = "kind: principle\nid: wide\ntitle: {en: Speed, pl: Szybkość}\n"
FILES = {"standards/principles/wide.yaml": TEXT.encode("utf-16")}
