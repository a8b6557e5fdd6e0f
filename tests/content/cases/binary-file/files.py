# The start of a PNG image saved with a .yaml name.
FILES = {"standards/principles/image.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"}
