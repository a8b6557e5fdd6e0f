# Polish text saved as ISO-8859-2 (Latin-2) instead of UTF-8: "Szybkość" -> b"Szybko\xb6\xe6".
TEXT = "kind: principle\nid: latin2\ntitle: {en: Speed, pl: Szybkość}\n"
FILES = {"standards/principles/latin2.yaml": TEXT.encode("iso-8859-2")}
