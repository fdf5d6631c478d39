"""The renderer base: page furniture, numbered canvas, styles and form-building helpers.

In the spirit of pretix's invoice renderer: a class with hooks (``fonts``, ``styles``, ``page_templates``,
``story``) whose ``render`` returns PDF bytes. Every measurement is a named constant in millimetres.
Every printout carries its number as text and as a QR code encoding exactly the number, the branch name,
the print time, "第 X 页 / 共 Y 页", and from the second copy on a 补打 mark. Every text uses the embedded
CJK font; the canvas' initial font is set to it too, so no base-14 font is left in the PDF.
"""
from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Paragraph, Spacer, Table, TableStyle

from printing.documents import PrintMeta
from printing.fonts import FONT_NAME, draw_string, register_fonts, runs, string_width

# --- measurements (mm) ----------------------------------------------------------------------------------------

PAGE_SIZE = A4
PAGE_WIDTH, PAGE_HEIGHT = PAGE_SIZE
MARGIN_LEFT = 18 * mm
MARGIN_RIGHT = 18 * mm
HEADER_TOP = 10 * mm  # page edge to the top of the header band
HEADER_HEIGHT = 24 * mm  # branch name, number, QR code
HEADER_GAP = 5 * mm  # header rule to the first line of the body
FOOTER_BOTTOM = 10 * mm  # page edge to the footer text baseline
FOOTER_HEIGHT = 8 * mm  # footer rule to the page edge offset
BODY_GAP = 4 * mm  # body to the footer rule
QR_SIZE = 22 * mm  # including the quiet zone
QR_QUIET_MODULES = 4  # the quiet zone the QR specification asks for, in modules
MARK_HEIGHT = 6 * mm  # the 补打 mark box
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
BODY_TOP = PAGE_HEIGHT - HEADER_TOP - HEADER_HEIGHT - HEADER_GAP
BODY_BOTTOM = FOOTER_BOTTOM + FOOTER_HEIGHT + BODY_GAP
LABEL_WIDTH = 27 * mm  # label column of a form grid
SECTION_GAP = 3 * mm
LIST_GAP = 1.5 * mm  # between the tables of one round
SIGNATURE_ROW_HEIGHT = 11 * mm
SIGNATURE_ROLE_WIDTH = LABEL_WIDTH  # lines up with the label column of the grids above
SIGNATURE_NAME_WIDTH = 38 * mm
SIGNATURE_DATE_WIDTH = 52 * mm
CELL_PADDING = 1.0 * mm  # above and below the text of a cell
CELL_PADDING_X = 2 * mm  # left and right of the text of a cell
CHUNK_LINES = 3  # a long text is cut into rows of this many lines, so it can break across pages
RULE_WIDTH = 0.6  # points
BOX_WIDTH = 1.0  # points

# --- colours --------------------------------------------------------------------------------------------------

LABEL_BACKGROUND = colors.Color(0.92, 0.92, 0.92)
HEADING_BACKGROUND = colors.Color(0.82, 0.82, 0.82)
REPRINT_COLOUR = colors.Color(0.8, 0.05, 0.05)
MUTED = colors.Color(0.35, 0.35, 0.35)

EMPTY = "（无）"
TICK = "✓"
CHECKBOX_SIZE = 3.2 * mm  # the side of a tick box
CHECKBOX_GAP = 1.5 * mm  # box to its label
CHOICE_GAP = 5 * mm  # one option to the next
DATE_BLANK = "　　　　年　　月　　日"


def text(value) -> str:
    """Paragraph markup for plain text: escaped, line breaks kept, and each run of characters the primary font
    lacks (a rare character of a name: 𠮷) set in the fallback font that has them."""
    plain = str(value or "").replace("\r\n", "\n")
    markup = []
    for name, piece in runs(plain):
        piece = escape(piece).replace("\n", "<br/>")
        markup.append(piece if name == FONT_NAME else f'<font face="{name}">{piece}</font>')
    return "".join(markup)


def reprint_text(copy_no: int) -> str:
    return f"补打 第{copy_no}次打印"


