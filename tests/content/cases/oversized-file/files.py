# Over the 512 KiB limit (comments count: the file is read before it is parsed).
TEXT = "kind: principle\nid: big\ntitle: Big\n" + "# padding padding padding\n" * 25000
FILES = {"standards/principles/big.yaml": TEXT}
