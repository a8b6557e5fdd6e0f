# UTF-8 with a byte order mark, as Notepad writes it.
TEXT = "\ufeffkind: principle\nid: bom\ntitle: {en: Byte order mark, pl: Znacznik kolejności bajtów}\n"
FILES = {"standards/principles/bom.yaml": TEXT}
