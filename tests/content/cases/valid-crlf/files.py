FILES = {"standards/principles/crlf.yaml": "kind: principle\r\nid: crlf\r\ntitle:\r\n  en: Windows line endings\r\n  pl: Końce linii z Windows\r\n"}
