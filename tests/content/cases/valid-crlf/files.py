# Windows line endings (generated here, so git's line-ending conversion cannot undo them).
TEXT = "kind: principle\nid: crlf\ntitle:\n  en: Windows line endings\n  pl: Końce linii z Windows\n"
FILES = {"standards/principles/crlf.yaml": TEXT.replace("\n", "\r\n")}