@lru_cache(maxsize=64)
def qr_modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of a QR code (error correction M) encoding exactly ``value``."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def draw_qr(canvas, value: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """Draw the QR code of ``value`` with its lower left corner at (x, y); once per document as a form."""
    form = "qr-" + "".join(ch if ch.isalnum() else "_" for ch in value)
    if not canvas.hasForm(form):
        modules = qr_modules(value)
        count = len(modules) + 2 * QR_QUIET_MODULES
        box = size / count
        canvas.beginForm(form, lowerx=0, lowery=0, upperx=size, uppery=size)
        canvas.setFillColor(colors.black)
        path = canvas.beginPath()
        for r, row in enumerate(modules):
            top = size - (r + QR_QUIET_MODULES) * box
            c = 0
            while c < len(row):
                if row[c]:
                    start = c
                    while c < len(row) and row[c]:
                        c += 1
                    path.rect((start + QR_QUIET_MODULES) * box, top - box, (c - start) * box, box)
                else:
                    c += 1
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(form)
    canvas.restoreState()


class QrFlowable(Flowable):
    """A QR code in the story (e.g. on the customer's part of the receipt)."""

    def __init__(self, value: str, size: float = QR_SIZE):
        super().__init__()
        self.value = value
        self.width = self.height = size

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        draw_qr(self.canv, self.value, 0, 0, self.width)


class Label:
    """A label cell of a form (shaded), as opposed to a value."""

    def __init__(self, text: str, style: str = "label", shaded: bool = True):
        self.text = text
        self.style = style
        self.shaded = shaded


class _Band(Flowable):
    """A flowable as wide as the frame and ``HEIGHT`` tall."""

    HEIGHT = 0

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.HEIGHT


class Choice(_Band):
    """A row of tick boxes with labels (□ 通过  ✓ 不通过), drawn as real boxes so they print clearly."""

    FONT_SIZE = 9.5
    HEIGHT = 4.5 * mm

    def __init__(self, options: list[tuple[str, bool]], note: str, font_name: str):
        super().__init__()
        self.options = options
        self.note = note
        self.font_name = font_name


    def draw(self):
        canvas = self.canv
        base = (self.HEIGHT - CHECKBOX_SIZE) / 2
        x = 0
        canvas.saveState()
        canvas.setLineWidth(0.8)
        for label, ticked in self.options:
            canvas.rect(x, base, CHECKBOX_SIZE, CHECKBOX_SIZE, stroke=1, fill=0)
            if ticked:
                canvas.setFont(self.font_name, 11)
                canvas.drawCentredString(x + CHECKBOX_SIZE / 2, base + 0.4 * mm, TICK)
            x += CHECKBOX_SIZE + CHECKBOX_GAP
            draw_string(canvas, x, base + 0.5 * mm, label, self.FONT_SIZE)
            x += string_width(label, self.FONT_SIZE) + CHOICE_GAP
        if self.note:
            draw_string(canvas, x, base + 0.5 * mm, self.note, self.FONT_SIZE)
        canvas.restoreState()


class CutLine(_Band):
    """A dashed cut line across the page with a label in the middle (沿此线剪开)."""

    HEIGHT = 8 * mm

    def __init__(self, label: str):
        super().__init__()
        self.label = label


    def draw(self):
        canvas = self.canv
        y = self.HEIGHT / 2
        canvas.saveState()
        canvas.setFont(FONT_NAME, 8)
        label_width = canvas.stringWidth(self.label, FONT_NAME, 8) + 6 * mm
        canvas.setDash(4, 3)
        canvas.setLineWidth(0.8)
        left_end = (self.width - label_width) / 2
        canvas.line(0, y, left_end, y)
        canvas.line(left_end + label_width, y, self.width, y)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(self.width / 2, y - 3, self.label)
        canvas.restoreState()


def make_numbered_canvas(font_name: str):
    """A canvas class that writes "第 X 页 / 共 Y 页" once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            # The document template passes None, which would mean Helvetica: replace it.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font_name
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10
            super().__init__(*args, **kwargs)
            self._page_states: list[dict] = []

        def showPage(self):
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font_name, 8)
                self.drawCentredString(PAGE_WIDTH / 2, FOOTER_BOTTOM, f"第 {self._pageNumber} 页 / 共 {total} 页")
                self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class DocumentRenderer:
    """Base of every printout. Subclasses set ``title`` and implement ``story``."""

    title = ""
    font_name = FONT_NAME
    cell_padding = CELL_PADDING  # above and below the text of a ruled cell (a dense form may take less)

    def __init__(self, meta: PrintMeta):
        self.meta = meta

    # --- hooks --------------------------------------------------------------------------------------------

    def fonts(self) -> str:
        return register_fonts()

    def styles(self) -> dict[str, ParagraphStyle]:
        font = self.font_name

        def style(name, size, leading, **kwargs):
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kwargs)

        return {
            "title": style("title", 18, 24, alignment=TA_CENTER, spaceAfter=4 * mm),
            "heading": style("heading", 10.5, 14),
            "section": style("section", 10.5, 14, keepWithNext=1, spaceAfter=LIST_GAP),  # a heading outside a table
            "label": style("label", 9, 12),
            "label_center": style("label_center", 9, 12, alignment=TA_CENTER),
            "value": style("value", 9.5, 13.5),
            "value_center": style("value_center", 9.5, 13.5, alignment=TA_CENTER),
            "small": style("small", 8, 11, textColor=MUTED),
            "body": style("body", 11, 20, firstLineIndent=22),
            "body_plain": style("body_plain", 11, 20),
            "letter_heading": style("letter_heading", 11.5, 20, spaceBefore=2 * mm, keepWithNext=1),
            "right": style("right", 11, 20, alignment=TA_RIGHT),
            "part_title": style("part_title", 14, 18, alignment=TA_CENTER),
            "note": style("note", 9, 13, alignment=TA_LEFT),
        }

    def page_templates(self) -> list[PageTemplate]:
        frame = Frame(
            MARGIN_LEFT, BODY_BOTTOM, CONTENT_WIDTH, BODY_TOP - BODY_BOTTOM,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )
        return [PageTemplate(id="form", frames=[frame], onPage=self.draw_page_furniture)]

    def story(self) -> list[Flowable]:
        raise NotImplementedError

    def canvas_class(self):
        return make_numbered_canvas(self.font_name)

    # --- rendering -----------------------------------------------------------------------------------------

    def render(self) -> bytes:
        self.font_name = self.fonts()
        self.style = self.styles()
        buffer = BytesIO()
        doc = BaseDocTemplate(
            buffer, pagesize=PAGE_SIZE, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
            topMargin=PAGE_HEIGHT - BODY_TOP, bottomMargin=BODY_BOTTOM,
            title=f"{self.title} {self.meta.number}", author=self.meta.branch_name,
            subject=self.title, creator="Complaint Desk", invariant=1, initialFontName=self.font_name,
        )
        doc.addPageTemplates(self.page_templates())
        doc.build(self.story(), canvasmaker=self.canvas_class())
        return buffer.getvalue()

    def draw_page_furniture(self, canvas, doc) -> None:
        meta = self.meta
        font = self.font_name
        top = PAGE_HEIGHT - HEADER_TOP
        right = PAGE_WIDTH - MARGIN_RIGHT
        header_bottom = top - HEADER_HEIGHT
        canvas.saveState()
        # branch and document, left
        number_right = right - QR_SIZE
        # a long branch name shrinks rather than run into the number
        room = number_right - MARGIN_LEFT - canvas.stringWidth(meta.number, font, 12) - 6 * mm
        size = 12.0
        while size > 7 and string_width(meta.branch_name, size) > room:
            size -= 0.5
        draw_string(canvas, MARGIN_LEFT, top - 7 * mm, meta.branch_name, size)
        canvas.setFont(font, 9)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_LEFT, top - 13 * mm, self.title)
        canvas.setFillColor(colors.black)
        # number and QR code, right
        draw_qr(canvas, meta.number, right - QR_SIZE + 2 * mm, header_bottom + 1 * mm)
        canvas.setFont(font, 9)
        canvas.drawRightString(number_right, top - 6 * mm, "编号")
        canvas.setFont(font, 12)
        canvas.drawRightString(number_right, top - 12 * mm, meta.number)
        if meta.copy_no > 1:
            label = reprint_text(meta.copy_no)
            canvas.setFont(font, 11)
            width = canvas.stringWidth(label, font, 11) + 4 * mm
            x = number_right - width
            y = top - 20 * mm
            canvas.setStrokeColor(REPRINT_COLOUR)
            canvas.setFillColor(REPRINT_COLOUR)
            canvas.setLineWidth(1.2)
            canvas.rect(x, y, width, MARK_HEIGHT, stroke=1, fill=0)
            canvas.drawString(x + 2 * mm, y + 1.7 * mm, label)
            canvas.setFillColor(colors.black)
            canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(BOX_WIDTH)
        canvas.line(MARGIN_LEFT, header_bottom, right, header_bottom)
        # footer
        rule_y = FOOTER_BOTTOM + FOOTER_HEIGHT - 3 * mm
        canvas.setLineWidth(RULE_WIDTH)
        canvas.line(MARGIN_LEFT, rule_y, right, rule_y)
        canvas.setFont(font, 8)
        canvas.drawString(MARGIN_LEFT, FOOTER_BOTTOM, f"打印时间：{meta.printed_at}")
        canvas.drawRightString(right, FOOTER_BOTTOM, f"{self.title}  {meta.number}")
        canvas.restoreState()

    # --- helpers for subclasses ----------------------------------------------------------------------------

    def p(self, value, style: str = "value") -> Paragraph:
        return Paragraph(text(value), self.style[style])

    def table_style(self, extra=()) -> TableStyle:
        """Ruled cells (GRID) in the CJK font; ``ruled_table`` draws its own lines instead."""
        return TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font_name),
            ("FONTSIZE", (0, 0), (-1, -1), 9.5),
            ("GRID", (0, 0), (-1, -1), RULE_WIDTH, colors.black),
            ("BOX", (0, 0), (-1, -1), BOX_WIDTH, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_X),
            ("TOPPADDING", (0, 0), (-1, -1), self.cell_padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.cell_padding),
            *extra,
        ])

    def chunks(self, value, style: str, width: float) -> list[Paragraph]:
        """``value`` as paragraphs of at most CHUNK_LINES lines each, so a long text can flow across pages."""
        st = self.style[style]
        rest = Paragraph(text(value), st)
        inner = width - 2 * CELL_PADDING_X
        plain = str(value or "")
        if "\n" not in plain and len(plain) * st.fontSize <= inner:
            return [rest]  # one line for sure (no glyph is wider than 1 em): skip the trial layout
        _, height = rest.wrap(inner, PAGE_HEIGHT * 100)
        limit = st.leading * CHUNK_LINES + 0.5
        if height <= limit:
            return [rest]
        pieces = []
        while True:
            parts = rest.split(inner, limit)
            if len(parts) < 2:
                pieces.append(rest)
                return pieces
            pieces.append(parts[0])
            rest = parts[1]

    def ruled_table(self, heading: str | None, widths: list[float], records: list[list],
                    title_row: list[str] | None = None) -> Table:
        """A ruled form table whose records may run over pages without losing their lines.

        A record is a list of cells, one per column: ``None`` continues the cell to its left (a column span),
        a ``Label`` is a shaded label cell, anything else is a value. A long value becomes several rows
        (chunks) drawn as one cell: no rule between them, so the table can break between chunks. The heading
        and column titles are repeated on every page the table runs onto.
        """
        columns = len(widths)
        data, cmds = [], []
        if heading:
            data.append([self.p(heading, "heading")] + [""] * (columns - 1))
            cmds += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), HEADING_BACKGROUND),
                     ("LINEBELOW", (0, 0), (-1, 0), RULE_WIDTH, colors.black)]
        if title_row:
            r = len(data)
            data.append([self.p(t, "label_center") for t in title_row])
            cmds += [("BACKGROUND", (0, r), (-1, r), LABEL_BACKGROUND),
                     ("LINEBELOW", (0, r), (-1, r), RULE_WIDTH, colors.black),
                     ("INNERGRID", (0, r), (-1, r), RULE_WIDTH, colors.black)]
        repeat = len(data)
        for record in records:
            # the cells of this record: start column, end column, value
            cells = []
            for c, cell in enumerate(record):
                if cell is None:
                    cells[-1][1] = c
                else:
                    cells.append([c, c, cell])
            split = []
            for first, last, cell in cells:
                width = sum(widths[first:last + 1])
                if isinstance(cell, Label):
                    split.append(self.chunks(cell.text, cell.style, width))
                elif isinstance(cell, Flowable):
                    split.append([cell])
                else:
                    split.append(self.chunks(cell, "value", width))
            height = max(len(pieces) for pieces in split)
            r0 = len(data)
            r1 = r0 + height - 1
            for i in range(height):
                row = [""] * columns
                for (first, _last, _cell), pieces in zip(cells, split):
                    if i < len(pieces):
                        row[first] = pieces[i]
                data.append(row)
            for first, last, cell in cells:
                if last > first:
                    for r in range(r0, r1 + 1):
                        cmds.append(("SPAN", (first, r), (last, r)))
                if isinstance(cell, Label) and cell.shaded:
                    cmds.append(("BACKGROUND", (first, r0), (last, r1), LABEL_BACKGROUND))
                if first > 0:
                    cmds.append(("LINEBEFORE", (first, r0), (first, r1), RULE_WIDTH, colors.black))
            if r0 > 0:
                cmds.append(("LINEABOVE", (0, r0), (-1, r0), RULE_WIDTH, colors.black))
            if height > 1:
                cmds += [("BOTTOMPADDING", (0, r0), (-1, r1 - 1), 0), ("TOPPADDING", (0, r0 + 1), (-1, r1), 0),
                         ("VALIGN", (0, r0), (-1, r1), "TOP")]
        style = TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font_name),
            ("FONTSIZE", (0, 0), (-1, -1), 9.5),
            ("BOX", (0, 0), (-1, -1), BOX_WIDTH, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_X),
            ("TOPPADDING", (0, 0), (-1, -1), self.cell_padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.cell_padding),
            *cmds,
        ])
        return Table(data, colWidths=widths, style=style, repeatRows=repeat, hAlign="LEFT")

    def grid(self, heading: str | None, rows: list[tuple], label_width: float = LABEL_WIDTH) -> Table:
        """A ruled form grid: each row holds one (label, value) pair spanning the width, or two side by side."""
        half = (CONTENT_WIDTH - 2 * label_width) / 2
        records = []
        for row in rows:
            if len(row) == 1:
                (label, value), = row
                records.append([Label(label), value, None, None])
            else:
                (label_a, value_a), (label_b, value_b) = row
                records.append([Label(label_a), value_a, Label(label_b), value_b])
        return self.ruled_table(heading, [label_width, half, label_width, half], records)

    def list_table(self, heading: str | None, columns: list[tuple[str, float]], rows: list[list[str]],
                   empty_text: str = EMPTY) -> Table:
        """A ruled list: heading row, column titles, one record per row (``columns``: title, relative width)."""
        total = sum(width for _, width in columns)
        widths = [CONTENT_WIDTH * width / total for _, width in columns]
        records = [list(row) for row in rows]
        if not records:
            records = [[Label(empty_text, "value_center", shaded=False)] + [None] * (len(columns) - 1)]
        return self.ruled_table(heading, widths, records, [title for title, _ in columns])

    def heading_row_style(self, row: int = 0):
        return [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), HEADING_BACKGROUND)]

    def signature_table(self, heading: str | None, signers: list[tuple[str, str]], titles: bool = True,
                        row_height: float = SIGNATURE_ROW_HEIGHT) -> Table:
        """Signature boxes: role, printed name, room for the handwritten signature, date."""
        widths = [SIGNATURE_ROLE_WIDTH, SIGNATURE_NAME_WIDTH,
                  CONTENT_WIDTH - SIGNATURE_ROLE_WIDTH - SIGNATURE_NAME_WIDTH - SIGNATURE_DATE_WIDTH,
                  SIGNATURE_DATE_WIDTH]
        data, extra = [], []
        if heading:
            data.append([self.p(heading, "heading"), "", "", ""])
            extra += self.heading_row_style(0)
        if titles:
            extra.append(("BACKGROUND", (0, len(data)), (-1, len(data)), LABEL_BACKGROUND))
            data.append([self.p("签字人", "label_center"), self.p("姓名", "label_center"),
                         self.p("签字", "label_center"), self.p("日期", "label_center")])
        first = len(data)
        for role, name in signers:
            data.append([self.p(role, "label"), self.p(name), "", DATE_BLANK])
        extra += [("BACKGROUND", (0, first), (0, -1), LABEL_BACKGROUND), ("ALIGN", (3, first), (3, -1), "CENTER")]
        heights = [None] * first + [row_height] * len(signers)
        return Table(data, colWidths=widths, rowHeights=heights, style=self.table_style(extra), hAlign="LEFT")

    def signature_block(self, heading: str | None, signers: list[tuple[str, str]], titles: bool = True,
                        before: list | None = None, row_height: float = SIGNATURE_ROW_HEIGHT) -> KeepTogether:
        """Signature boxes kept whole on one page, with ``before`` (e.g. the section they sign) kept with them."""
        return KeepTogether(list(before or [Spacer(1, SECTION_GAP)])
                            + [self.signature_table(heading, signers, titles, row_height)])

    def choice(self, options: list[tuple[str, bool]], note: str = "") -> "Choice":
        """Tick boxes with their labels, ticked (✓) by the computer or left for the pen."""
        return Choice(options, note, self.font_name)

    def gap(self, height: float = SECTION_GAP) -> Spacer:
        """Vertical space, in points (use the mm constants)."""
        return Spacer(1, height)
