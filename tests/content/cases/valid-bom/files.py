FILES = {"standards/principles/bom.yaml": "\ufeffkind: principle\nid: bom\ntitle: {en: Byte order mark, pl: Znacznik kolejności bajtów}\n"}
