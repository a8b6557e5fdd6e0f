# A BEL character (U+0007) pasted into a title, after Polish letters (the column counts characters).
FILES = {"standards/principles/bell.yaml": "kind: principle\nid: bell\ntitle: {en: Bell, pl: Dzwoń\x07}\n"}
