"""Draws the program icon (complaint-desk.png, 256 px, and complaint-desk.ico, 16-256 px) from the bundled
CJK font: a red seal with the character 诉. Run from the repository root after changing it:

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/icons/render_icon.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "wqy-microhei.ttc"


def render(size: int = 256) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.06
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setBrush(QColor("#b3261e"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(box, size * 0.16, size * 0.16)
    painter.setPen(QPen(QColor("#fbe9e7"), size * 0.03))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = box.adjusted(size * 0.07, size * 0.07, -size * 0.07, -size * 0.07)
    painter.drawRoundedRect(inner, size * 0.1, size * 0.1)
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT)))[0]
    font = QFont(family)
    font.setPixelSize(int(size * 0.56))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, "诉")
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    image = render(256)
    png = HERE / "complaint-desk.png"
    image.save(str(png))
    from PIL import Image  # Pillow (a ReportLab dependency) writes every size into one .ico

    Image.open(png).save(HERE / "complaint-desk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64),
                                                            (128, 128), (256, 256)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
