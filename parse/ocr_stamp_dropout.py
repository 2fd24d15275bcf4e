"""An ocrmypdf plugin: Tesseract reads each page with its red ink dropped out.

A Vietnamese report's signature carries the office's red round stamp, over the signer's
title and near the name; read as ink, the stamp makes Tesseract take that corner for a
picture and lose the lines around it ("PHÓ CHỦ TỊCH", the signer's name), or read its
ring of letters as words. In the red channel of a colour scan red ink is as light as the
paper while black and blue ink stay dark, so Tesseract gets the red channel, the colour
dropout scanners offer. Only the image sent to OCR changes; the PDF keeps the page as
scanned. A grey page is left as it is (its stamp is grey ink like the rest).

Loaded by ocrmypdf itself (`--plugin <this file>`), which Debian runs under
/usr/bin/python3: so it imports nothing of baocao.
"""

from ocrmypdf import hookimpl


@hookimpl
def filter_ocr_image(page, image):  # noqa: ARG001 (the hook's signature)
    if image.mode in ("RGB", "RGBA"):
        return image.getchannel("R")
    return image
