FILES = {"standards/principles/wide.yaml": "kind: principle\nid: wide\ntitle: {en: Speed, pl: Szybkość}\n".encode("utf-16")}
