FILES = {"standards/principles/big.yaml": "kind: principle\nid: big\ntitle: Big\n" + "# padding padding padding\n" * 25000}
